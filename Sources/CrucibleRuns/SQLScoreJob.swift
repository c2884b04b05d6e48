public import CrucibleBenchmarks
import CrucibleCore
import CrucibleSQL
import Foundation

/// Scores text-to-SQL predictions by execution: validates the inputs, runs every distinct query once on all
/// cores, checks the golds, and applies each rule.
public struct SQLScoreJob: Sendable {
    /// One prediction to judge and the task it answers.
    public struct Item: Sendable {
        public var task: SQLTask
        public var prediction: String

        public init(task: SQLTask, prediction: String) {
            self.task = task
            self.prediction = prediction
        }
    }

    public var kind: SQLBenchmarkKind
    /// Any tasks, in any order, repeats allowed: a whole split, one chunk of a run's samples, a few findings.
    public var items: [Item]
    public var options: SQLScoreOptions
    /// Lines of the predictions file to report with their whole line judged too.
    public var findings: [SQLInputFinding]

    /// A whole split with one prediction per task, checked: the counts must agree, and a missing database stops the
    /// job unless `allowUnavailable`. `findings` are lines of the predictions file whose whole line is judged too.
    public init(
        dataset: SQLDataset, predictions: [String], options: SQLScoreOptions, findings: [SQLInputFinding] = []
    ) throws(DatasetError) {
        guard predictions.count == dataset.tasks.count else {
            throw DatasetError(
                .mismatch, file: dataset.questionsFile,
                "\(predictions.count) predictions for \(dataset.tasks.count) tasks")
        }
        let missing = dataset.missingDatabases
        if !missing.isEmpty && !options.allowUnavailable {
            let count = dataset.tasks.filter { !$0.isAvailable }.count
            throw DatasetError(
                .missingDatabase, file: dataset.directory,
                "no database file for \(missing.joined(separator: ", ")) (\(count) tasks); restore it, or pass "
                    + "--allow-unavailable to score the other tasks and report these as unavailable")
        }
        self.init(
            kind: dataset.kind, items: zip(dataset.tasks, predictions).map { Item(task: $0, prediction: $1) },
            options: options, findings: findings)
    }

    /// Any items; a task without a database is judged unavailable. A finding names one of the items' tasks.
    public init(kind: SQLBenchmarkKind, items: [Item], options: SQLScoreOptions, findings: [SQLInputFinding] = []) {
        precondition(!options.rules.isEmpty, "at least one rule")
        let ids = Set(items.map(\.task.id))
        precondition(findings.allSatisfy { ids.contains($0.taskID) }, "findings name tasks of the job")
        self.kind = kind
        self.items = items
        self.options = options
        self.findings = findings
    }

    /// Runs the job. `progress` receives (queries finished, queries in all).
    public func run(progress: (@Sendable (Int, Int) -> Void)? = nil) -> SQLScoreResult {
        let started = Date()
        let rules = options.rules.map { $0.rule(keepDistinct: options.keepDistinct) }
        // Plans and tie-breakers are addressed by the item's position, never by a task's id.
        let plans = items.map { item in
            rules.map { $0.prepare(prediction: item.prediction, gold: item.task.gold) }
        }
        let tieBreakers = plans.map { OrderTieBreaker($0[0].gold) }
        var queries: [SQLQuery] = []
        for (position, item) in items.enumerated() where item.task.isAvailable {
            let task = item.task
            for prepared in plans[position] {
                for path in task.databasePaths {
                    queries.append(SQLQuery(databasePath: path, sql: prepared.gold))
                    queries.append(SQLQuery(databasePath: path, sql: prepared.prediction))
                }
            }
            if options.checkGoldDeterminism, let primary = plans[position].first,
                Self.needsReversedScan(primary.gold, tieBreaker: tieBreakers[position])
            {
                for path in task.databasePaths {
                    queries.append(SQLQuery(databasePath: path, sql: primary.gold, reversedScanOrder: true))
                }
            }
        }
        let executor = SQLExecutor(limits: options.limits, workers: options.workers)
        let total = Set(queries).count
        let report: (@Sendable (Int) -> Void)? =
            if let progress { { done in progress(done, total) } } else { nil }
        var outcomes = executor.execute(queries, progress: report)
        if options.checkGoldDeterminism {
            let probes = tieProbes(tieBreakers: tieBreakers, plans: plans, outcomes: outcomes)
            outcomes.merge(executor.execute(probes)) { first, _ in first }
        }
        let executionSeconds = Date().timeIntervalSince(started)
        let scores = items.enumerated().map { position, item in
            score(item.task, plans: plans[position], rules: rules, outcomes: outcomes)
        }
        let goldChecks = checkGolds(
            plans: plans, tieBreakers: tieBreakers, rules: rules, outcomes: outcomes, scores: scores)
        return SQLScoreResult(
            kind: kind, rules: options.rules, scores: scores, goldChecks: goldChecks,
            distinctQueries: total, executionSeconds: executionSeconds,
            inputFindings: judge(findings, scores: scores, rule: rules[0], executor: executor, outcomes: outcomes))
    }

    /// The tie-broken variants of every gold with a top-level ORDER BY that ran.
    private func tieProbes(
        tieBreakers: [OrderTieBreaker?], plans: [[PreparedComparison]], outcomes: [SQLQuery: TimedOutcome]
    ) -> [SQLQuery] {
        var probes: [SQLQuery] = []
        for (position, item) in items.enumerated() where item.task.isAvailable {
            let task = item.task
            guard let tieBreaker = tieBreakers[position] else { continue }
            let gold = plans[position][0].gold
            for path in task.databasePaths {
                // One row cannot tie with another unless a LIMIT cut other rows away.
                guard let table = outcomes[SQLQuery(databasePath: path, sql: gold)]?.outcome.table,
                    table.rows.count > 1 || (tieBreaker.cutsAtLimit && !table.rows.isEmpty),
                    let variants = tieBreaker.variants(columnCount: table.columnCount)
                else { continue }
                probes.append(SQLQuery(databasePath: path, sql: variants.ascending))
                probes.append(SQLQuery(databasePath: path, sql: variants.descending))
            }
        }
        return probes
    }

    /// Golds whose result can change with the physical scan order in a way explicit tie-breaking does not probe:
    /// a LIMIT without a top-level ORDER BY, or an ORDER BY or LIMIT inside a subquery.
    static func needsReversedScan(_ gold: String, tieBreaker: OrderTieBreaker?) -> Bool {
        guard ASCIISearch.contains(gold, "limit") || ASCIISearch.contains(gold, "order") else { return false }
        return tieBreaker == nil || OrderTieBreaker.hasNestedOrderOrLimit(gold)
    }

    private func score(
        _ task: SQLTask, plans: [PreparedComparison], rules: [any SQLComparisonRule],
        outcomes: [SQLQuery: TimedOutcome]
    ) -> SQLTaskScore {
        guard task.isAvailable else {
            return SQLTaskScore(
                taskID: task.id, databaseID: task.databaseID, category: task.category,
                statuses: rules.map { .init(rule: $0.name.rawValue, status: .unavailable) },
                error: "database `\(task.databaseID)` is not available", goldRows: nil, predictedRows: nil,
                goldSeconds: 0, predictedSeconds: 0)
        }
        var statuses: [SQLTaskScore.RuleStatus] = []
        var first: (error: String?, gold: Int?, predicted: Int?, goldSeconds: Double, predictedSeconds: Double)?
        for (rule, prepared) in zip(rules, plans) {
            let verdict = Self.judge(task, prepared: prepared, rule: rule, outcomes: outcomes)
            statuses.append(.init(rule: rule.name.rawValue, status: verdict.status))
            if first == nil {
                first = (
                    verdict.error, verdict.goldRows, verdict.predictedRows, verdict.goldSeconds,
                    verdict.predictedSeconds
                )
            }
        }
        return SQLTaskScore(
            taskID: task.id, databaseID: task.databaseID, category: task.category, statuses: statuses,
            error: first?.error, goldRows: first?.gold, predictedRows: first?.predicted,
            goldSeconds: first?.goldSeconds ?? 0, predictedSeconds: first?.predictedSeconds ?? 0)
    }

    struct Verdict {
        var status: ScoreStatus
        var error: String?
        var goldRows: Int?
        var predictedRows: Int?
        var goldSeconds = 0.0
        var predictedSeconds = 0.0
    }

    /// A prediction passes only if it matches on every database of its task; the first failure decides.
    static func judge(
        _ task: SQLTask, prepared: PreparedComparison, rule: any SQLComparisonRule, outcomes: [SQLQuery: TimedOutcome]
    ) -> Verdict {
        var verdict = Verdict(status: .match)
        for path in task.databasePaths {
            guard let gold = outcomes[SQLQuery(databasePath: path, sql: prepared.gold)],
                let predicted = outcomes[SQLQuery(databasePath: path, sql: prepared.prediction)]
            else { preconditionFailure("every planned query is executed") }
            verdict.goldSeconds += gold.seconds
            verdict.predictedSeconds += predicted.seconds
            verdict.goldRows = gold.outcome.table?.rows.count
            verdict.predictedRows = predicted.outcome.table?.rows.count
            let database = (path as NSString).lastPathComponent
            if rule.failsOnInvalidUTF8,
                gold.outcome.table?.droppedInvalidUTF8 == true || predicted.outcome.table?.droppedInvalidUTF8 == true
            {
                verdict.status = .error
                verdict.error = "Could not decode to UTF-8 (the \(rule.name.rawValue) rule reads text strictly)"
                return verdict
            }
            guard let goldTable = gold.outcome.table else {
                verdict.status = .goldFailed
                verdict.error = "gold failed on \(database): \(gold.outcome.message ?? gold.outcome.statusName)"
                return verdict
            }
            guard let predictedTable = predicted.outcome.table else {
                verdict.status = status(of: predicted.outcome)
                verdict.error = predicted.outcome.message
                return verdict
            }
            if !rule.matches(prediction: predictedTable, gold: goldTable, orderMatters: prepared.orderMatters) {
                verdict.status = .mismatch
                if task.databasePaths.count > 1 { verdict.error = "results differ on \(database)" }
                return verdict
            }
        }
        return verdict
    }

    static func status(of outcome: SQLOutcome) -> ScoreStatus {
        switch outcome {
        case .rows: return .match
        case .error: return .error
        case .timeout: return .timeout
        case .rowCap: return .rowCap
        case .memoryCap: return .memoryCap
        case .denied: return .denied
        }
    }

    private func checkGolds(
        plans: [[PreparedComparison]], tieBreakers: [OrderTieBreaker?], rules: [any SQLComparisonRule],
        outcomes: [SQLQuery: TimedOutcome], scores: [SQLTaskScore]
    ) -> GoldCheckReport {
        var failures: [GoldCheckReport.Failure] = []
        var nondeterministic: [GoldCheckReport.Nondeterminism] = []
        var executed = 0
        var orderChecked = 0
        for (position, item) in items.enumerated() where item.task.isAvailable {
            let task = item.task
            let prepared = plans[position][0]
            for path in task.databasePaths {
                executed += 1
                guard let forward = outcomes[SQLQuery(databasePath: path, sql: prepared.gold)] else { continue }
                guard let table = forward.outcome.table else {
                    failures.append(
                        .init(
                            taskID: task.id, database: path, status: forward.outcome.statusName,
                            message: forward.outcome.message ?? ""))
                    continue
                }
                var alternatives: [(SQLQuery, String)] = []
                if let tieBreaker = tieBreakers[position],
                    let variants = tieBreaker.variants(columnCount: table.columnCount)
                {
                    let reason = tieBreaker.cutsAtLimit ? "ties at the LIMIT cut" : "tied rows in a compared order"
                    alternatives.append((SQLQuery(databasePath: path, sql: variants.ascending), reason))
                    alternatives.append((SQLQuery(databasePath: path, sql: variants.descending), reason))
                }
                alternatives.append(
                    (
                        SQLQuery(databasePath: path, sql: prepared.gold, reversedScanOrder: true),
                        "result changes with the scan order"
                    ))
                let checked = alternatives.compactMap { query, reason in outcomes[query].map { ($0, reason) } }
                if !checked.isEmpty { orderChecked += 1 }
                let unstable = checked.first { alternative, _ in
                    guard let other = alternative.outcome.table else { return false }
                    return
                        !(rules[0].matches(prediction: other, gold: table, orderMatters: prepared.orderMatters)
                        && rules[0].matches(prediction: table, gold: other, orderMatters: prepared.orderMatters))
                }
                if let unstable {
                    nondeterministic.append(
                        .init(taskID: task.id, database: path, sql: task.gold, reason: unstable.1))
                }
            }
        }
        let scored = scores.filter { $0.passed != nil }
        let reachable = scored.filter { $0.status != .goldFailed }.count
        return GoldCheckReport(
            executed: executed, orderChecked: orderChecked, failures: failures, nondeterministic: nondeterministic,
            maxReachableAccuracy: scored.isEmpty ? nil : Double(reachable) / Double(scored.count))
    }
}

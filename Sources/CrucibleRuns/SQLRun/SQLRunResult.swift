import CrucibleBenchmarks
public import CrucibleCore
import CrucibleSQL

/// A text-to-SQL run's result, from its store: the first sample's verdicts in `crucible score`'s shape, and every
/// sample's verdict for pass@k when the run drew several.
public struct SQLRunResult: Sendable {
    /// Sample 0 of every task, scored as `crucible score` scores one prediction per task.
    public var score: SQLScoreResult
    public var samples: Int
    /// Per task (in `score.scores` order), the primary rule's verdict on each sample.
    public var sampleStatuses: [[ScoreStatus]]
    public var ks: [Int]

    /// pass@k over the tasks that could be scored (unbiased estimator, Chen et al. 2021).
    public func passAtK(_ k: Int) -> Double? {
        let tasks = zip(score.scores, sampleStatuses).filter { $0.0.status != .unavailable }.map { _, statuses in
            (samples: statuses.count, correct: statuses.filter { $0 == .match }.count)
        }
        return PassAtK.mean(tasks, k: k)
    }
}

extension SQLExecutionJob {
    /// The run's result from the verdicts stored for `round`.
    public func result(ks: [Int], samples: Int, store: RunStore, goldChecks: GoldCheckReport) throws(RunError)
        -> SQLRunResult
    {
        let executions: [StoredExecution]
        let generations: [StoredGeneration]
        do {
            executions = try store.executions(round: round)
            generations = try store.generations(round: round)
        } catch {
            throw RunError(store: error)
        }
        var verdicts: [TaskID: [Int: SQLSampleVerdict]] = [:]
        for execution in executions {
            verdicts[execution.taskID, default: [:]][execution.sample] = SQLSampleVerdict.decode(execution.detail)
        }
        var scores: [SQLTaskScore] = []
        var sampleStatuses: [[ScoreStatus]] = []
        for task in dataset.tasks {
            let stored = verdicts[task.id] ?? [:]
            if !task.isAvailable {
                scores.append(
                    SQLTaskScore(
                        taskID: task.id, databaseID: task.databaseID, category: task.category,
                        statuses: options.rules.map { .init(rule: $0.rawValue, status: .unavailable) },
                        error: "database `\(task.databaseID)` is not available", goldRows: nil, predictedRows: nil,
                        goldSeconds: 0, predictedSeconds: 0))
                sampleStatuses.append([])
                continue
            }
            guard let first = stored[0] else {
                // A finished run has a verdict for every sample; a missing one is a failure, never a silent pass.
                scores.append(
                    SQLTaskScore(
                        taskID: task.id, databaseID: task.databaseID, category: task.category,
                        statuses: options.rules.map { .init(rule: $0.rawValue, status: .error) },
                        error: "no verdict in the run store", goldRows: nil, predictedRows: nil, goldSeconds: 0,
                        predictedSeconds: 0))
                sampleStatuses.append(Array(repeating: .error, count: samples))
                continue
            }
            scores.append(first.score(for: task))
            sampleStatuses.append((0..<samples).map { stored[$0]?.rules.first?.status ?? .error })
        }
        let scored = scores.filter { $0.passed != nil }
        var checks = goldChecks
        if !scored.isEmpty {
            checks.maxReachableAccuracy =
                Double(scored.filter { $0.status != .goldFailed }.count) / Double(scored.count)
        }
        let seconds = executions.reduce(0) { $0 + $1.seconds }
        // As `crucible score` counts them: each distinct (database file, SQL) executed once.
        let byID = Dictionary(dataset.tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rules = options.rules.map { $0.rule(keepDistinct: options.keepDistinct) }
        var distinct = Set<[String]>()
        for generation in generations {
            guard let task = byID[generation.taskID] else { continue }
            for rule in rules {
                let prepared = rule.prepare(prediction: generation.code, gold: task.gold)
                for path in task.databasePaths {
                    distinct.insert([path, prepared.gold])
                    distinct.insert([path, prepared.prediction])
                }
            }
        }
        return SQLRunResult(
            score: SQLScoreResult(
                kind: dataset.kind, rules: options.rules, scores: scores, goldChecks: checks,
                distinctQueries: distinct.count, executionSeconds: seconds),
            samples: samples, sampleStatuses: sampleStatuses, ks: ks)
    }
}

import CrucibleBenchmarks
import CrucibleCore
import CrucibleSQL

extension SQLScoreJob {
    /// Judges each finding's whole line beside the verdict its scored SQL got, reusing the golds already run.
    func judge(
        _ findings: [SQLInputFinding], scores: [SQLTaskScore], rule: any SQLComparisonRule, executor: SQLExecutor,
        outcomes: [SQLQuery: TimedOutcome]
    ) -> [SQLJudgedFinding] {
        guard !findings.isEmpty else { return [] }
        // By the finding's task id, the first item of that task: scores are in the items' order.
        var positions: [TaskID: Int] = [:]
        for (position, item) in items.enumerated() where positions[item.task.id] == nil {
            positions[item.task.id] = position
        }
        let located = findings.map { positions[$0.taskID]! }
        let plans = zip(findings, located).map { finding, position in
            rule.prepare(prediction: finding.wholeLineSQL, gold: items[position].task.gold)
        }
        var queries: [SQLQuery] = []
        for (position, plan) in zip(located, plans) {
            for path in items[position].task.databasePaths {
                for sql in [plan.gold, plan.prediction] where outcomes[SQLQuery(databasePath: path, sql: sql)] == nil {
                    queries.append(SQLQuery(databasePath: path, sql: sql))
                }
            }
        }
        let all = outcomes.merging(executor.execute(queries)) { first, _ in first }
        return zip(findings, zip(located, plans)).map { finding, located in
            let (position, plan) = located
            let task = items[position].task
            return SQLJudgedFinding(
                finding: finding, verdict: scores[position].status,
                wholeLineVerdict: task.isAvailable
                    ? Self.judge(task, prepared: plan, rule: rule, outcomes: all).status : .unavailable)
        }
    }
}

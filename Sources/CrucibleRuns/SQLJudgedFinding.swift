public import CrucibleBenchmarks
public import CrucibleCore

/// An input finding with the verdict the official rule gave its line and the verdict the whole line would get, so a
/// reader sees what the finding changed.
public struct SQLJudgedFinding: Sendable, Equatable {
    public var finding: SQLInputFinding
    /// The task's verdict in `results.jsonl`: the scored SQL under the primary rule.
    public var verdict: ScoreStatus
    /// The whole line's SQL executed and judged under the same rule.
    public var wholeLineVerdict: ScoreStatus

    var json: JSONValue {
        .object([
            ("line", .number(Double(finding.line))),
            ("task_id", finding.taskID.sqlJSON),
            ("kind", .string(finding.kind.rawValue)),
            ("scored_sql", .string(finding.scoredSQL)),
            ("whole_line_sql", .string(finding.wholeLineSQL)),
            ("verdict", .string(verdict.rawValue)),
            ("whole_line_verdict", .string(wholeLineVerdict.rawValue)),
        ])
    }
}

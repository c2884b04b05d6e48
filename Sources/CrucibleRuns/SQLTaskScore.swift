public import CrucibleCore

/// The verdict on one task: one line of `results.jsonl`.
public struct SQLTaskScore: Sendable, Equatable {
    public var taskID: TaskID
    public var databaseID: String
    public var category: String?
    /// The verdict under each rule scored, in the order the rules were given.
    public var statuses: [RuleStatus]
    /// The error or reason behind the first rule's verdict, when it is not a match.
    public var error: String?
    public var goldRows: Int?
    public var predictedRows: Int?
    public var goldSeconds: Double
    public var predictedSeconds: Double

    /// The verdict under one rule.
    public struct RuleStatus: Sendable, Equatable {
        public var rule: String
        public var status: ScoreStatus
    }

    /// The first rule's verdict.
    public var status: ScoreStatus { statuses[0].status }
    public var passed: Bool? { status.passed }
}

/// One SQL string on one database file: the unit the executor runs, and runs once per run.
public struct SQLQuery: Sendable, Hashable {
    public var databasePath: String
    public var sql: String
    /// Run with `PRAGMA reverse_unordered_selects` on, to expose results that depend on physical row order.
    public var reversedScanOrder: Bool

    public init(databasePath: String, sql: String, reversedScanOrder: Bool = false) {
        self.databasePath = databasePath
        self.sql = sql
        self.reversedScanOrder = reversedScanOrder
    }
}

/// An outcome with the time the query took.
public struct TimedOutcome: Sendable, Hashable {
    public var outcome: SQLOutcome
    public var seconds: Double

    public init(outcome: SQLOutcome, seconds: Double) {
        self.outcome = outcome
        self.seconds = seconds
    }
}

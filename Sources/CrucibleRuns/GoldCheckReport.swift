public import CrucibleCore

/// What executing every gold query revealed before scoring.
public struct GoldCheckReport: Sendable, Equatable {
    /// A gold query that failed (error, timeout, cap) on one of its databases.
    public struct Failure: Sendable, Equatable {
        public var taskID: TaskID
        public var database: String
        public var status: String
        public var message: String
    }

    /// A gold query whose result depends on how SQLite happens to order rows: it changed when ties in its ORDER BY
    /// were broken explicitly, or when the physical scan order was reversed.
    public struct Nondeterminism: Sendable, Equatable {
        public var taskID: TaskID
        public var database: String
        public var sql: String
        public var reason: String
    }

    public var executed: Int
    public var orderChecked: Int
    public var failures: [Failure]
    public var nondeterministic: [Nondeterminism]
    /// The best accuracy any prediction set can reach: scored tasks whose gold runs, over scored tasks.
    public var maxReachableAccuracy: Double?
}

extension GoldCheckReport {
    /// The report as written in `summary.json`.
    public var json: JSONValue {
        .object([
            ("executed", .number(Double(executed))),
            ("order_checked", .number(Double(orderChecked))),
            ("failed", .number(Double(failures.count))),
            ("nondeterministic_count", .number(Double(nondeterministic.count))),
            ("max_reachable_accuracy", maxReachableAccuracy.map(JSONValue.number) ?? .null),
            (
                "failures",
                .array(
                    failures.map {
                        .object([
                            ("task_id", $0.taskID.sqlJSON), ("database", .string($0.database)),
                            ("status", .string($0.status)), ("message", .string($0.message)),
                        ])
                    })
            ),
            (
                "nondeterministic",
                .array(
                    nondeterministic.map {
                        .object([
                            ("task_id", $0.taskID.sqlJSON), ("database", .string($0.database)),
                            ("sql", .string($0.sql)), ("reason", .string($0.reason)),
                        ])
                    })
            ),
        ])
    }
}

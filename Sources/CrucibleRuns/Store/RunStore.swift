public import CrucibleCore
import CrucibleSQL
import Foundation

/// One run's SQLite file (`run.sqlite`): its configuration and environment, its tasks, and every generation and
/// execution, each written in a transaction as it completes, so that a run killed at any moment resumes from what
/// is stored. Safe to share: every call holds the store's lock (one SQLite connection, used by one thread at a time).
public final class RunStore: @unchecked Sendable {
    public let path: String
    let database: SQLiteConnection
    // Recursive: some calls are made of others (`requireValue` reads, then writes).
    private let lock = NSRecursiveLock()

    @discardableResult
    func locked<T>(_ body: () throws(RunStoreError) -> T) throws(RunStoreError) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Opens the store at `path`, creating it or bringing an older schema up to date.
    public init(path: String) throws(RunStoreError) {
        self.path = path
        database = try SQLiteConnection.store(path: path)
        try RunStoreSchema.migrate(database)
    }

    public var schemaVersion: Int {
        Int((try? database.storeQuery("PRAGMA user_version").first?.first?.integer) ?? 0)
    }

    // MARK: Run metadata

    public func setValue(_ value: String, for key: String) throws(RunStoreError) {
        try locked { () throws(RunStoreError) in
            try database.storeQuery(
                "INSERT INTO run (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [.text(key), .text(value)])
        }
    }

    public func value(for key: String) throws(RunStoreError) -> String? {
        try locked { () throws(RunStoreError) in
            try database.storeQuery("SELECT value FROM run WHERE key = ?", [.text(key)]).first?.first?.text
        }
    }

    /// Stores `value` under `key` the first time; afterwards requires the same value, so that a run is never
    /// resumed under another configuration or dataset (the error names what differs).
    public func requireValue(_ value: String, for key: String) throws(RunStoreError) {
        try locked { () throws(RunStoreError) in
            if let stored = try self.value(for: key) {
                guard stored == value else {
                    throw RunStoreError(
                        .mismatch, path: path,
                        "this run was started with another \(key); resume it with the same one, or use a new run directory"
                    )
                }
            } else {
                try setValue(value, for: key)
            }
        }
    }

    // MARK: Tasks

    /// Records the run's tasks in order (again on resume: they must be the same).
    public func setTasks(_ tasks: [(id: TaskID, category: String?)]) throws(RunStoreError) {
        try setTasks(positioned: tasks.enumerated().map { ($0.offset, $0.element.id, $0.element.category) })
    }

    /// Records tasks with their positions in the whole benchmark (a shard holds every N-th task, and a merge puts
    /// the shards' tasks back in order by these positions).
    public func setTasks(positioned tasks: [(position: Int, id: TaskID, category: String?)]) throws(RunStoreError) {
        try locked { () throws(RunStoreError) in
            let stored = try database.storeQuery("SELECT task_id FROM tasks ORDER BY position").compactMap {
                $0[0].text.map { TaskID($0) }
            }
            if !stored.isEmpty {
                guard stored == tasks.sorted(by: { $0.position < $1.position }).map(\.id) else {
                    throw RunStoreError(.mismatch, path: path, "this run holds other tasks (\(stored.count) of them)")
                }
                return
            }
            try database.storeTransaction { () throws(RunStoreError) in
                for task in tasks {
                    try database.storeQuery(
                        "INSERT INTO tasks (position, task_id, category) VALUES (?, ?, ?)",
                        [.integer(Int64(task.position)), .text(task.id.rawValue), SQLValue(task.category)])
                }
            }
        }
    }

    /// The tasks with their positions, in order.
    public func positionedTasks() throws(RunStoreError) -> [(position: Int, id: TaskID, category: String?)] {
        try locked { () throws(RunStoreError) in
            try database.storeQuery("SELECT position, task_id, category FROM tasks ORDER BY position").map { row in
                (Int(row[0].integer ?? 0), TaskID(row[1].text ?? ""), row[2].text)
            }
        }
    }

    public func taskIDs() throws(RunStoreError) -> [TaskID] {
        try locked { () throws(RunStoreError) in
            try database.storeQuery("SELECT task_id FROM tasks ORDER BY position").compactMap {
                $0[0].text.map { TaskID($0) }
            }
        }
    }

    // MARK: Generations and executions

    /// Stores completions, all or none. A (task, round, sample) already stored is an error: a run asks only for
    /// what it is missing, so a duplicate means something asked twice.
    public func record(_ generations: [StoredGeneration]) throws(RunStoreError) {
        try locked { () throws(RunStoreError) in
            let now = Self.timestamp()
            try database.storeTransaction { () throws(RunStoreError) in
                for generation in generations {
                    try database.storeQuery(
                        """
                        INSERT INTO generations (task_id, round, sample, request_id, model, prompt_hash, prompt, raw, code,
                            finish_reason, prompt_tokens, completion_tokens, seconds, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                        [
                            .text(generation.taskID.rawValue), .integer(Int64(generation.round)),
                            .integer(Int64(generation.sample)), .text(generation.requestID), .text(generation.model),
                            .text(generation.promptHash), .text(generation.prompt), .text(generation.raw),
                            .text(generation.code), SQLValue(generation.finishReason),
                            SQLValue(generation.promptTokens),
                            SQLValue(generation.completionTokens), SQLValue(generation.seconds), .text(now),
                        ])
                }
            }
        }
    }

    public func record(_ executions: [StoredExecution]) throws(RunStoreError) {
        try locked { () throws(RunStoreError) in
            let now = Self.timestamp()
            try database.storeTransaction { () throws(RunStoreError) in
                for execution in executions {
                    try database.storeQuery(
                        """
                        INSERT INTO executions (task_id, round, sample, engine, status, passed, detail, seconds, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                        [
                            .text(execution.taskID.rawValue), .integer(Int64(execution.round)),
                            .integer(Int64(execution.sample)),
                            .text(execution.status.engine), .text(execution.status.name),
                            execution.passed.map { .integer($0 ? 1 : 0) } ?? .null,
                            .text(execution.detail), SQLValue(execution.seconds), .text(now),
                        ])
                }
            }
        }
    }

    /// Each task's sample indices below `samples` that have no generation yet in `round`, in task order (tasks with
    /// nothing missing are left out).
    public func missingSamples(round: Int, samples: Int) throws(RunStoreError) -> [(taskID: TaskID, samples: [Int])] {
        try locked { () throws(RunStoreError) in
            var have: [TaskID: Set<Int>] = [:]
            for row in try database.storeQuery(
                "SELECT task_id, sample FROM generations WHERE round = ?", [.integer(Int64(round))])
            {
                if let task = row[0].text, let sample = row[1].integer {
                    have[TaskID(task), default: []].insert(Int(sample))
                }
            }
            return try taskIDs().compactMap { task in
                let missing = (0..<samples).filter { !(have[task]?.contains($0) ?? false) }
                return missing.isEmpty ? nil : (task, missing)
            }
        }
    }

    /// How many generations and executions `round` holds, and how many of the executions passed: what progress
    /// starts from on a resumed run, without reading the rows.
    public func counts(round: Int) throws(RunStoreError) -> (generations: Int, executions: Int, passed: Int) {
        try locked { () throws(RunStoreError) in
            let row = try database.storeQuery(
                """
                SELECT (SELECT count(*) FROM generations WHERE round = ?1),
                    (SELECT count(*) FROM executions WHERE round = ?1),
                    (SELECT count(*) FROM executions WHERE round = ?1 AND passed = 1)
                """, [.integer(Int64(round))]
            ).first
            return (
                Int(row?[0].integer ?? 0), Int(row?[1].integer ?? 0), Int(row?[2].integer ?? 0)
            )
        }
    }

    /// Generations of `round` in task and sample order.
    public func generations(round: Int) throws(RunStoreError) -> [StoredGeneration] {
        try locked { () throws(RunStoreError) in
            try database.storeQuery(
                """
                SELECT g.task_id, g.round, g.sample, g.request_id, g.model, g.prompt_hash, g.prompt, g.raw, g.code,
                    g.finish_reason, g.prompt_tokens, g.completion_tokens, g.seconds
                FROM generations g JOIN tasks t ON t.task_id = g.task_id
                WHERE g.round = ? ORDER BY t.position, g.sample
                """, [.integer(Int64(round))]
            ).map(Self.generation)
        }
    }

    /// Generations of `round` that have no execution yet, in task and sample order.
    public func unexecuted(round: Int) throws(RunStoreError) -> [StoredGeneration] {
        try locked { () throws(RunStoreError) in
            try database.storeQuery(
                """
                SELECT g.task_id, g.round, g.sample, g.request_id, g.model, g.prompt_hash, g.prompt, g.raw, g.code,
                    g.finish_reason, g.prompt_tokens, g.completion_tokens, g.seconds
                FROM generations g JOIN tasks t ON t.task_id = g.task_id
                LEFT JOIN executions e ON e.task_id = g.task_id AND e.round = g.round AND e.sample = g.sample
                WHERE g.round = ? AND e.task_id IS NULL ORDER BY t.position, g.sample
                """, [.integer(Int64(round))]
            ).map(Self.generation)
        }
    }

    public func executions(round: Int) throws(RunStoreError) -> [StoredExecution] {
        try locked { () throws(RunStoreError) in
            try database.storeQuery(
                """
                SELECT e.task_id, e.round, e.sample, e.engine, e.status, e.passed, e.detail, e.seconds
                FROM executions e JOIN tasks t ON t.task_id = e.task_id
                WHERE e.round = ? ORDER BY t.position, e.sample
                """, [.integer(Int64(round))]
            ).map { row throws(RunStoreError) in
                let engine = row[3].text ?? ""
                let name = row[4].text ?? ""
                guard let status = ExecutionStatus(engine: engine, name: name) else {
                    throw RunStoreError(
                        .sqlite, path: path,
                        "an execution has the status `\(name)` of engine `\(engine)`, which no Crucible writes")
                }
                return StoredExecution(
                    taskID: TaskID(row[0].text ?? ""), round: Int(row[1].integer ?? 0),
                    sample: Int(row[2].integer ?? 0),
                    status: status, passed: row[5].integer.map { $0 != 0 }, detail: row[6].text ?? "",
                    seconds: row[7].real ?? 0)
            }
        }
    }

    private static func generation(_ row: [SQLValue]) -> StoredGeneration {
        StoredGeneration(
            taskID: TaskID(row[0].text ?? ""), round: Int(row[1].integer ?? 0), sample: Int(row[2].integer ?? 0),
            requestID: row[3].text ?? "", model: row[4].text ?? "", promptHash: row[5].text ?? "",
            prompt: row[6].text ?? "", raw: row[7].text ?? "", code: row[8].text ?? "", finishReason: row[9].text,
            promptTokens: row[10].integer.map(Int.init), completionTokens: row[11].integer.map(Int.init),
            seconds: row[12].real ?? 0)
    }

    private static func timestamp() -> String {
        Date().formatted(.iso8601)
    }
}

extension RunStore {
    /// Stores the run's configuration the first time; afterwards requires an equal one, so that a run is never
    /// resumed under another configuration or dataset. The error names the fields that differ.
    public func requireConfiguration(_ configuration: RunConfiguration) throws(RunStoreError) {
        guard let text = try value(for: "configuration") else {
            try setValue(configuration.json(), for: "configuration")
            return
        }
        let stored = try RunConfiguration.decode(text, path: path)
        guard stored == configuration else {
            throw RunStoreError(
                .mismatch, path: path,
                "this run was started with another configuration (\(stored.differences(from: configuration).joined(separator: ", ")) "
                    + "differ); resume it with the same one, or use a new run directory")
        }
    }

    /// The stored configuration, typed.
    public func configuration() throws(RunStoreError) -> RunConfiguration? {
        guard let text = try value(for: "configuration") else { return nil }
        return try RunConfiguration.decode(text, path: path)
    }
}

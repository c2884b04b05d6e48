public import CrucibleCore
import CrucibleSQL
import Foundation

/// A refinement round as the store keeps it.
public struct StoredRound: Sendable, Equatable {
    public var round: Int
    public var settings: RoundSettings
    /// Every repair of the round was asked for and judged.
    public var finished: Bool
}

/// What one repaired sample of a round was shown: the feedback on its candidate of `sourceRound`, and in
/// explain-then-fix the model's explanation.
public struct RepairRecord: Sendable, Hashable {
    public var taskID: TaskID
    public var round: Int
    public var sample: Int
    public var sourceRound: Int
    public var feedback: String
    public var explanation: String?

    public init(
        taskID: TaskID, round: Int, sample: Int, sourceRound: Int, feedback: String, explanation: String? = nil
    ) {
        self.taskID = taskID
        self.round = round
        self.sample = sample
        self.sourceRound = sourceRound
        self.feedback = feedback
        self.explanation = explanation
    }
}

extension RunStore {
    /// The refinement rounds begun so far, in order.
    public func rounds() throws(RunStoreError) -> [StoredRound] {
        try locked { () throws(RunStoreError) in
            try database.storeQuery("SELECT round, settings, finished_at FROM rounds ORDER BY round").map {
                row throws(RunStoreError) in
                let text = row[1].text ?? ""
                guard let settings = try? JSONDecoder().decode(RoundSettings.self, from: Data(text.utf8)) else {
                    throw RunStoreError(.sqlite, path: path, "round \(row[0].integer ?? 0) has unreadable settings")
                }
                return StoredRound(
                    round: Int(row[0].integer ?? 0), settings: settings, finished: row[2].text != nil)
            }
        }
    }

    /// Begins `round` under `settings`; a round begun before and not finished must have the same settings, so
    /// that its repairs are not made half under one feedback kind and half under another. A finished round keeps
    /// its own. Returns the round's settings.
    @discardableResult
    public func beginRound(_ round: Int, settings: RoundSettings) throws(RunStoreError) -> RoundSettings {
        try locked { () throws(RunStoreError) in
            if let stored = try rounds().first(where: { $0.round == round }) {
                guard stored.finished || stored.settings == settings else {
                    throw RunStoreError(
                        .mismatch, path: path,
                        "round \(round) was begun with other settings ("
                            + stored.settings.differences(from: settings).joined(separator: ", ")
                            + " differ); finish it with the same ones")
                }
                return stored.settings
            }
            try database.storeQuery(
                "INSERT INTO rounds (round, settings) VALUES (?, ?)", [.integer(Int64(round)), .text(settings.json)])
            return settings
        }
    }

    public func finishRound(_ round: Int) throws(RunStoreError) {
        try locked { () throws(RunStoreError) in
            try database.storeQuery(
                "UPDATE rounds SET finished_at = ? WHERE round = ? AND finished_at IS NULL",
                [.text(Date().formatted(.iso8601)), .integer(Int64(round))])
        }
    }

    /// Stores the feedback of repairs about to be asked for (all or none); a repair stored before is kept as it
    /// was, so a resumed round shows the model exactly what it was shown before.
    public func record(_ repairs: [RepairRecord]) throws(RunStoreError) {
        try locked { () throws(RunStoreError) in
            try database.storeTransaction { () throws(RunStoreError) in
                for repair in repairs {
                    try database.storeQuery(
                        """
                        INSERT INTO repairs (task_id, round, sample, source_round, feedback, explanation)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                        """,
                        [
                            .text(repair.taskID.rawValue), .integer(Int64(repair.round)),
                            .integer(Int64(repair.sample)), .integer(Int64(repair.sourceRound)),
                            .text(repair.feedback), SQLValue(repair.explanation),
                        ])
                }
            }
        }
    }

    public func setExplanation(_ text: String, taskID: TaskID, round: Int, sample: Int) throws(RunStoreError) {
        try locked { () throws(RunStoreError) in
            try database.storeQuery(
                "UPDATE repairs SET explanation = ? WHERE task_id = ? AND round = ? AND sample = ?",
                [.text(text), .text(taskID.rawValue), .integer(Int64(round)), .integer(Int64(sample))])
        }
    }

    /// The repairs of `round` in task and sample order.
    public func repairs(round: Int) throws(RunStoreError) -> [RepairRecord] {
        try locked { () throws(RunStoreError) in
            try database.storeQuery(
                """
                SELECT r.task_id, r.round, r.sample, r.source_round, r.feedback, r.explanation
                FROM repairs r JOIN tasks t ON t.task_id = r.task_id
                WHERE r.round = ? ORDER BY t.position, r.sample
                """, [.integer(Int64(round))]
            ).map { row in
                RepairRecord(
                    taskID: TaskID(row[0].text ?? ""), round: Int(row[1].integer ?? 0),
                    sample: Int(row[2].integer ?? 0), sourceRound: Int(row[3].integer ?? 0),
                    feedback: row[4].text ?? "", explanation: row[5].text)
            }
        }
    }
}

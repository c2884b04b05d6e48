import CrucibleCore
import CrucibleSQL
import Foundation
import Testing

@testable import CrucibleRuns

/// The run store on real SQLite files: what is stored survives reopening, nothing is stored twice, and a run is
/// never resumed under another configuration or by an older Crucible.
@Suite("The run store")
struct RunStoreTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "crucible-run-store-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func generation(_ task: TaskID, _ sample: Int, round: Int = 0) -> StoredGeneration {
        StoredGeneration(
            taskID: task, round: round, sample: sample, requestID: task.rawValue, model: "replay:test",
            promptHash: "h-\(task)",
            prompt: #"{"text":"q"}"#, raw: "```python\nx = \(sample)\n```", code: "x = \(sample)\n",
            promptTokens: 5, completionTokens: 3, seconds: 0.25)
    }

    @Test func whatIsStoredSurvivesReopeningAndTellsWhatIsLeft() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/run.sqlite"
        do {
            let store = try RunStore(path: path)
            #expect(store.schemaVersion == RunStoreSchema.currentVersion)
            try store.requireValue(#"{"benchmark":"humaneval","samples":2}"#, for: "configuration")
            try store.setTasks([("HumanEval/0", nil), ("HumanEval/1", nil), ("HumanEval/2", nil)])
            try store.record([generation("HumanEval/0", 0), generation("HumanEval/0", 1), generation("HumanEval/2", 1)])
            try store.record([
                StoredExecution(
                    taskID: "HumanEval/0", round: 0, sample: 1, status: .python(.passed), passed: true, detail: "{}",
                    seconds: 0.01)
            ])
        }
        let store = try RunStore(path: path)
        let missing = try store.missingSamples(round: 0, samples: 2)
        #expect(missing.map(\.taskID) == ["HumanEval/1", "HumanEval/2"])
        #expect(missing.map(\.samples) == [[0, 1], [0]])
        #expect(
            try store.unexecuted(round: 0).map { "\($0.taskID)#\($0.sample)" } == ["HumanEval/0#0", "HumanEval/2#1"])
        let stored = try store.generations(round: 0)
        #expect(stored.first == generation("HumanEval/0", 0))
        #expect(try store.executions(round: 0).map(\.passed) == [true])
        #expect(try store.missingSamples(round: 1, samples: 1).count == 3)
    }

    @Test func aGenerationIsNeverStoredTwice() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try RunStore(path: folder + "/run.sqlite")
        try store.setTasks([("1", "easy"), ("2", "hard")])
        try store.record([generation("1", 0)])
        #expect(throws: RunStoreError.self) {
            try store.record([generation("2", 0), generation("1", 0)])
        }
        // All or nothing: the batch's first generation was rolled back with the duplicate.
        #expect(try store.generations(round: 0).map(\.taskID) == ["1"])
    }

    @Test func anotherConfigurationOrTaskListIsRefused() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try RunStore(path: folder + "/run.sqlite")
        try store.requireValue("a", for: "configuration")
        try store.requireValue("a", for: "configuration")
        #expect {
            try store.requireValue("b", for: "configuration")
        } throws: { error in
            guard let error = error as? RunStoreError else { return false }
            return error.code == .mismatch && error.path.hasSuffix("run.sqlite")
                && error.message.contains("configuration")
        }
        try store.setTasks([("1", nil)])
        try store.setTasks([("1", nil)])
        #expect(throws: RunStoreError.self) { try store.setTasks([("1", nil), ("2", nil)]) }
    }

    @Test func aStoreFromANewerCrucibleIsNotOpened() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/run.sqlite"
        try SQLiteConnection(path: path, configuration: .harnessFile).executeScript("PRAGMA user_version = 99")
        #expect {
            _ = try RunStore(path: path)
        } throws: { error in
            (error as? RunStoreError)?.code == .newerSchema
        }
    }

    @Test func anUnopenableFileIsNamed() {
        #expect {
            _ = try RunStore(path: "/nonexistent-folder/run.sqlite")
        } throws: { error in
            guard let error = error as? RunStoreError else { return false }
            return error.code == .cannotOpen && error.path == "/nonexistent-folder/run.sqlite"
        }
    }

    /// A version-1 store (statuses as bare names) opened by this Crucible: each status is read as its engine's.
    @Test(arguments: [("spider", ExecutionStatus.sql(.error)), ("humaneval", ExecutionStatus.python(.error))])
    func statusesOfAnEarlierStoreAreReadAsTheirEnginesOwn(benchmark: String, expected: ExecutionStatus) throws {
        let path = folder + "/v1-\(benchmark).sqlite"
        let old = try SQLiteConnection(path: path, configuration: .harnessFile)
        try old.executeScript(RunStoreSchema.migrations[0] + "\nPRAGMA user_version = 1;")
        try old.executeScript(
            """
            INSERT INTO run VALUES ('configuration', '{"benchmark": "\(benchmark)"}');
            INSERT INTO tasks VALUES (0, '7', NULL);
            INSERT INTO generations VALUES ('7', 0, 0, '7', 'm', 'h', 'p', 'r', 'c', NULL, NULL, NULL, 0, 'now');
            INSERT INTO generations VALUES ('7', 0, 1, '7', 'm', 'h', 'p', 'r', 'c', NULL, NULL, NULL, 0, 'now');
            INSERT INTO executions VALUES ('7', 0, 0, 'error', 0, '{}', 0, 'now');
            INSERT INTO executions VALUES ('7', 0, 1, '\(benchmark == "spider" ? "match" : "passed")', 1, '{}', 0, 'now');
            """)
        let store = try RunStore(path: path)
        #expect(store.schemaVersion == RunStoreSchema.currentVersion)
        let statuses = try store.executions(round: 0).map(\.status)
        #expect(statuses == [expected, benchmark == "spider" ? .sql(.match) : .python(.passed)])
    }
}

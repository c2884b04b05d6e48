import CrucibleBenchmarks
import CrucibleCore
import CrucibleRuns
import CrucibleTestSupport
import Foundation
import Testing

/// Every benchmark refines in rounds: a replayed transcript whose first answers are all wrong and whose round-1
/// repairs are the benchmark's own gold or reference, run in process on real SQLite files and the real sandbox.
/// Round 0 passes nothing; after round 1 every task that can be judged here passes.
@Suite("Refinement on every benchmark", .serialized)
struct RefinementAcrossBenchmarksTests {
    static func transcript(_ answers: [(id: TaskID, wrong: String, right: String)], in folder: String) throws
        -> String
    {
        let path = "\(folder)/transcript.jsonl"
        let lines = try answers.flatMap { answer in
            try [(0, answer.wrong), (1, answer.right)].map { round, text in
                let id: Any = Int(answer.id.rawValue) ?? answer.id.rawValue
                return String(
                    decoding: try JSONSerialization.data(
                        withJSONObject: ["task_id": id, "sample": 0, "round": round, "completion": text]),
                    as: UTF8.self)
            }
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func refined(
        _ benchmark: Benchmark, dataset: String, transcript: String, folder: String, pythonPaths: [String] = []
    ) async throws -> [[String: Any]] {
        var options = RunOptions(
            benchmark: benchmark, dataset: dataset, model: try ModelSpecification("replay:\(transcript)"),
            workerExecutable: CrucibleExecutable.path, harness: HarnessIdentity(version: "test"))
        options.runDirectory = "\(folder)/run"
        options.generationCache = .off
        options.allowUnavailable = benchmark.sqlKind != nil
        options.pythonPaths = pythonPaths
        options.refinement = RefinementOptions(rounds: 1)
        _ = try await PipelineThread.run(RunPipeline(options: options))
        let summary = try RunPipelineTests.summary("\(folder)/run/summary.json")
        return try #require(summary["rounds"] as? [[String: Any]])
    }

    static func expectAllFixed(_ rounds: [[String: Any]], tasks: Int) {
        #expect(rounds.count == 2)
        #expect(rounds.first?["passed"] as? Int == 0, "\(rounds)")
        #expect(rounds.last?["passed"] as? Int == tasks, "\(rounds)")
        #expect(rounds.last?["fail_to_pass"] as? Int == tasks, "\(rounds)")
        #expect(rounds.last?["success_refinement_rate"] as? Double == 1, "\(rounds)")
    }

    static func folder() throws -> String {
        let folder = NSTemporaryDirectory() + "crucible-refine-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func spider() async throws {
        let sample = try SQLSampleTests.builtSample()
        defer { try? FileManager.default.removeItem(atPath: sample) }
        let tasks = try SQLBenchmarkKind.spider.load(directory: sample, questions: "dev.json").tasks
        let path = try Self.transcript(tasks.map { ($0.id, "SELECT no_such_column FROM nowhere", $0.gold) }, in: sample)
        Self.expectAllFixed(
            try await Self.refined(.spider, dataset: sample, transcript: path, folder: sample),
            tasks: tasks.filter(\.isAvailable).count)
    }

    @Test func bird() async throws {
        let fixture = try BIRDLayoutTests.fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture) }
        let tasks = try BIRDDatasetLoader.load(directory: fixture).tasks
        let path = try Self.transcript(tasks.map { ($0.id, "SELECT 'wrong'", $0.gold) }, in: fixture)
        Self.expectAllFixed(
            try await Self.refined(.bird, dataset: fixture, transcript: path, folder: fixture), tasks: tasks.count)
    }

    @Test func humanEval() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dataset = "\(CrucibleExecutable.packageRoot)/Datasets/python-sample/humaneval.jsonl"
        let tasks = try PythonDatasetLoader.humanEval(dataset)
        let path = try Self.transcript(tasks.map { ($0.id, "    raise ValueError('no')\n", $0.reference) }, in: folder)
        Self.expectAllFixed(
            try await Self.refined(.humaneval, dataset: dataset, transcript: path, folder: folder), tasks: tasks.count)
    }

    @Test func ds1000() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let environment = "\(CrucibleExecutable.packageRoot)/.python/ds1000"
        try #require(FileManager.default.fileExists(atPath: "\(environment)/pandas"), "make test builds .python/ds1000")
        let dataset = "\(CrucibleExecutable.packageRoot)/Datasets/python-sample/ds1000.jsonl"
        let tasks = try PythonDatasetLoader.ds1000(dataset)
        let path = try Self.transcript(tasks.map { ($0.id, "result = None", $0.reference) }, in: folder)
        Self.expectAllFixed(
            try await Self.refined(
                .ds1000, dataset: dataset, transcript: path, folder: folder, pythonPaths: [environment]),
            tasks: tasks.count)
    }

    @Test(SharedDatasets.required) func mbpp() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // The first 20 problems of sanitized MBPP, written out as a dataset of their own.
        let all = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: "\(SharedDatasets.path)/mbpp/sanitized-mbpp.json")))
                as? [Any])
        let dataset = "\(folder)/mbpp.json"
        try JSONSerialization.data(withJSONObject: Array(all.prefix(20))).write(to: URL(fileURLWithPath: dataset))
        let tasks = try #require(try Benchmark.mbpp.pythonTasks(dataset))
        #expect(tasks.count == 20)
        let path = try Self.transcript(tasks.map { ($0.id, "def nothing():\n    pass\n", $0.reference) }, in: folder)
        Self.expectAllFixed(
            try await Self.refined(.mbpp, dataset: dataset, transcript: path, folder: folder), tasks: tasks.count)
    }
}

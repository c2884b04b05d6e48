import CrucibleBenchmarks
import CrucibleCore
import CruciblePython
import CrucibleRuns
import CrucibleSQL
import CrucibleTestSupport
import Foundation
import Testing

/// `RunPipeline`, `ScorePipeline` and `RunMerge` in this process, on the bundled samples with real SQLite files and
/// the real sandbox: what `crucible run`, `score` and `merge` do, without the command line.
@Suite("The run pipeline, in process", .serialized)
struct RunPipelineTests {
    static func sqlOptions(_ sample: String, runDirectory: String, shard: Shard? = nil) throws -> RunOptions {
        var options = RunOptions(
            benchmark: .spider, dataset: sample, model: try ModelSpecification("replay:\(sample)/predictions.txt"),
            workerExecutable: CrucibleExecutable.path, harness: HarnessIdentity(version: "test", commit: "abc"))
        options.runDirectory = runDirectory
        options.timeout = 2
        options.selection.shard = shard
        options.generationCache = .off
        return options
    }

    @Test func aReplayedSQLRunJudgesAsScoreDoes() async throws {
        let sample = try SQLSampleTests.builtSample()
        defer { try? FileManager.default.removeItem(atPath: sample) }
        let outcome = try await PipelineThread.run(
            RunPipeline(options: try Self.sqlOptions(sample, runDirectory: "\(sample)/run")))
        guard case .finished(let summary, let directory) = outcome else {
            Issue.record("the run did not finish: \(outcome)")
            return
        }
        #expect(summary.hasPrefix("spider: "), "\(summary)")
        try Self.score(.spider, sample, "\(sample)/predictions.txt", timeout: 2, into: "\(sample)/score")
        #expect(try Self.verdicts("\(directory)/results.jsonl") == Self.verdicts("\(sample)/score/results.jsonl"))
    }

    @Test func anotherConfigurationOnTheSameDirectoryNamesWhatDiffers() async throws {
        let sample = try SQLSampleTests.builtSample()
        defer { try? FileManager.default.removeItem(atPath: sample) }
        var options = try Self.sqlOptions(sample, runDirectory: "\(sample)/run")
        _ = try await PipelineThread.run(RunPipeline(options: options))
        options.timeout = 3
        options.keepDistinct = true
        let error = await #expect(throws: RunStoreError.self) {
            try await PipelineThread.run(RunPipeline(options: options))
        }
        #expect(error?.exitStatus == .badInput)
        #expect(error?.message.contains("keep_distinct, timeout differ") == true, "\(String(describing: error))")
    }

    @Test func mergedShardsKeepTheEnvironmentAndRefuseChangedDatabases() async throws {
        let sample = try SQLSampleTests.builtSample()
        defer { try? FileManager.default.removeItem(atPath: sample) }
        let shards = ["\(sample)/shard-1", "\(sample)/shard-2"]
        for (index, directory) in shards.enumerated() {
            _ = try await PipelineThread.run(
                RunPipeline(
                    options: try Self.sqlOptions(
                        sample, runDirectory: directory, shard: Shard(index: index + 1, count: 2))))
        }
        _ = try RunMerge(shards: shards, into: "\(sample)/merged").run()
        let shardEnvironment = try RunStore(path: "\(shards[0])/run.sqlite").value(for: "environment")
        let mergedEnvironment = try RunStore(path: "\(sample)/merged/run.sqlite").value(for: "environment")
        #expect(shardEnvironment != nil)
        #expect(mergedEnvironment == shardEnvironment)
        let environment = try JSONSerialization.jsonObject(with: Data((mergedEnvironment ?? "{}").utf8))
        #expect((environment as? [String: Any])?["crucible_commit"] as? String == "abc")

        // A database that changed after the shards judged on it would make the merged verdicts a mixture.
        let database = try #require(
            FileManager.default.enumerator(atPath: "\(sample)/database")?.compactMap { $0 as? String }
                .first { $0.hasSuffix(".sqlite") })
        let handle = try #require(FileHandle(forWritingAtPath: "\(sample)/database/\(database)"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(repeating: 0, count: 4096))
        try handle.close()
        let error = #expect(throws: RunError.self) { try RunMerge(shards: shards, into: "\(sample)/again").run() }
        #expect(error?.message.contains("databases") == true, "\(String(describing: error))")
    }

    @Test func aPythonRunJudgesWholeSolutionsAsScoreDoesAndRecordsItsTime() async throws {
        let folder = NSTemporaryDirectory() + "crucible-pipeline-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dataset = "\(CrucibleExecutable.packageRoot)/Datasets/python-sample/humaneval.jsonl"
        let tasks = try PythonDatasetLoader.humanEval(dataset)
        // EvalPlus answers hold the whole program; a future import must stay first, so the prompt put before it
        // (as for a completion) is a syntax error.
        let lines = tasks.map { task in
            let solution = "from __future__ import annotations\n" + task.prompt + task.reference
            let object: [String: String] = ["task_id": task.id.rawValue, "solution": solution]
            return String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        }
        try lines.joined(separator: "\n").write(toFile: "\(folder)/solutions.jsonl", atomically: true, encoding: .utf8)
        var options = RunOptions(
            benchmark: .humaneval, dataset: dataset, model: try ModelSpecification("replay:\(folder)/solutions.jsonl"),
            workerExecutable: CrucibleExecutable.path, harness: HarnessIdentity(version: "test"))
        options.runDirectory = "\(folder)/run"
        options.timeout = 5
        options.generationCache = .off
        _ = try await PipelineThread.run(RunPipeline(options: options))
        try Self.score(.humaneval, dataset, "\(folder)/solutions.jsonl", timeout: 5, into: "\(folder)/score")
        let run = try Self.summary("\(folder)/run/summary.json")
        let scored = try Self.summary("\(folder)/score/summary.json")
        #expect(run["passed"] as? Int == tasks.count, "\(run)")
        #expect(scored["passed"] as? Int == tasks.count, "\(scored)")
        #expect((run["seconds"] as? Double ?? 0) > 0, "\(run)")
    }

    /// `crucible score` on the same answers, for comparison.
    static func score(_ benchmark: Benchmark, _ dataset: String, _ answers: String, timeout: Double, into: String)
        throws
    {
        var options = ScorePipeline.Options(
            benchmark: benchmark, dataset: dataset, predictions: answers, workerExecutable: CrucibleExecutable.path)
        options.timeout = timeout
        options.outputDirectory = into
        _ = try ScorePipeline(options: options).run()
    }

    static func verdicts(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return "\(object["task_id"] ?? "") \(object["status"] ?? "")"
        }
    }

    static func summary(_ path: String) throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }
}

/// Runs a pipeline on a thread of its own and awaits it: the pipeline blocks while it executes, which must not hold
/// one of the few threads Swift's concurrency pool has (its generation phase, and other tests, need them).
enum PipelineThread {
    static func run(_ pipeline: RunPipeline) async throws -> RunPipeline.Outcome {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try pipeline.run() }) }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}

import CrucibleTestSupport
import Foundation
import Testing

/// `crucible run --shard I/3` three times and `crucible merge` against `LocalModelServer` (a local stand-in for a
/// model): the merged run equals the unsharded run, task for task, and can be resumed as one.
@Suite("Shards and merge")
struct ShardMergeTests {
    @Test func threeShardsMergedEqualTheWholeRun() throws {
        let answers = try RunResumeTests.completions()
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try RunResumeTests.server(answers)
        defer { server.stop() }
        let whole = try CrucibleCommand.run(RunResumeTests.arguments("\(folder)/whole", server))
        #expect(whole.status == 0, "\(whole.stderr)")

        var taskCounts: [Int] = []
        for shard in 1...3 {
            let directory = "\(folder)/shard\(shard)"
            let run = try CrucibleCommand.run(RunResumeTests.arguments(directory, server) + ["--shard", "\(shard)/3"])
            #expect(run.status == 0, "\(run.stderr)")
            let results = try RunResumeTests.results(directory)
            taskCounts.append(results.filter { $0.contains(#""record":"task""#) }.count)
        }
        #expect(taskCounts == [2, 2, 2])

        let shards = (1...3).map { "\(folder)/shard\($0)" }
        let incomplete = try CrucibleCommand.run(["merge"] + shards.prefix(2) + ["--into", "\(folder)/partial"])
        #expect(incomplete.status != 0)
        #expect(incomplete.stderr.contains("3/3 missing"), "\(incomplete.stderr)")

        let merged = try CrucibleCommand.run(["merge"] + shards + ["--into", "\(folder)/merged", "--k", "1,3"])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(try RunResumeTests.results("\(folder)/merged") == RunResumeTests.results("\(folder)/whole"))

        // The merged run is the unsharded run's configuration: running the unsharded command on it resumes
        // (nothing left to do, so the server is not asked).
        let before = server.requests.count
        let again = try CrucibleCommand.run(RunResumeTests.arguments("\(folder)/merged", server))
        #expect(again.status == 0, "\(again.stderr)")
        #expect(server.requests.count == before)
    }

    @Test func shardsOfDifferentRunsAreRefused() throws {
        let answers = try RunResumeTests.completions()
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try RunResumeTests.server(answers)
        defer { server.stop() }
        let first = try CrucibleCommand.run(
            RunResumeTests.arguments("\(folder)/a", server) + ["--shard", "1/2"])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try CrucibleCommand.run(
            RunResumeTests.arguments("\(folder)/b", server) + ["--shard", "2/2", "--temperature", "0.5"])
        #expect(second.status == 0, "\(second.stderr)")
        let merged = try CrucibleCommand.run(["merge", "\(folder)/a", "\(folder)/b", "--into", "\(folder)/m"])
        #expect(merged.status != 0)
        #expect(merged.stderr.contains("another configuration"), "\(merged.stderr)")
    }

    /// A recorded answers file covers the whole benchmark; a shard (or --limit) of the run takes its part of it.
    @Test func recordedAnswersReplayIntoShards() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sample = "\(CrucibleCommand.packageRoot)/Datasets/python-sample"
        let replay = [
            "run", "--benchmark", "humaneval", "--dataset", "\(sample)/humaneval.jsonl", "--model",
            "replay:\(sample)/humaneval-answers.jsonl", "--timeout", "5", "--quiet",
        ]
        let whole = try CrucibleCommand.run(replay + ["--run-dir", "\(folder)/whole"])
        #expect(whole.status == 0, "\(whole.stderr)")
        for shard in 1...3 {
            let part = try CrucibleCommand.run(replay + ["--run-dir", "\(folder)/s\(shard)", "--shard", "\(shard)/3"])
            #expect(part.status == 0, "\(part.stderr)")
        }
        let merged = try CrucibleCommand.run(
            ["merge"] + (1...3).map { "\(folder)/s\($0)" } + ["--into", "\(folder)/m"])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(try RunResumeTests.results("\(folder)/m") == RunResumeTests.results("\(folder)/whole"))
        let limited = try CrucibleCommand.run(replay + ["--run-dir", "\(folder)/limited", "--limit", "2"])
        #expect(limited.status == 0, "\(limited.stderr)")
    }
}

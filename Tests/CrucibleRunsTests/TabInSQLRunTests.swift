import CrucibleRuns
import CrucibleTestSupport
import Foundation
import Synchronization
import Testing

/// A replayed run reads a tabbed predictions file as `crucible score` does, and tells the user about those lines.
@Suite("crucible run replaying TABs inside the SQL", .serialized)
struct TabInSQLRunTests {
    final class Notices: RunObserver {
        let messages = Mutex<[String]>([])
        func notice(_ message: String) { messages.withLock { $0.append(message) } }
    }

    @Test func aReplayedRunScoresTheFirstFieldAndGivesANotice() async throws {
        let sample = try SQLSampleTests.builtSample()
        defer { try? FileManager.default.removeItem(atPath: sample) }
        var lines = try String(contentsOfFile: "\(sample)/predictions.txt", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[0] = "SELECT count(*)\tFROM\tbook\tbookshop"
        let tabbed = "\(sample)/tabbed.txt"
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: tabbed))

        var options = RunOptions(
            benchmark: .spider, dataset: sample, model: try ModelSpecification("replay:\(tabbed)"),
            workerExecutable: CrucibleExecutable.path, harness: HarnessIdentity(version: "test", commit: "abc"))
        options.runDirectory = "\(sample)/run"
        options.timeout = 2
        options.generationCache = .off
        let notices = Notices()
        let outcome = try await PipelineThread.run(RunPipeline(options: options, observer: notices))
        guard case .finished(_, let directory) = outcome else {
            Issue.record("the run did not finish: \(outcome)")
            return
        }
        #expect(
            notices.messages.withLock { $0 }.contains {
                $0.hasPrefix("\(tabbed) has TABs inside the SQL of line 1;")
            })
        var score = ScorePipeline.Options(
            benchmark: .spider, dataset: sample, predictions: tabbed, workerExecutable: CrucibleExecutable.path)
        score.timeout = 2
        score.outputDirectory = "\(sample)/score"
        _ = try ScorePipeline(options: score).run()
        let verdicts = try RunPipelineTests.verdicts("\(directory)/results.jsonl")
        #expect(verdicts == (try RunPipelineTests.verdicts("\(sample)/score/results.jsonl")))
        #expect(verdicts.first == "0 mismatch")
    }
}

import CrucibleRuns
import CrucibleTestSupport
import Foundation
import Testing

/// Refinement rounds through batch generation (`--export-prompts` / `--import-completions`, answered here by the
/// scripted model's rules without a server) and through the generation cache (a second run asks the stand-in
/// server nothing): both end with the figures of a live run.
@Suite("Refinement through batches and the cache", .serialized, SharedDatasets.required)
struct RefinementBatchTests {
    /// Answers every exported request line with the scripted model's rules.
    static func answer(_ exported: String, into answers: String) throws -> Int {
        let model = SpiderRepairScript.model
        var lines: [String] = []
        for line in try String(contentsOfFile: exported, encoding: .utf8).split(separator: "\n") {
            var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let prompt = try #require(object["prompt"] as? [String: Any])
            let messages = (prompt["messages"] as? [[String: Any]] ?? []).map {
                (role: $0["role"] as? String ?? "", content: $0["content"] as? String ?? "")
            }
            let n = object["n"] as? Int ?? 1
            object["completions"] = Array(repeating: model.answer(messages), count: n)
            lines.append(
                String(
                    decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
            )
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: answers, atomically: true, encoding: .utf8)
        return lines.count
    }

    @Test func exportedAndImportedRoundByRoundTheRunEndsAsALiveOne() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try SpiderRepairScript.model.server()
        defer { server.stop() }
        let extra = ["--repair", "explain-then-fix"]
        let live = try CrucibleCommand.run(RefinementRoundsTests.spiderArguments("\(folder)/live", server, extra))
        #expect(live.status == 0, "\(live.stderr)")
        let asked = server.requests.count

        let arguments = RefinementRoundsTests.spiderArguments("\(folder)/batch", server, extra)
        var exported: [Int] = []
        for step in 0..<20 {
            let prompts = "\(folder)/prompts-\(step).jsonl"
            let export = try CrucibleCommand.run(arguments + ["--export-prompts", prompts])
            #expect(export.status == 0, "\(export.stderr)")
            guard export.stdout.hasPrefix("wrote ") else { break }
            let answers = "\(folder)/answers-\(step).jsonl"
            exported.append(try Self.answer(prompts, into: answers))
            let imported = try CrucibleCommand.run(arguments + ["--import-completions", answers])
            // Each import stores what it answers; a later round's requests are not in it yet.
            #expect(imported.status == 0 || imported.stderr.contains("--export-prompts"), "\(imported.stderr)")
        }
        // Round 0, then each round's explanations and fixes: 8; 6 + 6; 4 + 4; 2 + 2.
        #expect(exported == [8, 6, 6, 4, 4, 2, 2], "\(exported)")
        #expect(server.requests.count == asked, "the batch run asked the server")
        #expect(try RefinementRoundsTests.rounds("\(folder)/batch") == RefinementRoundsTests.spiderWithErrors)
        #expect(try RefinementResumeTests.results("\(folder)/batch") == RefinementResumeTests.results("\(folder)/live"))
    }

    @Test func aSecondRunTakesEveryRoundFromTheCache() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try SpiderRepairScript.model.server()
        defer { server.stop() }
        let cache = ["--generation-cache", "\(folder)/cache.sqlite"]
        let first = try CrucibleCommand.run(RefinementRoundsTests.spiderArguments("\(folder)/one", server, cache))
        #expect(first.status == 0, "\(first.stderr)")
        let asked = server.requests.count
        #expect(asked == 8 + 6 + 4 + 2)
        let second = try CrucibleCommand.run(RefinementRoundsTests.spiderArguments("\(folder)/two", server, cache))
        #expect(second.status == 0, "\(second.stderr)")
        #expect(server.requests.count == asked, "the second run asked the server again")
        #expect(try RefinementRoundsTests.rounds("\(folder)/two") == RefinementRoundsTests.spiderWithErrors)
    }
}

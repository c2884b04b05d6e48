import CrucibleTestSupport
import Foundation
import Testing

/// `--export-prompts`, answers made elsewhere, `--import-completions`: the same run as one served by a model that
/// gives the same completions (`LocalModelServer`, a local stand-in for a model).
@Suite("Batch generation: exported prompts, imported completions")
struct BatchCompletionsTests {
    @Test func anImportedRunEqualsAServedOne() throws {
        let answers = try RunResumeTests.completions()
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try RunResumeTests.server(answers)
        defer { server.stop() }
        let served = try CrucibleCommand.run(RunResumeTests.arguments("\(folder)/served", server))
        #expect(served.status == 0, "\(served.stderr)")

        let batch = "\(folder)/batch"
        let exported = try CrucibleCommand.run(
            RunResumeTests.arguments(batch, server) + ["--export-prompts", "\(folder)/prompts.jsonl"])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("wrote 6 prompts"))
        let requestsBefore = server.requests.count

        // Answer every exported line as the served model would: the same completion n times.
        var lines: [String] = []
        for line in try String(contentsOfFile: "\(folder)/prompts.jsonl", encoding: .utf8).split(separator: "\n") {
            let request = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let prompt = try #require((request["prompt"] as? [String: Any])?["text"] as? String)
            let n = try #require(request["n"] as? Int)
            let answer: [String: Any] = [
                "task_id": try #require(request["task_id"] as? String),
                "first_sample": try #require(request["first_sample"] as? Int),
                "completions": Array(repeating: answers[prompt] ?? "", count: n),
            ]
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: answer), as: UTF8.self))
        }
        try (lines.joined(separator: "\n") + "\n").write(
            toFile: "\(folder)/completions.jsonl", atomically: true, encoding: .utf8)
        let imported = try CrucibleCommand.run(
            RunResumeTests.arguments(batch, server) + ["--import-completions", "\(folder)/completions.jsonl"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(server.requests.count == requestsBefore, "the imported run asked the server")
        #expect(try RunResumeTests.results(batch) == RunResumeTests.results("\(folder)/served"))
    }

    @Test func aMissingAnswerNamesTheTaskAndSample() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try RunResumeTests.server([:])
        defer { server.stop() }
        try #"{"task_id": "Sample/0", "first_sample": 0, "completions": ["    return 1\n"]}"#.write(
            toFile: "\(folder)/completions.jsonl", atomically: true, encoding: .utf8)
        let imported = try CrucibleCommand.run(
            RunResumeTests.arguments("\(folder)/run", server) + ["--import-completions", "\(folder)/completions.jsonl"])
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("completions.jsonl"), "\(imported.stderr)")
        #expect(imported.stderr.contains("sample 1") || imported.stderr.contains("no completion recorded for task"))
    }
}

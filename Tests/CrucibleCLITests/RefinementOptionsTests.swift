import CrucibleRuns
import CrucibleTestSupport
import Foundation
import Testing

/// Refinement options on the bundled text-to-SQL sample (no ../shared needed), against a scripted stand-in model
/// (a local HTTP server): a replaced feedback template, passing samples refined too, refused kinds and templates,
/// and a round resumed only under the settings it was begun with.
@Suite("Refinement options", .serialized)
struct RefinementOptionsTests {
    /// bookshop tasks 0-3: 0 and 2 right at once; 1 and 3 fixed once SQLite's error is shown.
    static var model: ScriptedRepairModel {
        ScriptedRepairModel(scripts: [
            .init(marker: "How many books does the shop stock?", first: "SELECT count(*) FROM book") { _, _ in nil },
            .init(
                marker: "List the titles of books published in 2019 or later.",
                first: "SELECT title FROM books WHERE pub_year >= 2019"
            ) { _, feedback in
                feedback.contains("no such table") ? "SELECT title FROM book WHERE pub_year >= 2019" : nil
            },
            .init(marker: "What are the different genres of the books?", first: "SELECT DISTINCT genre FROM book") {
                _, _ in "SELECT genre FROM book LIMIT 1"
            },
            .init(
                marker: "What is the title of the most expensive book?",
                first: "SELECT titel FROM book ORDER BY price DESC LIMIT 1"
            ) { _, feedback in
                feedback.contains("no such column") ? "SELECT title FROM book ORDER BY price DESC LIMIT 1" : nil
            },
        ])
    }

    static func arguments(_ folder: String, _ directory: String, _ server: LocalModelServer, _ extra: [String])
        -> [String]
    {
        [
            "run", "--benchmark", "spider", "--dataset", folder, "--tasks", "0,1,2,3", "--model", "openai:stand-in",
            "--base-url", server.baseURL.absoluteString, "--concurrency", "1", "--run-dir", directory,
        ] + extra
    }

    @Test func aReplacedTemplateIsWhatTheModelSees() throws {
        let folder = try SQLSampleFolder.build()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try Self.model.server()
        defer { server.stop() }
        let template = "\(folder)/feedback.txt"
        try "Nope. SQLite says: {details}\nTry again, carefully.".write(
            toFile: template, atomically: true, encoding: .utf8)
        let run = try CrucibleCommand.run(
            Self.arguments(folder, "\(folder)/run", server, ["--rounds", "1", "--feedback-template", template]))
        #expect(run.status == 0, "\(run.stderr)")
        let repairs = try RunStore(path: "\(folder)/run/run.sqlite").repairs(round: 1)
        #expect(
            repairs.map(\.feedback) == [
                "Nope. SQLite says: Running the query in SQLite gave an error: no such table: books\nTry again, carefully.",
                "Nope. SQLite says: Running the query in SQLite gave an error: no such column: titel\nTry again, carefully.",
            ])
        let settings = try #require(try RunStore(path: "\(folder)/run/run.sqlite").rounds().first?.settings)
        #expect(settings.feedbackTemplateSHA256?.count == 64)
        #expect(try RefinementRoundsTests.rounds("\(folder)/run").map(\.passed) == [2, 4])

        try "Wrong: {detail}".write(toFile: template, atomically: true, encoding: .utf8)
        let refused = try CrucibleCommand.run(
            Self.arguments(folder, "\(folder)/other", server, ["--rounds", "1", "--feedback-template", template]))
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("feedback.txt") && refused.stderr.contains("{detail}"), "\(refused.stderr)")
    }

    @Test func refiningPassingSamplesCountsPassToFail() throws {
        let folder = try SQLSampleFolder.build()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try Self.model.server()
        defer { server.stop() }
        let run = try CrucibleCommand.run(
            Self.arguments(folder, "\(folder)/run", server, ["--rounds", "1", "--refine-passing"]))
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try RunPipelineSummary.rounds("\(folder)/run")
        let round = try #require(summary.last)
        // Task 0 stays right, task 2's "improvement" breaks it, tasks 1 and 3 are fixed.
        #expect(round["pass_to_pass"] as? Int == 1)
        #expect(round["pass_to_fail"] as? Int == 1)
        #expect(round["fail_to_pass"] as? Int == 2)
        #expect(round["passed"] as? Int == 3)
        #expect(round["cumulative_passed"] as? Int == 4)
        #expect(server.requests.count == 4 + 4)
        let report = try String(contentsOfFile: "\(folder)/run/report.md", encoding: .utf8)
        #expect(report.contains("pass→fail"))
    }

    @Test func kindsAndSettingsThatDoNotFitAreRefused() throws {
        let folder = try SQLSampleFolder.build()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try Self.model.server()
        defer { server.stop() }
        let traced = try CrucibleCommand.run(
            Self.arguments(folder, "\(folder)/trace", server, ["--rounds", "1", "--feedback", "trace"]))
        #expect(traced.status == 2)
        #expect(traced.stderr.contains("--feedback trace is not for spider"), "\(traced.stderr)")

        // A round begun under one feedback kind is finished under it; a finished round keeps its own.
        let directory = "\(folder)/run"
        let first = try CrucibleCommand.run(Self.arguments(folder, directory, server, ["--rounds", "1"]))
        #expect(first.status == 0, "\(first.stderr)")
        let store = try RunStore(path: "\(directory)/run.sqlite")
        try store.beginRound(2, settings: RoundSettings(model: "openai:stand-in", feedback: .simple))
        let other = try CrucibleCommand.run(
            Self.arguments(folder, directory, server, ["--rounds", "2", "--feedback", "result"]))
        #expect(other.status == 2)
        #expect(other.stderr.contains("round 2 was begun with other settings (feedback differ)"), "\(other.stderr)")
        let same = try CrucibleCommand.run(
            Self.arguments(folder, directory, server, ["--rounds", "2", "--feedback", "simple"]))
        #expect(same.status == 0, "\(same.stderr)")
        #expect(try store.rounds().map(\.settings.feedback) == [.error, .simple])
    }
}

/// summary.json's `rounds`.
enum RunPipelineSummary {
    static func rounds(_ directory: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/summary.json"))
        let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(summary["rounds"] as? [[String: Any]])
    }
}

import CrucibleRuns
import CrucibleTestSupport
import Foundation
import Testing

/// `crucible run --rounds 3` on real Spider dev and HumanEval tasks against a scripted stand-in model (a local HTTP
/// server, `ScriptedRepairModel`) whose repairs depend on the feedback it is shown: every round's accuracy,
/// success refinement rate and transitions are exactly what the script implies.
@Suite("Refinement rounds against a scripted stand-in model", .serialized, SharedDatasets.required)
struct RefinementRoundsTests {
    struct Round: Equatable, CustomStringConvertible {
        var passed: Int
        var failedBefore: Int
        var fixed: Int
        var stillFailing: Int
        var notAttempted: Int

        var description: String {
            "\(passed) passed, \(failedBefore)→\(fixed) fixed/\(stillFailing) still/\(notAttempted) n.a."
        }
    }

    static func spiderArguments(_ directory: String, _ server: LocalModelServer, _ extra: [String]) -> [String] {
        [
            "run", "--benchmark", "spider", "--dataset", "\(SharedDatasets.path)/spider", "--tasks",
            SpiderRepairScript.tasks, "--model", "openai:stand-in", "--base-url", server.baseURL.absoluteString,
            "--concurrency", "1", "--run-dir", directory, "--rounds", "3",
        ] + extra
    }

    static func humanEvalArguments(_ directory: String, _ server: LocalModelServer, _ extra: [String]) -> [String] {
        [
            "run", "--benchmark", "humaneval", "--dataset", "\(SharedDatasets.path)/humaneval/HumanEval.jsonl.gz",
            "--tasks", HumanEvalRepairScript.tasks, "--model", "openai:stand-in", "--base-url",
            server.baseURL.absoluteString, "--concurrency", "1", "--timeout", "10", "--run-dir", directory,
            "--rounds", "3",
        ] + extra
    }

    /// summary.json's rounds, as (passed, failed before, fixed, still failing, not attempted).
    static func rounds(_ directory: String) throws -> [Round] {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/summary.json"))
        let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let rounds = try #require(summary["rounds"] as? [[String: Any]])
        return rounds.map { round in
            Round(
                passed: round["passed"] as? Int ?? -1, failedBefore: round["failed_before"] as? Int ?? 0,
                fixed: round["fail_to_pass"] as? Int ?? 0, stillFailing: round["fail_to_fail"] as? Int ?? 0,
                notAttempted: round["not_attempted"] as? Int ?? 0)
        }
    }

    static func rates(_ directory: String) throws -> [Double?] {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/summary.json"))
        let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (summary["rounds"] as? [[String: Any]] ?? []).map { $0["success_refinement_rate"] as? Double }
    }

    static let spiderWithErrors = [
        Round(passed: 2, failedBefore: 0, fixed: 0, stillFailing: 0, notAttempted: 0),
        Round(passed: 4, failedBefore: 6, fixed: 2, stillFailing: 4, notAttempted: 0),
        Round(passed: 6, failedBefore: 4, fixed: 2, stillFailing: 2, notAttempted: 0),
        Round(passed: 6, failedBefore: 2, fixed: 0, stillFailing: 2, notAttempted: 0),
    ]

    @Test(arguments: ["fix", "explain-then-fix"])
    func spiderRoundsFollowTheScript(repair: String) throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try SpiderRepairScript.model.server()
        defer { server.stop() }
        let run = try CrucibleCommand.run(
            Self.spiderArguments(folder, server, ["--feedback", "error", "--repair", repair]))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Self.rounds(folder) == Self.spiderWithErrors)
        let rates = try Self.rates(folder)
        #expect(rates.count == 4)
        #expect(rates.dropFirst().map { $0 ?? -1 } == [2.0 / 6, 2.0 / 4, 0])
        // 8 first answers, then one request per repair (two in explain-then-fix).
        let repairs = 6 + 4 + 2
        #expect(server.requests.count == 8 + repairs * (repair == "fix" ? 1 : 2))
        #expect(ScriptedRepairModel.explanationRequests(server) == (repair == "fix" ? 0 : repairs))
        if repair == "explain-then-fix" {
            let store = try RunStore(path: "\(folder)/run.sqlite")
            let stored = try (1...3).flatMap { try store.repairs(round: $0) }
            #expect(stored.count == repairs)
            #expect(stored.allSatisfy { $0.explanation == ScriptedRepairModel.explanation })
        }
        #expect(run.stdout.contains("accuracy by round: 25.0 → 50.0 → 75.0 → 75.0 %"), "\(run.stdout)")
    }

    @Test func spiderWithoutTheErrorTextNothingIsFixed() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try SpiderRepairScript.model.server()
        defer { server.stop() }
        let run = try CrucibleCommand.run(Self.spiderArguments(folder, server, ["--feedback", "simple"]))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            try Self.rounds(folder) == [
                Round(passed: 2, failedBefore: 0, fixed: 0, stillFailing: 0, notAttempted: 0),
                Round(passed: 2, failedBefore: 6, fixed: 0, stillFailing: 6, notAttempted: 0),
                Round(passed: 2, failedBefore: 6, fixed: 0, stillFailing: 6, notAttempted: 0),
                Round(passed: 2, failedBefore: 6, fixed: 0, stillFailing: 6, notAttempted: 0),
            ])
    }

    @Test(arguments: ["fix", "explain-then-fix"])
    func humanEvalFixesComeOnlyFromTraces(repair: String) throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try HumanEvalRepairScript.model.server()
        defer { server.stop() }
        let traced = try CrucibleCommand.run(
            Self.humanEvalArguments("\(folder)/trace", server, ["--feedback", "trace", "--repair", repair]))
        #expect(traced.status == 0, "\(traced.stderr)")
        #expect(
            try Self.rounds("\(folder)/trace") == [
                Round(passed: 1, failedBefore: 0, fixed: 0, stillFailing: 0, notAttempted: 0),
                Round(passed: 3, failedBefore: 3, fixed: 2, stillFailing: 1, notAttempted: 0),
                Round(passed: 3, failedBefore: 1, fixed: 0, stillFailing: 1, notAttempted: 0),
                Round(passed: 3, failedBefore: 1, fixed: 0, stillFailing: 1, notAttempted: 0),
            ])
        #expect(try Self.rates("\(folder)/trace").dropFirst().map { $0 ?? -1 } == [2.0 / 3, 0, 0])
        let report = try String(contentsOfFile: "\(folder)/trace/report.md", encoding: .utf8)
        #expect(report.contains("shows the evaluation's own tests"), "\(report)")

        let tested = try CrucibleCommand.run(
            Self.humanEvalArguments("\(folder)/tests", server, ["--feedback", "tests", "--repair", repair]))
        #expect(tested.status == 0, "\(tested.stderr)")
        #expect(try Self.rounds("\(folder)/tests").map(\.passed) == [1, 1, 1, 1])
    }
}

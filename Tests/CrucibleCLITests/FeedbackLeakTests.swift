import CrucibleBenchmarks
import CrucibleCore
import CrucibleTestSupport
import Foundation
import Testing

@testable import CrucibleRuns

/// No repair request of any feedback kind shows the gold SQL, the gold result or the reference solution, across
/// whole runs: DAIL-SQL's Spider dev predictions refined with `error` and `result` feedback, and every HumanEval
/// task refined with `tests` and `trace` feedback; `--oracle-feedback` is the one way the gold result appears.
/// The repairs come from the scripted stand-in model (a local HTTP server).
@Suite("Feedback never shows the answer", .serialized, SharedDatasets.required)
struct FeedbackLeakTests {
    static func normalized(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func constantServer(_ answer: String) throws -> LocalModelServer {
        try LocalModelServer { _, _ in .completions([answer]) }
    }

    @Test func spiderFeedbackShowsOnlyThePredictionsOwnResultOrError() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spider = "\(SharedDatasets.path)/spider"
        let run = try CrucibleCommand.run([
            "run", "--benchmark", "spider", "--dataset", spider, "--model",
            "replay:\(SharedDatasets.path)/spider-predictions/dail-sql-gpt4.txt", "--allow-unavailable", "--run-dir",
            "\(folder)/run",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let server = try Self.constantServer("SELECT 1")
        defer { server.stop() }
        for (rounds, feedback) in [("1", "error"), ("2", "result")] {
            let refine = try CrucibleCommand.run([
                "refine", "\(folder)/run", "--model", "openai:stand-in", "--base-url", server.baseURL.absoluteString,
                "--rounds", rounds, "--feedback", feedback,
            ])
            #expect(refine.status == 0, "\(refine.stderr)")
        }
        let loaded = try SQLBenchmarkKind.spider.load(directory: spider, questions: "dev.json")
        let tasks = Dictionary(uniqueKeysWithValues: loaded.tasks.map { ($0.id, $0) })
        let store = try RunStore(path: "\(folder)/run/run.sqlite")
        var checked = 0
        for round in 1...2 {
            let generations = Dictionary(
                uniqueKeysWithValues: try store.generations(round: round).map { ($0.taskID, $0) })
            let previous = Dictionary(
                uniqueKeysWithValues: try store.generations(round: round - 1).map { ($0.taskID, $0) })
            let repairs = try store.repairs(round: round)
            #expect(repairs.count > 100)
            for repair in repairs {
                let task = try #require(tasks[repair.taskID])
                let gold = Self.normalized(task.gold)
                #expect(!Self.normalized(repair.feedback).contains(gold), "task \(repair.taskID)")
                let prompt = try #require(generations[repair.taskID]?.prompt)
                let answer = try #require(previous[repair.taskID]?.raw)
                // The prompt holds the model's own previous answer, which may quote the gold by itself.
                if !Self.normalized(answer).contains(gold) {
                    #expect(!Self.normalized(prompt).contains(gold), "task \(repair.taskID)")
                }
                if round == 2 {
                    // `result` shows the result of the answer being repaired, and nothing else.
                    let shown = SQLResultPreview().render(answer, task: task, timeout: 30)
                    let template = try FeedbackTemplate(kind: .result)
                    let error = SQLRunPlan.ranWithoutError(
                        RepairCandidate(
                            generation: try #require(previous[repair.taskID]),
                            execution: try #require(
                                try store.executions(round: 1).first { $0.taskID == repair.taskID })))
                    if error { #expect(repair.feedback == template.render(details: shown)) }
                }
                #expect(!repair.feedback.contains("expected result"))
                checked += 1
            }
        }
        #expect(checked > 200)
    }

    @Test func oracleFeedbackAddsTheGoldResultAndTheReportSaysSoFirst() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try SpiderRepairScript.model.server()
        defer { server.stop() }
        var arguments = RefinementRoundsTests.spiderArguments(
            folder, server, ["--feedback", "result", "--oracle-feedback"])
        arguments[arguments.firstIndex(of: "--rounds")! + 1] = "1"
        let run = try CrucibleCommand.run(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        let repairs = try RunStore(path: "\(folder)/run.sqlite").repairs(round: 1)
        #expect(repairs.count == 6)
        #expect(repairs.allSatisfy { $0.feedback.contains("The expected result is:") })
        let report = try String(contentsOfFile: "\(folder)/report.md", encoding: .utf8)
        #expect(report.hasPrefix("> **Oracle feedback:**"), "\(report.prefix(200))")
    }

    @Test func humanEvalFeedbackNeverShowsTheReferenceSolution() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dataset = "\(SharedDatasets.path)/humaneval/HumanEval.jsonl.gz"
        let server = try Self.constantServer("    return None\n")
        defer { server.stop() }
        let first = try CrucibleCommand.run([
            "run", "--benchmark", "humaneval", "--dataset", dataset, "--model", "openai:stand-in", "--base-url",
            server.baseURL.absoluteString, "--rounds", "1", "--feedback", "tests", "--run-dir", folder,
        ])
        #expect(first.status == 0, "\(first.stderr)")
        let traced = try CrucibleCommand.run([
            "refine", folder, "--model", "openai:stand-in", "--base-url", server.baseURL.absoluteString, "--rounds",
            "2", "--feedback", "trace",
        ])
        #expect(traced.status == 0, "\(traced.stderr)")
        let problems = try #require(try Benchmark.humaneval.pythonTasks(dataset))
        let references = Dictionary(uniqueKeysWithValues: problems.map { ($0.id, $0.reference) })
        let store = try RunStore(path: "\(folder)/run.sqlite")
        var traces = 0
        for round in 1...2 {
            let prompts = Dictionary(
                uniqueKeysWithValues: try store.generations(round: round).map { ($0.taskID, $0.prompt) })
            let repairs = try store.repairs(round: round)
            #expect(repairs.count >= 150)
            for repair in repairs {
                let reference = (references[repair.taskID] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                guard reference.count >= 20 else { continue }
                #expect(!repair.feedback.contains(reference), "task \(repair.taskID)")
                #expect(!(prompts[repair.taskID] ?? "").contains(reference), "task \(repair.taskID)")
                if round == 2, let start = repair.feedback.range(of: "```python\n"),
                    let end = repair.feedback.range(of: "\n```", range: start.upperBound..<repair.feedback.endIndex)
                {
                    traces += 1
                    #expect(repair.feedback[start.upperBound..<end.lowerBound].utf8.count <= 4096)
                }
            }
        }
        #expect(traces >= 150)
    }
}

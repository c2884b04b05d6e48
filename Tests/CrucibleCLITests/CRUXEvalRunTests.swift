import CrucibleTestSupport
import Foundation
import Testing

/// `crucible run` on CRUXEval: a model (a local OpenAI-compatible HTTP server standing in for one) is asked with
/// CRUXEval's prompts, its answers are taken from the completions as CRUXEval's inference code takes them and
/// judged by the official rules; `--hide-code` names the function without showing it; `export programs` writes a
/// split's functions as source only; a replayed published generations file gives the published figures.
@Suite("CRUXEval runs", .serialized)
struct CRUXEvalRunTests {
    static let problems: [[String: String]] = [
        ["id": "sample_0", "code": "def f(x):\n    y = x * 2\n    return y", "input": "3", "output": "6"],
        ["id": "sample_1", "code": "def f(s):\n    return s.upper() + '!'", "input": "'ab'", "output": "'AB!'"],
        [
            "id": "sample_2", "code": "def f(n):\n    if n > 1:\n        return f(n - 1) + n\n    return 1",
            "input": "4",
            "output": "10",
        ],
    ]

    static func writeDataset(_ folder: String) throws -> String {
        let dataset = "\(folder)/cruxeval.jsonl"
        try problems.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
            .joined(separator: "\n").write(toFile: dataset, atomically: true, encoding: .utf8)
        return dataset
    }

    /// Answers by the prompt's last `[PYTHON]` block: the assertion it asks to complete, completed with `answers`
    /// for that question (keyed by the question's assertion line), in chain-of-thought form.
    static func server(_ answers: [String: String]) throws -> LocalModelServer {
        try LocalModelServer { _, request in
            let messages = request.object?["messages"] as? [[String: Any]] ?? []
            let prompt = messages.last?["content"] as? String ?? ""
            let question =
                prompt.components(separatedBy: "[PYTHON]").last?.split(separator: "\n")
                .first { $0.hasPrefix("assert ") }.map(String.init) ?? ""
            let answer = answers[question] ?? "assert f(0) == None"
            return .completions([
                "Let me trace it: f(0) == 1 is not the question.\n[/THOUGHT]\n[ANSWER]\n\(answer)\n[/ANSWER]\nextra"
            ])
        }
    }

    static func sampleVerdicts(_ directory: String) throws -> [String: [Bool]] {
        try CRUXEvalScoreTests.sampleVerdicts(directory)
    }

    @Test func chainOfThoughtAnswersAreExtractedAndJudged() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dataset = try Self.writeDataset(folder)
        let server = try Self.server([
            "assert f(3) == ??": "assert f(3) == 6",
            "assert f('ab') == ??": "assert f('ab') == 'ab!'",
            "assert f(4) == ??": "assert f(4) == f(4)",  // calls the function: the official scorer skips it
            "assert f(??) == 6": "assert f(3) == 6",
            "assert f(??) == 'AB!'": "assert f('xy') == 'AB!'",  // gives 'XY!'
            "assert f(??) == 10": "assert 4 == 10",  // no call: skipped in input mode
        ])
        for (benchmark, expected) in [
            ("cruxeval-o", ["sample_0": [true], "sample_1": [false], "sample_2": [false]]),
            ("cruxeval-i", ["sample_0": [true], "sample_1": [false], "sample_2": [false]]),
        ] {
            let runDir = "\(folder)/\(benchmark)"
            let run = try CrucibleCommand.run([
                "run", "--benchmark", benchmark, "--dataset", dataset, "--model", "openai:stand-in", "--base-url",
                server.baseURL.absoluteString, "--prompt-style", "cot", "--run-dir", runDir, "--quiet",
            ])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(try Self.sampleVerdicts(runDir) == expected, "\(benchmark)")
            #expect(run.stdout.contains("\(benchmark): 1/3 tasks passed"), "\(run.stdout)")
        }
        // Every request asked to stop at the end of the answer, as CRUXEval's inference does.
        #expect(server.requests.allSatisfy { ($0.object?["stop"] as? [String]) == ["[/ANSWER]"] })
        let prompts = server.requests.compactMap { request in
            ((request.object?["messages"] as? [[String: Any]])?.last?["content"] as? String)
        }
        #expect(prompts.count == 6)
        #expect(prompts.allSatisfy { $0.contains("[THOUGHT]") && $0.contains("def f(") })
    }

    @Test func hiddenCodeRunsNameTheFunctionAndJudgeTheAnswerAsACallOfF() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dataset = try Self.writeDataset(folder)
        let server = try Self.server([
            "assert cruxeval_0(??) == 6": "assert cruxeval_0(3) == 6",
            "assert cruxeval_1(??) == 'AB!'": "assert cruxeval_1('x') == 'AB!'",
            "assert cruxeval_2(??) == 10": "assert cruxeval_2(4) == 10",
        ])
        let runDir = "\(folder)/hidden"
        let run = try CrucibleCommand.run([
            "run", "--benchmark", "cruxeval-i", "--dataset", dataset, "--model", "openai:stand-in", "--base-url",
            server.baseURL.absoluteString, "--hide-code", "--prompt-style", "cot", "--run-dir", runDir, "--quiet",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Self.sampleVerdicts(runDir) == ["sample_0": [true], "sample_1": [false], "sample_2": [true]])
        for request in server.requests {
            let prompt = ((request.object?["messages"] as? [[String: Any]])?.last?["content"] as? String) ?? ""
            let bodies = ["y = x * 2", "return y", "s.upper()", "if n > 1:", "return f(n - 1) + n", "return 1"]
            #expect(!prompt.contains("def ") && bodies.allSatisfy { !prompt.contains($0) }, "\(prompt)")
        }
        // The setting is part of the run's identity: resuming without it is refused.
        let resumed = try CrucibleCommand.run([
            "run", "--benchmark", "cruxeval-i", "--dataset", dataset, "--model", "openai:stand-in", "--base-url",
            server.baseURL.absoluteString, "--run-dir", runDir, "--quiet",
        ])
        #expect(resumed.status != 0)
        #expect(resumed.stderr.contains("hide_code"), "\(resumed.stderr)")
    }

    @Test func optionsThatDoNotApplyAreRefusedBeforeAnyRequest() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dataset = try Self.writeDataset(folder)
        let server = try Self.server([:])
        let base = ["--model", "openai:stand-in", "--base-url", server.baseURL.absoluteString, "--quiet"]
        let rounds = try CrucibleCommand.run(
            ["run", "--benchmark", "cruxeval-o", "--dataset", dataset, "--rounds", "1", "--run-dir", "\(folder)/a"]
                + base)
        #expect(rounds.status != 0)
        #expect(rounds.stderr.contains("refinement rounds repair programs"), "\(rounds.stderr)")
        let humanEval = "\(CrucibleCommand.packageRoot)/Datasets/python-sample/humaneval.jsonl"
        let hidden = try CrucibleCommand.run(
            ["run", "--benchmark", "humaneval", "--dataset", humanEval, "--hide-code", "--run-dir", "\(folder)/b"]
                + base)
        #expect(hidden.status != 0)
        #expect(hidden.stderr.contains("are for cruxeval-o and cruxeval-i"), "\(hidden.stderr)")
        #expect(server.requests.isEmpty)
    }

    /// `crucible split` of `dataset` into `folder`, then `crucible export programs` of its train side into
    /// `folder/programs.jsonl`; returns train.json.
    static func splitAndExport(_ dataset: String, evalFraction: String, into folder: String) throws -> [String: Any] {
        let split = try CrucibleCommand.run([
            "split", "--benchmark", "cruxeval-o", "--dataset", dataset, "--eval-fraction", evalFraction, "--out",
            folder,
        ])
        #expect(split.status == 0, "\(split.stderr)")
        let export = try CrucibleCommand.run([
            "export", "programs", "--benchmark", "cruxeval-o", "--dataset", dataset, "--split", "\(folder)/train.json",
        ])
        #expect(export.status == 0, "\(export.stderr)")
        return try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/train.json")))
                as? [String: Any])
    }

    @Test func programsExportHoldsTheTrainSidesSourceOnly() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dataset = try Self.writeDataset(folder)
        let train = try Self.splitAndExport(dataset, evalFraction: "0.34", into: folder)
        let trainIDs = try #require(train["tasks"] as? [String])
        #expect(trainIDs.count == 2)
        let lines = try String(contentsOfFile: "\(folder)/programs.jsonl", encoding: .utf8).split(separator: "\n")
        let texts = try lines.map { line in
            try #require((try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])?["text"])
        }
        #expect(texts.count == 2)
        for problem in Self.problems {
            let id = problem["id"]!
            let name = "cruxeval_" + id.dropFirst("sample_".count)
            let exported = texts.first { $0.contains("def \(name)(") }
            #expect((exported != nil) == trainIDs.contains(id), "\(id)")
            // The renamed function, its recursive call included, and nothing of its input or output.
            #expect(exported.map { !$0.contains("f(") } ?? true, "\(exported ?? "")")
            #expect(
                !texts.contains {
                    $0.contains("\(name)(\(problem["input"]!))") || $0.contains("f(\(problem["input"]!))")
                })
        }
        let eval = try CrucibleCommand.run([
            "export", "programs", "--benchmark", "cruxeval-o", "--dataset", dataset, "--split", "\(folder)/eval.json",
            "--out", "\(folder)/leak.jsonl",
        ])
        #expect(eval.status != 0)
        #expect(eval.stderr.contains("eval side"), "\(eval.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/leak.jsonl"))
    }

    /// Real data: the 800 problems split in two; the train side's export holds every train function and nothing
    /// of an evaluated problem: not its function, not its input/output assertion.
    @Test(SharedDatasets.required)
    func theRealExportHoldsNoEvaluatedProblem() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dataset = "\(SharedDatasets.path)/cruxeval/cruxeval.jsonl"
        let train = try Self.splitAndExport(dataset, evalFraction: "0.5", into: folder)
        let trainIDs = Set(try #require(train["tasks"] as? [String]))
        let text = try String(contentsOfFile: "\(folder)/programs.jsonl", encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == trainIDs.count)
        #expect(trainIDs.count > 300 && trainIDs.count < 500)
        var evaluated = 0
        for line in try String(contentsOfFile: dataset, encoding: .utf8).split(separator: "\n") {
            let problem = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
            let id = try #require(problem["id"])
            let name = "cruxeval_" + id.dropFirst("sample_".count)
            #expect(text.contains("def \(name)(") == trainIDs.contains(id), "\(id)")
            guard !trainIDs.contains(id) else { continue }
            evaluated += 1
            let input = try #require(problem["input"])
            let output = try #require(problem["output"])
            let pair = try String(decoding: JSONEncoder().encode("(\(input)) == \(output)"), as: UTF8.self)
            #expect(!text.contains(pair.dropFirst().dropLast()), "\(id)")
        }
        #expect(evaluated + trainIDs.count == 800)
        // Functions may assert things themselves (cruxeval_263 does); no test assertion is exported.
        #expect(!text.contains("assert f(") && !text.contains("assert cruxeval_"))
    }

    @Test(SharedDatasets.required)
    func aReplayedPublishedFileGivesThePublishedFiguresAndBreakdowns() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = "\(SharedDatasets.path)/cruxeval"
        let run = try CrucibleCommand.run([
            "run", "--benchmark", "cruxeval-o", "--dataset", "\(data)/cruxeval.jsonl", "--model",
            "replay:\(data)/codellama-7b/output-generations.json", "--samples", "10", "--k", "1,5", "--run-dir", folder,
            "--quiet",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("pass@1 34.2 %, pass@5 40.3 %"), "\(run.stdout)")
        let published = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: "\(data)/codellama-7b/output-scored.json")))
                as? [String: Any])
        let official = try #require(published["raw_scored_generations"] as? [String: [Bool]])
        let mine = try Self.sampleVerdicts(folder)
        #expect(official.keys.filter { official[$0] != mine[$0] }.isEmpty)
        let report = try String(contentsOfFile: "\(folder)/report.md", encoding: .utf8)
        #expect(report.contains("**34.2** (") && report.contains("**40.3** ("), "\(report.prefix(600))")
        for grouping in ["size", "string ops", "list ops", "dict ops", "arithmetic"] {
            #expect(report.contains("## By \(grouping)"), "\(grouping)")
        }
        let sizes = ["| 1–3 lines |", "| 4–6 lines |", "| 7–9 lines |", "| 10+ lines |"].map {
            report.range(of: $0)?.lowerBound
        }
        #expect(sizes.allSatisfy { $0 != nil } && zip(sizes, sizes.dropFirst()).allSatisfy { $0! < $1! })
    }
}

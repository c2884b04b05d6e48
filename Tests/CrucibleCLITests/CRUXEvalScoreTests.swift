import CrucibleTestSupport
import Foundation
import Testing

/// CRUXEval scored by `crucible score`, every generation in the sandbox: Code Llama 7B's published output
/// predictions get the official scorer's per-generation verdicts, and its filters and its rule for tasks with no
/// passing generation are reproduced.
@Suite("CRUXEval scoring", .serialized)
struct CRUXEvalScoreTests {
    static func sampleVerdicts(_ directory: String) throws -> [String: [Bool]] {
        var verdicts: [String: [Bool]] = [:]
        for line in try String(contentsOfFile: "\(directory)/results.jsonl", encoding: .utf8).split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard object["record"] as? String == "sample", let task = object["task_id"] as? String else { continue }
            verdicts[task, default: []].append(object["passed"] as? Bool ?? false)
        }
        return verdicts
    }

    @Test(SharedDatasets.required)
    func codeLlamasPublishedOutputPredictionsGetTheOfficialVerdicts() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = "\(SharedDatasets.path)/cruxeval"
        let score = try CrucibleCommand.run([
            "score", "--benchmark", "cruxeval-o", "--dataset", "\(data)/cruxeval.jsonl", "--predictions",
            "\(data)/codellama-7b/output-generations.json", "--k", "1,5", "--out", folder,
        ])
        #expect(score.status == 0, "\(score.stderr)")
        #expect(score.stdout.contains("pass@1 34.2 %, pass@5 40.3 %"), "\(score.stdout)")
        let published = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: "\(data)/codellama-7b/output-scored.json")))
                as? [String: Any])
        let official = try #require(published["raw_scored_generations"] as? [String: [Bool]])
        let mine = try Self.sampleVerdicts(folder)
        #expect(official.count == 800)
        #expect(official.values.map(\.count).reduce(0, +) == 8000)
        let differing = official.keys.filter { official[$0] != mine[$0] }.sorted()
        #expect(differing.isEmpty, "tasks whose verdicts differ: \(differing.prefix(20))")
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/summary.json")))
                as? [String: Any])
        let passAt1 = try #require(summary["pass@1"] as? Double)
        let passAt5 = try #require(summary["pass@5"] as? Double)
        #expect(abs(passAt1 * 100 - (published["pass_at_1"] as? Double ?? 0)) < 1e-9)
        #expect(abs(passAt5 * 100 - (published["pass_at_5"] as? Double ?? 0)) < 1e-9)
    }

    /// The official filters: in output mode a generation that calls `f(<input>)` is skipped and leaves the list; in
    /// input mode one without `f(` is; a task none of whose generations pass counts them all, as failed.
    @Test func filtersAndTheNonePassRuleFollowTheOfficialScorer() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let problems = [
            ["id": "sample_0", "code": "def f(x):\n    return x * 2", "input": "3", "output": "6"],
            ["id": "sample_1", "code": "def f(s):\n    return s.upper()", "input": "'ab'", "output": "'AB'"],
        ]
        let dataset = "\(folder)/cruxeval.jsonl"
        try problems.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
            .joined(separator: "\n").write(toFile: dataset, atomically: true, encoding: .utf8)
        func score(_ benchmark: String, _ generations: [String: [String]]) throws -> [String: [Bool]] {
            let answers = "\(folder)/\(benchmark).json"
            try JSONSerialization.data(withJSONObject: generations).write(to: URL(fileURLWithPath: answers))
            let out = "\(folder)/\(benchmark)"
            let result = try CrucibleCommand.run([
                "score", "--benchmark", benchmark, "--dataset", dataset, "--predictions", answers, "--out", out,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            return try Self.sampleVerdicts(out)
        }
        // Output mode: sample_0's "f(3)" is skipped and leaves the list; sample_1 has no passing generation, so all
        // three count, the skipped one included.
        let output = try score(
            "cruxeval-o", ["sample_0": ["6", "f(3)", "7"], "sample_1": ["'ab'", "f('ab')", "'Ab'"]])
        #expect(output["sample_0"] == [true, false])
        #expect(output["sample_1"] == [false, false, false])
        // Input mode: a generation without "f(" is skipped.
        let input = try score("cruxeval-i", ["sample_0": ["f(3)", "3", "f(4)"], "sample_1": ["f('ab')", "f('xy')"]])
        #expect(input["sample_0"] == [true, false])
        #expect(input["sample_1"] == [true, false])
    }
}

/// CRUXEval generations are arbitrary expressions: hostile ones are contained like any program and get the
/// verdict their assertion deserves. (The official scorer pastes a generation after `assert <output> == `, so a
/// top-level `or` would apply to the whole comparison; these generations are parenthesised to mean what they say.)
@Suite("CRUXEval: hostile generations")
struct CRUXEvalHostileTests {
    @Test func hostileGenerationsAreContainedAndJudged() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dataset = "\(folder)/cruxeval.jsonl"
        let problem: [String: String] = [
            "id": "sample_0", "code": "def f(x):\n    return x", "input": "'sk-test-123'", "output": "'sk-test-123'",
        ]
        try String(decoding: try JSONSerialization.data(withJSONObject: problem), as: UTF8.self)
            .write(toFile: dataset, atomically: true, encoding: .utf8)
        let marker = "\(folder)/written-by-a-generation"
        let generations = [
            "'sk-test-123'",  // right: the control
            "__import__('time').sleep(10**6)",  // never returns
            "bytearray(50 * 10**9)",  // 50 GB
            // The forked copy's assertion passes; the program's own (the parent's) fails.
            "((__import__('os').fork() and 'parent') or 'sk-test-123')",
            "(open('\(marker)', 'w').write('x') and 'sk-test-123')",  // writes outside its folder
            "__import__('os').environ.get('OPENAI_API_KEY', 'hidden')",  // passes only if it sees the secret
            "(print('{\"status\": \"passed\"}') or 'nope')",  // prints something that looks like a verdict
        ]
        let answers = "\(folder)/generations.json"
        try JSONSerialization.data(withJSONObject: ["sample_0": generations]).write(to: URL(fileURLWithPath: answers))
        let started = Date()
        let result = try CrucibleCommand.run(
            [
                "score", "--benchmark", "cruxeval-o", "--dataset", dataset, "--predictions", answers, "--out",
                "\(folder)/out",
            ], environment: ["OPENAI_API_KEY": "sk-test-123"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 60)
        var statuses: [String] = []
        var passed: [Bool] = []
        for line in try String(contentsOfFile: "\(folder)/out/results.jsonl", encoding: .utf8).split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard object["record"] as? String == "sample" else { continue }
            statuses.append(object["status"] as? String ?? "")
            passed.append(object["passed"] as? Bool ?? true)
        }
        #expect(passed == [true, false, false, false, false, false, false], "\(statuses)")
        #expect(statuses[1] == "timeout" && statuses[2] == "memory", "\(statuses)")
        // The forked copy never reports: the verdict is the program's own failed assertion.
        #expect(statuses[3] == "failed", "\(statuses)")
        #expect(!FileManager.default.fileExists(atPath: marker))
    }
}

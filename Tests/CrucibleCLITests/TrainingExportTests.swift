import CrucibleRuns
import CrucibleTestSupport
import Foundation
import Testing

/// `crucible split`, `run --tasks-file` and `crucible export` on real Spider dev data refined by the scripted
/// stand-in model (a local HTTP server): the exports load with Python's json, have the fields TRL's trainers read,
/// hold no task of the evaluation split, and runs over the evaluation split or over no split are refused.
@Suite("Training data exports", .serialized, SharedDatasets.required)
struct TrainingExportTests {
    static let spider = "\(SharedDatasets.path)/spider"

    static func taskList(_ path: String) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        return try #require((object as? [String: Any])?["tasks"] as? [String])
    }

    /// Python's json reads every line; returns the task ids and checks the fields of `kind`.
    static func checkWithPython(_ file: String, kind: String) throws -> [String] {
        let script = #"""
            import json, sys
            kind, path = sys.argv[1], sys.argv[2]
            ids = []
            for line in open(path, encoding="utf-8"):
                row = json.loads(line)
                chat = lambda v: isinstance(v, list) and all(set(m) == {"role", "content"} for m in v)
                text = lambda v: isinstance(v, str) and v != ""
                if kind == "preferences":
                    assert text(row["prompt"]) and text(row["chosen"]) and text(row["rejected"]), row
                    assert row["chosen"] != row["rejected"]
                elif kind == "conversational":
                    assert chat(row["prompt"]) and chat(row["chosen"]) and chat(row["rejected"]), row
                    assert row["chosen"][0]["role"] == "assistant"
                elif kind == "sft":
                    assert text(row["prompt"]) and text(row["completion"]), row
                elif kind == "kto":
                    assert text(row["prompt"]) and text(row["completion"]) and isinstance(row["label"], bool), row
                ids.append(row["metadata"]["task_id"])
            print("\n".join(ids))
            """#
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, kind, file]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let error = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(kind): \(error)")
        return text.split(separator: "\n").map(String.init)
    }

    @Test func exportsFromATrainRunHoldNoEvaluationTaskAndOtherRunsAreRefused() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let split = try CrucibleCommand.run([
            "split", "--benchmark", "spider", "--dataset", Self.spider, "--eval-fraction", "0.5", "--seed", "3",
            "--out", "\(folder)/split",
        ])
        #expect(split.status == 0, "\(split.stderr)")
        let train = try Self.taskList("\(folder)/split/train.json")
        let eval = try Self.taskList("\(folder)/split/eval.json")
        #expect(Set(train).isDisjoint(with: eval))
        #expect(train.count + eval.count == 1034)
        // The same seed gives the same split.
        let again = try CrucibleCommand.run([
            "split", "--benchmark", "spider", "--dataset", Self.spider, "--eval-fraction", "0.5", "--seed", "3",
            "--out", "\(folder)/again",
        ])
        #expect(again.status == 0)
        #expect(try Self.taskList("\(folder)/again/train.json") == train)
        let scripted = SpiderRepairScript.tasks.split(separator: ",").map(String.init)
        #expect(scripted.contains { ["4", "6", "8", "10"].contains($0) && train.contains($0) })

        let server = try SpiderRepairScript.model.server()
        defer { server.stop() }
        func run(_ directory: String, _ selection: [String]) throws -> CrucibleCommand.Output {
            try CrucibleCommand.run(
                [
                    "run", "--benchmark", "spider", "--dataset", Self.spider, "--allow-unavailable", "--model",
                    "openai:stand-in", "--base-url", server.baseURL.absoluteString, "--run-dir", directory,
                    "--rounds", "2", "--repair", "explain-then-fix", "--model-version", "iter-1", "--parent-version",
                    "base",
                ] + selection)
        }
        let trained = try run("\(folder)/train", ["--tasks-file", "\(folder)/split/train.json"])
        #expect(trained.status == 0, "\(trained.stderr)")

        for (kind, arguments) in [
            ("preferences", ["preferences"]), ("conversational", ["preferences", "--format", "conversational"]),
            ("sft", ["sft"]), ("kto", ["sft", "--format", "kto"]), ("sft", ["sft", "--repairs"]),
        ] {
            let out = "\(folder)/\(arguments.joined(separator: "-")).jsonl"
            let export = try CrucibleCommand.run(["export"] + arguments + ["--run", "\(folder)/train", "--out", out])
            #expect(export.status == 0, "\(export.stderr)")
            let ids = try Self.checkWithPython(out, kind: kind)
            #expect(!ids.isEmpty, "\(arguments)")
            #expect(Set(ids).isSubset(of: train), "\(arguments)")
            #expect(Set(ids).isDisjoint(with: eval), "\(arguments)")
        }
        let repairs = try String(contentsOfFile: "\(folder)/sft---repairs.jsonl", encoding: .utf8)
        #expect(repairs.contains(ScriptedRepairModel.explanation))

        let evaluated = try run("\(folder)/eval", ["--tasks-file", "\(folder)/split/eval.json"])
        #expect(evaluated.status == 0, "\(evaluated.stderr)")
        let refused = try CrucibleCommand.run(["export", "preferences", "--run", "\(folder)/eval", "--allow-unsplit"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("evaluation split"), "\(refused.stderr)")

        let unsplit = try run("\(folder)/unsplit", ["--tasks", SpiderRepairScript.tasks])
        #expect(unsplit.status == 0, "\(unsplit.stderr)")
        let noSplit = try CrucibleCommand.run(["export", "sft", "--run", "\(folder)/unsplit"])
        #expect(noSplit.status == 2)
        #expect(noSplit.stderr.contains("--allow-unsplit"), "\(noSplit.stderr)")
        let allowed = try CrucibleCommand.run([
            "export", "sft", "--run", "\(folder)/unsplit", "--allow-unsplit", "--out", "\(folder)/allowed.jsonl",
        ])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(
            try String(contentsOfFile: "\(folder)/allowed.jsonl", encoding: .utf8).contains(#""unsplit_allowed": true"#)
        )
    }

    @Test func preferencePairsNeverPairIdenticalCodeAndDependOnlyOnTheSeed() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try SpiderRepairScript.model.server()
        defer { server.stop() }
        var arguments = RefinementRoundsTests.spiderArguments("\(folder)/run", server, ["--samples", "2"])
        arguments[arguments.firstIndex(of: "--rounds")! + 1] = "2"
        let run = try CrucibleCommand.run(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        func export(_ seed: String, _ name: String) throws -> String {
            let out = "\(folder)/\(name).jsonl"
            let result = try CrucibleCommand.run([
                "export", "preferences", "--run", "\(folder)/run", "--allow-unsplit", "--seed", seed,
                "--max-pairs-per-task", "1", "--out", out,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            return try String(contentsOfFile: out, encoding: .utf8)
        }
        let first = try export("5", "a")
        #expect(try export("5", "b") == first)
        // Two samples per task with identical code: each fixed task gives one pair (its first answer against its
        // fix), never a pair of two identical failing answers.
        let lines = first.split(separator: "\n")
        #expect(lines.count == 4, "\(first)")
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["chosen"] as? String != object["rejected"] as? String)
        }
    }
}

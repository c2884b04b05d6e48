import CrucibleRuns
import CrucibleTestSupport
import Foundation
import Testing

/// `crucible run` on the bundled text-to-SQL sample, against `LocalModelServer` (a local HTTP server standing in for
/// a model, answering each question with the gold query for even tasks and a wrong one for odd tasks) and against
/// recorded predictions: the prompts carry the schema, the question and few-shot examples; verdicts are those
/// `crucible score` gives the same predictions.
@Suite("crucible run, text-to-SQL", .serialized)
struct SQLRunTests {
    /// Question → the SQL the stand-in answers (inside a fenced block, after some prose).
    static func answers(_ folder: String) throws -> [String: String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/dev.json"))
        let records = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        var byQuestion: [String: String] = [:]
        for (index, record) in records.enumerated() {
            let question = try #require(record["question"] as? String)
            byQuestion[question] = index.isMultiple(of: 2) ? record["query"] as? String : "SELECT 1"
        }
        return byQuestion
    }

    /// The task's question is the prompt's last `-- Question:` line (few-shot examples come before it).
    static func question(in prompt: String) -> String {
        let lines = prompt.split(separator: "\n").filter { $0.hasPrefix("-- Question: ") }
        return lines.last.map { String($0.dropFirst("-- Question: ".count)) } ?? ""
    }

    static func server(_ answers: [String: String]) throws -> LocalModelServer {
        try LocalModelServer { _, request in
            let messages = request.object?["messages"] as? [[String: Any]] ?? []
            let prompt = messages.last?["content"] as? String ?? ""
            let n = request.object?["n"] as? Int ?? 1
            let sql = answers[question(in: prompt)] ?? "SELECT 'unknown question'"
            return .completions(Array(repeating: "The query:\n```sql\n\(sql);\n```\nIt counts them.", count: n))
        }
    }

    static func arguments(_ folder: String, _ server: LocalModelServer, runDir: String) -> [String] {
        [
            "run", "--benchmark", "spider", "--dataset", folder, "--model", "openai:stand-in", "--base-url",
            server.baseURL.absoluteString, "--timeout", "2", "--run-dir", runDir, "--concurrency", "4",
        ]
    }

    /// results.jsonl without timings.
    static func results(_ directory: String) throws -> [String] {
        try String(contentsOfFile: "\(directory)/results.jsonl", encoding: .utf8).split(separator: "\n").map { line in
            var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for key in ["gold_seconds", "predicted_seconds"] { object[key] = nil }
            return String(
                decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
    }

    static func summary(_ directory: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/summary.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func aServedRunIsJudgedAsScoreJudgesTheSamePredictions() throws {
        let folder = try SQLSampleFolder.build()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let answers = try Self.answers(folder)
        let server = try Self.server(answers)
        defer { server.stop() }
        let run = try CrucibleCommand.run(
            Self.arguments(folder, server, runDir: "\(folder)/run")
                + ["--few-shot", "\(folder)/train.json", "--shots", "2", "--model-version", "round-0"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("spider: "), "\(run.stdout)")
        #expect(server.requests.count == 48)

        let prompt = try #require(
            (server.requests[0].object?["messages"] as? [[String: Any]])?.last?["content"] as? String)
        #expect(prompt.contains("-- Examples of questions and their SQL queries:"))
        #expect(prompt.contains("CREATE TABLE"))
        #expect(prompt.contains("example rows from"))
        #expect(prompt.contains("Answer with one SQL query."))
        #expect(prompt.split(separator: "\n").filter { $0.hasPrefix("-- Question: ") }.count == 3)

        // The same answers, extracted by hand, scored by `crucible score`.
        let questions = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/dev.json")))
                as? [[String: Any]])
        let predictions = questions.map { answers[$0["question"] as? String ?? ""] ?? "" }
        try (predictions.joined(separator: "\n") + "\n").write(
            toFile: "\(folder)/answers.txt", atomically: true, encoding: .utf8)
        let score = try CrucibleCommand.run([
            "score", "--benchmark", "spider", "--dataset", folder, "--predictions", "\(folder)/answers.txt",
            "--timeout", "2", "--out", "\(folder)/score",
        ])
        #expect(score.status == 0, "\(score.stderr)")
        #expect(try Self.results("\(folder)/run") == Self.results("\(folder)/score"))
        let summary = try Self.summary("\(folder)/run")
        #expect(summary["model_version"] as? String == "round-0")
        #expect(summary["accuracy"] as? Double == (try Self.summary("\(folder)/score"))["accuracy"] as? Double)

        // Run again: everything is stored, nothing is asked.
        let again = try CrucibleCommand.run(
            Self.arguments(folder, server, runDir: "\(folder)/run")
                + ["--few-shot", "\(folder)/train.json", "--shots", "2", "--model-version", "round-0"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(server.requests.count == 48)

        // The environment names the commit this crucible was built from.
        let store = try RunStore(path: "\(folder)/run/run.sqlite")
        let environmentText = try #require(try store.value(for: "environment"))
        let environment = try JSONSerialization.jsonObject(with: Data(environmentText.utf8)) as? [String: Any]
        let head = try Self.git(["rev-parse", "HEAD"])
        #expect(environment?["crucible_commit"] as? String == head)
    }

    @Test func recordedPredictionsReplayToScoresVerdicts() throws {
        let folder = try SQLSampleFolder.build()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try CrucibleCommand.run([
            "run", "--benchmark", "spider", "--dataset", folder, "--model", "replay:\(folder)/predictions.txt",
            "--timeout", "1", "--run-dir", "\(folder)/run", "--quiet",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let score = try CrucibleCommand.run([
            "score", "--benchmark", "spider", "--dataset", folder, "--predictions", "\(folder)/predictions.txt",
            "--timeout", "1", "--out", "\(folder)/score",
        ])
        #expect(score.status == 0, "\(score.stderr)")
        #expect(try Self.results("\(folder)/run") == Self.results("\(folder)/score"))
        let expected = try String(contentsOfFile: "\(SQLSampleFolder.source)/expected.jsonl", encoding: .utf8)
        let passing = expected.split(separator: "\n").filter { $0.contains(#""status": "match""#) }.count
        #expect(try Self.summary("\(folder)/run")["passed"] as? Int == passing)
    }

    @Test func aNewRunTakesIdenticalRequestsFromTheGenerationCache() throws {
        let folder = try SQLSampleFolder.build()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try Self.server(try Self.answers(folder))
        defer { server.stop() }
        let cache = ["--generation-cache", "\(folder)/cache.sqlite", "--samples", "2", "--k", "1,2"]
        let first = try CrucibleCommand.run(Self.arguments(folder, server, runDir: "\(folder)/a") + cache)
        #expect(first.status == 0, "\(first.stderr)")
        let asked = server.requests.count
        #expect(asked >= 48)
        let second = try CrucibleCommand.run(Self.arguments(folder, server, runDir: "\(folder)/b") + cache)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(server.requests.count == asked)
        #expect(second.stderr.contains("96 samples taken from the generation cache"), "\(second.stderr)")
        #expect(try Self.results("\(folder)/b") == Self.results("\(folder)/a"))
        let summary = try Self.summary("\(folder)/b")
        #expect(summary["pass@2"] as? Double == summary["accuracy"] as? Double)

        let other = try CrucibleCommand.run(
            Self.arguments(folder, server, runDir: "\(folder)/c") + cache + ["--temperature", "0.7"])
        #expect(other.status == 0, "\(other.stderr)")
        #expect(server.requests.count >= asked + 48)
    }

    @Test func threeShardsMergedEqualTheWholeRun() throws {
        let folder = try SQLSampleFolder.build()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let replay = [
            "run", "--benchmark", "spider", "--dataset", folder, "--model", "replay:\(folder)/predictions.txt",
            "--timeout", "1", "--quiet",
        ]
        let whole = try CrucibleCommand.run(replay + ["--run-dir", "\(folder)/whole"])
        #expect(whole.status == 0, "\(whole.stderr)")
        for shard in 1...3 {
            let part = try CrucibleCommand.run(replay + ["--run-dir", "\(folder)/s\(shard)", "--shard", "\(shard)/3"])
            #expect(part.status == 0, "\(part.stderr)")
            #expect(try Self.results("\(folder)/s\(shard)").count == 16)
        }
        let merged = try CrucibleCommand.run(
            ["merge", "\(folder)/s1", "\(folder)/s2", "\(folder)/s3", "--into", "\(folder)/merged"])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(try Self.results("\(folder)/merged") == Self.results("\(folder)/whole"))
    }

    @Test func fewShotExamplesFromTheEvaluatedSplitAreRefused() throws {
        let folder = try SQLSampleFolder.build()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try CrucibleCommand.run([
            "run", "--benchmark", "spider", "--dataset", folder, "--model", "replay:\(folder)/predictions.txt",
            "--few-shot", "\(folder)/dev.json", "--run-dir", "\(folder)/run",
        ])
        #expect(run.status == 2)
        #expect(run.stderr.contains("is the evaluated split"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/run/run.sqlite"))
    }

    @Test func aMissingDatabaseStopsTheRunUnlessAllowed() throws {
        let folder = try SQLSampleFolder.build()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.removeItem(atPath: "\(folder)/database/air_routes")
        let replay = [
            "run", "--benchmark", "spider", "--dataset", folder, "--model", "replay:\(folder)/predictions.txt",
            "--timeout", "1", "--quiet",
        ]
        let refused = try CrucibleCommand.run(replay + ["--run-dir", "\(folder)/refused"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("air_routes") && refused.stderr.contains("--allow-unavailable"))
        let allowed = try CrucibleCommand.run(replay + ["--run-dir", "\(folder)/allowed", "--allow-unavailable"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        let summary = try Self.summary("\(folder)/allowed")
        #expect(summary["unavailable"] as? Int == 16)
        #expect(summary["scored"] as? Int == 32)
    }

    /// Real data: DAIL-SQL's published GPT-4 predictions on Spider dev, replayed through `crucible run`, get the
    /// official evaluator's verdict on every task whose database is here (dev ships 19 of its 20 databases).
    @Test(SharedDatasets.required) func dailSQLReplayedThroughARunGetsTheOfficialVerdicts() throws {
        let datasets = SharedDatasets.path
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try CrucibleCommand.run([
            "run", "--benchmark", "spider", "--dataset", "\(datasets)/spider", "--model",
            "replay:\(datasets)/spider-predictions/dail-sql-gpt4.txt", "--allow-unavailable", "--run-dir", folder,
            "--quiet",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let official = try JSONDecoder().decode(
            [Int?].self,
            from: Data(
                contentsOf: URL(fileURLWithPath: "\(datasets)/spider-predictions/dail-sql-gpt4.official-verdicts.json"))
        )
        let lines = try String(contentsOfFile: "\(folder)/results.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == official.count)
        var compared = 0
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let task = try #require(object["task_id"] as? Int)
            // The official file has no verdict (null) where the database is missing: unavailable here too.
            guard let passed = object["passed"] as? Bool else {
                #expect(official[task] == nil, "task \(task)")
                continue
            }
            compared += 1
            #expect(passed == (official[task] == 1), "task \(task)")
        }
        #expect(compared == 972)
    }

    static func git(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-C", CrucibleCommand.packageRoot] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

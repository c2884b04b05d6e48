import Foundation
import Testing

@Suite("crucible score, as a user runs it", .serialized)
struct ScoreCommandTests {
    let sample = "\(CrucibleCommand.packageRoot)/Datasets/sql-sample"

    func builtSample() throws -> String {
        try SQLSampleFolder.build()
    }

    @Test func scoringTheSampleWritesResultsSummaryAndReport() throws {
        let folder = try builtSample()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = try CrucibleCommand.run([
            "score", "--benchmark", "spider", "--dataset", folder, "--predictions", "\(folder)/predictions.txt",
            "--timeout", "1", "--rules", "all", "--out", "\(folder)/out", "--json",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        #expect(summary?["total"] as? Int == 48)
        #expect(summary?["passed"] as? Int == 29)
        #expect(summary?["rule"] as? String == "spider")
        let lines = try String(contentsOfFile: "\(folder)/out/results.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 48)
        let first = try JSONSerialization.jsonObject(with: Data(lines[40].utf8)) as? [String: Any]
        #expect(first?["task_id"] as? Int == 40)
        #expect(first?["status"] as? String == "timeout")
        #expect(first?["passed"] as? Bool == false)
        #expect((first?["rules"] as? [String: String])?.keys.sorted() == ["bird", "multiset", "ordered", "spider"])
        let report = try String(contentsOfFile: "\(folder)/out/report.md", encoding: .utf8)
        #expect(report.contains("| hardness | count | execution accuracy (%) |"))
        #expect(report.contains("## Gold checks"))
        #expect(report.contains("## Rules compared"))
    }

    @Test func aMismatchedPredictionCountFailsBeforeScoring() throws {
        let folder = try builtSample()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let short = "\(folder)/short.txt"
        try Data("SELECT 1\nSELECT 2\n".utf8).write(to: URL(fileURLWithPath: short))
        let output = try CrucibleCommand.run([
            "score", "--benchmark", "spider", "--dataset", folder, "--predictions", short, "--out", "\(folder)/out",
        ])
        #expect(output.status == 2)
        #expect(output.stderr.contains("short.txt: has 2 predictions but"))
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/out/results.jsonl"))
    }

    @Test func aMissingDatabaseNamesItAndTheWayOut() throws {
        let folder = try builtSample()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.removeItem(atPath: "\(folder)/database/air_routes")
        let args = [
            "score", "--benchmark", "spider", "--dataset", folder, "--predictions", "\(folder)/predictions.txt",
            "--timeout", "1", "--out", "\(folder)/out",
        ]
        let refused = try CrucibleCommand.run(args)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("air_routes"))
        #expect(refused.stderr.contains("--allow-unavailable"))
        let allowed = try CrucibleCommand.run(args + ["--allow-unavailable"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(allowed.stdout.contains("16 unavailable"))
    }

    /// The heap limit is process-wide in SQLite, so it is exercised in a process of its own.
    @Test func aQueryThatNeedsMoreThanTheHeapLimitIsAMemoryCapVerdict() throws {
        let folder = try builtSample()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dataset = try String(contentsOfFile: "\(folder)/dev.json", encoding: .utf8)
        let first = try #require(
            (try JSONSerialization.jsonObject(with: Data(dataset.utf8)) as? [[String: Any]])?.first)
        try JSONSerialization.data(withJSONObject: [first]).write(to: URL(fileURLWithPath: "\(folder)/dev.json"))
        try Data("SELECT length(randomblob(200000000))\n".utf8).write(to: URL(fileURLWithPath: "\(folder)/big.txt"))
        let output = try CrucibleCommand.run([
            "score", "--benchmark", "spider", "--dataset", folder, "--predictions", "\(folder)/big.txt",
            "--heap-limit", "32", "--out", "\(folder)/out",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        let line = try String(contentsOfFile: "\(folder)/out/results.jsonl", encoding: .utf8)
        #expect(line.contains(#""status": "memory-cap""#), "\(line)")
    }

    @Test func anUnwritableOutputFolderIsAClearError() throws {
        let folder = try builtSample()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: "\(folder)/taken"))
        let output = try CrucibleCommand.run([
            "score", "--benchmark", "spider", "--dataset", folder, "--predictions", "\(folder)/predictions.txt",
            "--timeout", "1", "--out", "\(folder)/taken",
        ])
        #expect(output.status == 3)
        #expect(output.stderr.contains("cannot write the results to \(folder)/taken"))
    }

    @Test func aMissingPredictionsFileIsNamed() throws {
        let output = try CrucibleCommand.run([
            "score", "--benchmark", "spider", "--dataset", sample, "--predictions", "/nonexistent/pred.txt",
        ])
        #expect(output.status == 2)
        #expect(output.stderr.contains("/nonexistent/pred.txt: file not found"))
    }

    @Test func anUnknownRuleIsAUsageError() throws {
        let output = try CrucibleCommand.run([
            "score", "--benchmark", "spider", "--dataset", sample, "--predictions", "x", "--rules", "spider,fuzzy",
        ])
        #expect(output.status == 64)
        #expect(output.stderr.contains("unknown rule `fuzzy`"))
    }
}

import Foundation
import Testing

/// A prediction file whose SQL holds TABs scores as the official evaluator scores it (first TAB field) and says so.
@Suite("crucible score with TABs inside the SQL", .serialized)
struct TabInSQLScoreTests {
    /// The sample's predictions with some lines replaced (by 0-based index), written to `name` in `folder`.
    static func predictions(_ folder: String, _ name: String, replacing: [Int: String]) throws -> String {
        var lines = try String(contentsOfFile: "\(folder)/predictions.txt", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in replacing { lines[index] = line }
        let path = "\(folder)/\(name)"
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func score(_ folder: String, _ predictions: String, out: String) throws -> CrucibleCommand.Output {
        try CrucibleCommand.run([
            "score", "--benchmark", "spider", "--dataset", folder, "--predictions", predictions, "--timeout", "1",
            "--out", "\(folder)/\(out)",
        ])
    }

    /// results.jsonl without the timings, which differ between runs.
    static func verdicts(_ directory: String) throws -> [[String: String]] {
        try String(contentsOfFile: "\(directory)/results.jsonl", encoding: .utf8).split(separator: "\n").map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return object.filter { !$0.key.hasSuffix("_seconds") }.mapValues { "\($0)" }
        }
    }

    @Test func tabbedLinesScoreTheirFirstFieldAndAreListedAsFindings() throws {
        let folder = try SQLSampleFolder.build()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Tasks 0 and 2 pass as written in the sample; read whole, these lines would still pass.
        let tabbed = try Self.predictions(
            folder, "tabbed.txt", replacing: [0: "SELECT count(*)\tFROM\tbook\tbookshop", 2: "SELECT genre\tFROM book"])
        let firstFields = try Self.predictions(
            folder, "first-fields.txt", replacing: [0: "SELECT count(*)", 2: "SELECT genre"])
        let scored = try Self.score(folder, tabbed, out: "tabbed")
        #expect(scored.status == 0, "\(scored.stderr)")
        #expect(scored.stdout.contains("2 input findings"))
        let official = try Self.score(folder, firstFields, out: "first-fields")
        #expect(official.status == 0, "\(official.stderr)")
        let verdicts = try Self.verdicts("\(folder)/tabbed")
        #expect(verdicts == (try Self.verdicts("\(folder)/first-fields")))
        #expect(verdicts[0]["status"] == "mismatch")
        #expect(verdicts[2]["status"] == "error")

        let summary = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/tabbed/summary.json")))
                as? [String: Any])
        let findings = try #require(summary["input_findings"] as? [[String: Any]])
        #expect(findings.count == 2)
        #expect(findings.first?["line"] as? Int == 1)
        #expect(findings.first?["task_id"] as? Int == 0)
        #expect(findings.first?["kind"] as? String == "tab-in-sql")
        #expect(findings.first?["scored_sql"] as? String == "SELECT count(*)")
        #expect(findings.first?["whole_line_sql"] as? String == "SELECT count(*)\tFROM\tbook")
        #expect(findings.first?["verdict"] as? String == "mismatch")
        #expect(findings.first?["whole_line_verdict"] as? String == "match")
        #expect(findings.last?["line"] as? Int == 3)
        #expect(findings.last?["whole_line_sql"] as? String == "SELECT genre\tFROM book")
        #expect(findings.last?["verdict"] as? String == "error")
        #expect(findings.last?["whole_line_verdict"] as? String == "match")

        let report = try String(contentsOfFile: "\(folder)/tabbed/report.md", encoding: .utf8)
        #expect(report.contains("## Input findings"))
        #expect(report.contains("| 1 | 0 | `SELECT count(*)` | mismatch | `SELECT count(*)\tFROM\tbook` | match |"))
        #expect(report.contains("| 3 | 2 | `SELECT genre` | error | `SELECT genre\tFROM book` | match |"))
        let untouched = try String(contentsOfFile: "\(folder)/first-fields/report.md", encoding: .utf8)
        #expect(!untouched.contains("Input findings"))
    }

    @Test func anotherDatabaseAfterTheOnlyTabIsStillRefused() throws {
        let folder = try SQLSampleFolder.build()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try Self.predictions(
            folder, "wrong-db.txt", replacing: [0: "SELECT count(*)\tFROM\tbook", 5: "SELECT 1\tschool_courses"])
        let output = try Self.score(folder, path, out: "out")
        #expect(output.status == 2)
        #expect(output.stderr.contains("wrong-db.txt:6: prediction for task 5 names db_id `school_courses`"))
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/out/results.jsonl"))
    }
}

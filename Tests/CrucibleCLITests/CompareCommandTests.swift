import CrucibleTestSupport
import Foundation
import Testing

/// `crucible compare` on real scored results: DAIL-SQL's published Spider dev predictions against themselves and
/// against the gold queries, both scored by `crucible score`.
@Suite("crucible compare on Spider dev", .serialized, SharedDatasets.required)
struct CompareCommandTests {
    static let spider = "\(SharedDatasets.path)/spider"

    static func score(_ predictions: String, into directory: String) throws {
        let score = try CrucibleCommand.run([
            "score", "--benchmark", "spider", "--dataset", spider, "--predictions", predictions,
            "--allow-unavailable", "--out", directory,
        ])
        #expect(score.status == 0, "\(score.stderr)")
    }

    /// DAIL-SQL's and the gold's score directories.
    static func scored(_ folder: String) throws -> (dail: String, gold: String) {
        try score("\(SharedDatasets.path)/spider-predictions/dail-sql-gpt4.txt", into: "\(folder)/dail")
        let gold = try String(contentsOfFile: "\(spider)/dev_gold.sql", encoding: .utf8).split(separator: "\n")
            .map { $0.split(separator: "\t", maxSplits: 1).first.map(String.init) ?? "" }
        try (gold.joined(separator: "\n") + "\n").write(
            toFile: "\(folder)/gold.txt", atomically: true, encoding: .utf8)
        try score("\(folder)/gold.txt", into: "\(folder)/gold")
        return ("\(folder)/dail", "\(folder)/gold")
    }

    static func json(_ output: CrucibleCommand.Output) throws -> [String: Any] {
        #expect(output.status == 0, "\(output.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    @Test func againstItselfNothingDiffersAndAgainstTheGoldExactlyItsFailuresFlip() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (dail, gold) = try Self.scored(folder)

        let same = try Self.json(try CrucibleCommand.run(["compare", dail, dail, "--json"]))
        #expect(same["paired_tasks"] as? Int == 972)
        let difference = try #require(same["difference"] as? [String: Double])
        #expect(difference == ["value": 0, "low": 0, "high": 0])
        #expect(same["mcnemar_p"] as? Double == 1)
        #expect((same["fail_to_pass"] as? [Any])?.isEmpty == true)
        #expect((same["pass_to_fail"] as? [Any])?.isEmpty == true)
        #expect((same["a"] as? [String: Any])?["passed"] as? Int == 809)

        let official = try #require(
            try JSONSerialization.jsonObject(
                with: Data(
                    contentsOf: URL(
                        fileURLWithPath:
                            "\(SharedDatasets.path)/spider-predictions/dail-sql-gpt4.official-verdicts.json")))
                as? [Any])
        let failures = official.enumerated().compactMap { ($0.element as? Int) == 0 ? $0.offset : nil }
        let versus = try Self.json(
            try CrucibleCommand.run(["compare", dail, gold, "--json", "--out", "\(folder)/cmp"]))
        #expect(versus["fail_to_pass"] as? [Int] == failures)
        #expect((versus["pass_to_fail"] as? [Any])?.isEmpty == true)
        let b = try #require(versus["b"] as? [String: Any])
        #expect(b["passed"] as? Int == 972)
        let interval = try #require(versus["difference"] as? [String: Double])
        #expect(abs((interval["value"] ?? 0) - Double(failures.count) / 972) < 1e-12)
        #expect((interval["low"] ?? 1) < (interval["value"] ?? 0) && (interval["value"] ?? 0) < (interval["high"] ?? 0))
        #expect((versus["mcnemar_p"] as? Double ?? 1) < 1e-40)
        let categories = try #require(versus["categories"] as? [String: [String: Any]])
        #expect(Set(categories.keys) == ["easy", "medium", "hard", "extra"])
        #expect(categories.values.map { $0["fail_to_pass"] as? Int ?? 0 }.reduce(0, +) == failures.count)
        let markdown = try String(contentsOfFile: "\(folder)/cmp/compare.md", encoding: .utf8)
        #expect(markdown.contains("fail→pass (\(failures.count))"), "\(markdown.prefix(600))")
        // Each flipped task links into the HTML view written beside the comparison.
        #expect(markdown.contains("[`6`](report.html#run=1&task=6)"))
        #expect(FileManager.default.fileExists(atPath: "\(folder)/cmp/report.html"))
    }

    @Test func severalVersionsAreHolmAdjustedAndOtherDataIsRefused() throws {
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (dail, gold) = try Self.scored(folder)
        let several = try Self.json(try CrucibleCommand.run(["compare", dail, gold, dail, "--json"]))
        let comparisons = try #require(several["comparisons"] as? [[String: Any]])
        #expect(comparisons.count == 2)
        let raw = comparisons.map { $0["mcnemar_p"] as? Double ?? -1 }
        let adjusted = comparisons.map { $0["mcnemar_p_holm"] as? Double ?? -1 }
        // Holm: the smaller p is doubled, the larger stays (at most 1).
        #expect(abs(adjusted[0] - min(1, 2 * raw[0])) <= 1e-12 * raw[0])
        #expect(adjusted[1] == 1)

        // A result whose recorded dataset hash differs.
        let other = "\(folder)/other"
        try FileManager.default.copyItem(atPath: dail, toPath: other)
        let summaryPath = "\(other)/summary.json"
        var summary = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: summaryPath)))
                as? [String: Any])
        summary["dataset_sha256"] = String(repeating: "0", count: 64)
        try JSONSerialization.data(withJSONObject: summary).write(to: URL(fileURLWithPath: summaryPath))
        let refused = try CrucibleCommand.run(["compare", dail, other])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("different data (dataset differ"), "\(refused.stderr)")
        let allowed = try CrucibleCommand.run(["compare", dail, other, "--allow-different-data"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(allowed.stdout.hasPrefix("> **Different data:**"), "\(allowed.stdout.prefix(300))")
    }
}

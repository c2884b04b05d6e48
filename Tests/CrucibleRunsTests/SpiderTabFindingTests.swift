import CrucibleBenchmarks
import CrucibleCore
import CrucibleRuns
import CrucibleTestSupport
import Foundation
import Testing

/// DAIL-SQL + GPT-4's published predictions with one line's spaces turned into TABs: the official evaluator scores
/// only that line's first field, and so must Crucible, while listing the line.
@Suite("TABs inside a real Spider prediction", SharedDatasets.required)
struct SpiderTabFindingTests {
    static func score(_ lines: [String], in folder: String) throws -> SQLScoreResult {
        let path = "\(folder)/pred-\(UUID().uuidString).txt"
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
        let dataset = try SpiderDatasetLoader.load(directory: SharedData.spider)
        let reading = try SQLPredictionsReader.readWithFindings(path, dataset: dataset)
        return try SQLScoreJob(
            dataset: dataset, predictions: reading.predictions,
            options: SQLScoreOptions(rules: [.spider], allowUnavailable: true), findings: reading.findings
        ).run()
    }

    @Test func aTabbedLineScoresItsFirstFieldAsTheOfficialEvaluatorDoes() throws {
        let folder = NSTemporaryDirectory() + "crucible-tabs-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lines = try String(
            contentsOfFile: "\(SharedData.spiderPredictions)/dail-sql-gpt4.txt", encoding: .utf8
        ).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let official = try SharedData.json(
            [Int?].self, "\(SharedData.spiderPredictions)/dail-sql-gpt4.official-verdicts.json")
        // Task 0 passes officially; its SQL ends in the table `singer`, which is also a db_id of Spider dev.
        #expect(lines[0] == "SELECT count(*) FROM singer")
        #expect(official[0] == 1)
        var tabbed = lines
        tabbed[0] = lines[0].replacingOccurrences(of: " ", with: "\t")
        var firstField = lines
        firstField[0] = "SELECT"

        let result = try Self.score(tabbed, in: folder)
        let reference = try Self.score(firstField, in: folder)
        #expect(result.scores.map(\.status) == reference.scores.map(\.status))
        #expect(result.scores.map(\.error) == reference.scores.map(\.error))
        let all = result.breakdown().all
        #expect(all.scored == 972)
        #expect(all.passed == 808)
        #expect(all.accuracy == reference.breakdown().all.accuracy)
        let verdicts = result.scores.map { $0.status.passed.map { $0 ? 1 : 0 } }
        #expect(verdicts.indices.filter { verdicts[$0] != official[$0] } == [0])

        #expect(result.inputFindings.count == 1)
        let finding = try #require(result.inputFindings.first)
        #expect(finding.finding.line == 1)
        #expect(finding.finding.taskID == 0)
        #expect(finding.finding.scoredSQL == "SELECT")
        #expect(finding.finding.wholeLineSQL == "SELECT\tcount(*)\tFROM\tsinger")
        #expect(finding.verdict == result.scores[0].status)
        #expect(finding.verdict.passed == false)
        #expect(finding.wholeLineVerdict == .match)
    }
}

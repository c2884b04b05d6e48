import CrucibleBenchmarks
import CrucibleCore
import CrucibleRuns
import CrucibleSQL
import Foundation
import Testing

/// The bundled sample, built from its scripts into a temporary copy: every verdict as its README expects.
@Suite("The bundled SQL sample scores as expected")
struct SQLSampleTests {
    struct Expectation: Decodable {
        var task_id: Int
        var status: String
    }

    static func builtSample() throws -> String {
        let folder = NSTemporaryDirectory() + "crucible-sample-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for file in ["dev.json", "tables.json", "predictions.txt"] {
            try FileManager.default.copyItem(atPath: "\(SharedData.sqlSample)/\(file)", toPath: "\(folder)/\(file)")
        }
        try SQLiteScriptRunner.buildAll(scriptsFolder: "\(SharedData.sqlSample)/sql", into: "\(folder)/database")
        return folder
    }

    @Test func verdictsHardnessAndGoldChecks() throws {
        let folder = try Self.builtSample()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dataset = try SpiderDatasetLoader.load(directory: folder)
        let predictions = try SQLPredictionsReader.read("\(folder)/predictions.txt", dataset: dataset)
        let options = SQLScoreOptions(rules: [.spider], limits: SQLExecutionLimits(timeout: 1))
        let result = try SQLScoreJob(dataset: dataset, predictions: predictions, options: options).run()

        let expected = try String(contentsOfFile: "\(SharedData.sqlSample)/expected.jsonl", encoding: .utf8)
            .split(separator: "\n").map { try JSONDecoder().decode(Expectation.self, from: Data($0.utf8)) }
        #expect(expected.count == result.scores.count)
        for item in expected {
            #expect(result.scores[item.task_id].status.rawValue == item.status, "task \(item.task_id)")
        }
        let intent = try SharedData.json([String: String].self, "\(SharedData.sqlSample)/hardness-intent.json")
        for score in result.scores {
            #expect(score.category == intent[String(score.taskID)], "task \(score.taskID)")
        }
        let levels = Set(result.scores.compactMap(\.category))
        #expect(levels == ["easy", "medium", "hard", "extra"])
        #expect(result.goldChecks.nondeterministic.map(\.taskID) == [3])
        #expect(result.goldChecks.failures.isEmpty)
    }
}

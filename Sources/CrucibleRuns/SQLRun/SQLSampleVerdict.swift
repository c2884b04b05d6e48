import CrucibleBenchmarks
import CrucibleCore
import Foundation

/// One text-to-SQL sample's verdict as the run store keeps it (the `detail` of its execution row): enough to
/// rebuild the `results.jsonl` line `crucible score` writes.
struct SQLSampleVerdict: Codable, Equatable {
    struct RuleVerdict: Codable, Equatable {
        var rule: String
        var status: ScoreStatus
    }

    var rules: [RuleVerdict]
    var error: String?
    var goldRows: Int?
    var predictedRows: Int?
    var goldSeconds: Double
    var predictedSeconds: Double

    init(_ score: SQLTaskScore) {
        rules = score.statuses.map { RuleVerdict(rule: $0.rule, status: $0.status) }
        error = score.error
        goldRows = score.goldRows
        predictedRows = score.predictedRows
        goldSeconds = score.goldSeconds
        predictedSeconds = score.predictedSeconds
    }

    func score(for task: SQLTask) -> SQLTaskScore {
        SQLTaskScore(
            taskID: task.id, databaseID: task.databaseID, category: task.category,
            statuses: rules.map { .init(rule: $0.rule, status: $0.status) }, error: error, goldRows: goldRows,
            predictedRows: predictedRows, goldSeconds: goldSeconds, predictedSeconds: predictedSeconds)
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func decode(_ json: String) -> SQLSampleVerdict? {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try? decoder.decode(SQLSampleVerdict.self, from: Data(json.utf8))
    }
}

import Foundation

/// Reads predictions and lines them up with a dataset's tasks, refusing anything ambiguous: a wrong count, an
/// unknown or repeated task id, a db_id that is not the task's, a blank line inside a Spider file. What is not
/// ambiguous but reads differently from how it looks (TABs inside a Spider line's SQL) is scored as the official
/// evaluator scores it and returned as a finding.
public enum SQLPredictionsReader {
    /// The predictions, one per task in task order, and the lines the official evaluator reads differently.
    public struct Reading: Sendable {
        public var predictions: [String]
        public var findings: [SQLInputFinding]
    }

    /// One predicted SQL per task, in task order.
    public static func read(
        _ path: String, format: SQLPredictionFormat? = nil, csvColumn: String = "sql", dataset: SQLDataset
    ) throws(DatasetError) -> [String] {
        try readWithFindings(path, format: format, csvColumn: csvColumn, dataset: dataset).predictions
    }

    /// One predicted SQL per task, in task order, with the findings a report should list.
    public static func readWithFindings(
        _ path: String, format: SQLPredictionFormat? = nil, csvColumn: String = "sql", dataset: SQLDataset
    ) throws(DatasetError) -> Reading {
        switch format ?? .guess(path: path) {
        case .lines: return try readLines(path, dataset: dataset)
        case .bird: return Reading(predictions: try readBIRD(path, dataset: dataset), findings: [])
        case .jsonl: return Reading(predictions: try readJSONL(path, dataset: dataset), findings: [])
        case .csv:
            return Reading(
                predictions: try CSVPredictions.read(path, column: csvColumn, dataset: dataset), findings: [])
        }
    }

    static func readLines(_ path: String, dataset: SQLDataset) throws(DatasetError) -> Reading {
        var lines = try TextLines.read(path)
        while let last = lines.last, TextLines.strip(last).isEmpty { lines.removeLast() }
        let knownDatabaseIDs = Set(dataset.tasks.map(\.databaseID))
        var predictions: [String] = []
        var findings: [SQLInputFinding] = []
        for (offset, raw) in lines.enumerated() {
            let line = TextLines.strip(raw)
            guard !line.isEmpty else {
                throw DatasetError(
                    .malformed, file: path, line: offset + 1,
                    "blank line: Spider's evaluator reads a blank line as a session break, so every prediction, "
                        + "even an empty one, must be on a line of its own with some text (write e.g. `SELECT 1`)")
            }
            let read = try SpiderPredictionLine(
                line, number: offset + 1, task: dataset.tasks.indices.contains(offset) ? dataset.tasks[offset] : nil,
                knownDatabaseIDs: knownDatabaseIDs, path: path, questionsFile: dataset.questionsFile)
            predictions.append(read.sql)
            if let finding = read.finding { findings.append(finding) }
        }
        try checkCount(predictions.count, path: path, dataset: dataset)
        return Reading(predictions: predictions, findings: findings)
    }

    static func readBIRD(_ path: String, dataset: SQLDataset) throws(DatasetError) -> [String] {
        let object = try JSONFile.decode([String: String].self, at: path)
        var predictions = [String?](repeating: nil, count: dataset.tasks.count)
        for (key, value) in object {
            guard let index = Int(key), predictions.indices.contains(index) else {
                throw DatasetError(
                    .mismatch, file: path,
                    "key \"\(key)\" is not a task index of \(dataset.questionsFile) (0..<\(dataset.tasks.count))")
            }
            let parts = value.components(separatedBy: "\t----- bird -----\t")
            if parts.count == 2 {
                try check(databaseID: TextLines.strip(parts[1]), task: index, path: path, line: nil, dataset)
            }
            predictions[index] = parts[0]
        }
        return try complete(predictions, path: path, dataset: dataset)
    }

    static func readJSONL(_ path: String, dataset: SQLDataset) throws(DatasetError) -> [String] {
        struct Line: Decodable {
            var task_id: WrittenTaskID
            var sql: String
            var db_id: String?
        }
        var predictions = [String?](repeating: nil, count: dataset.tasks.count)
        for (offset, raw) in try TextLines.read(path).enumerated() where !TextLines.strip(raw).isEmpty {
            let line = try JSONFile.decode(Line.self, from: Data(raw.utf8), file: path, line: offset + 1)
            guard let index = line.task_id.index, predictions.indices.contains(index) else {
                throw DatasetError(
                    .mismatch, file: path, line: offset + 1,
                    "task_id \(line.task_id.text) is not a task of \(dataset.questionsFile) (0..<\(dataset.tasks.count))"
                )
            }
            guard predictions[index] == nil else {
                throw DatasetError(.mismatch, file: path, line: offset + 1, "task_id \(index) appears twice")
            }
            if let databaseID = line.db_id {
                try check(databaseID: databaseID, task: index, path: path, line: offset + 1, dataset)
            }
            predictions[index] = line.sql
        }
        return try complete(predictions, path: path, dataset: dataset)
    }

    static func check(databaseID: String, task: Int, path: String, line: Int?, _ dataset: SQLDataset)
        throws(DatasetError)
    {
        let expected = dataset.tasks[task].databaseID
        guard databaseID == expected else {
            throw DatasetError(
                .mismatch, file: path, line: line,
                "prediction for task \(task) names db_id `\(databaseID)`, but \(dataset.questionsFile) has `\(expected)`"
            )
        }
    }

    static func checkCount(_ count: Int, path: String, dataset: SQLDataset) throws(DatasetError) {
        guard count == dataset.tasks.count else {
            throw DatasetError(
                .mismatch, file: path,
                "has \(count) predictions but \(dataset.questionsFile) has \(dataset.tasks.count) tasks")
        }
    }

    static func complete(_ predictions: [String?], path: String, dataset: SQLDataset) throws(DatasetError) -> [String] {
        let missing = predictions.indices.filter { predictions[$0] == nil }
        guard missing.isEmpty else {
            let shown = missing.prefix(10).map(String.init).joined(separator: ", ")
            throw DatasetError(
                .mismatch, file: path,
                "has no prediction for \(missing.count) of \(dataset.tasks.count) tasks (task ids \(shown)"
                    + (missing.count > 10 ? ", ..." : "") + ")")
        }
        return predictions.map { $0 ?? "" }
    }
}

/// A task id as an answers file writes it: a number or a string.
struct WrittenTaskID: Decodable {
    var text: String
    var index: Int?

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            text = String(number)
            index = number
        } else {
            text = try container.decode(String.self)
            index = Int(text)
        }
    }
}

import Benchmark
import BenchmarkSupport
import CrucibleSQL
import Foundation

/// The Spider dev tasks whose database exists, with their DAIL-SQL prediction.
struct SpiderTasks {
    struct Task {
        let index: Int
        let databaseID: String
        let databasePath: String
        let gold: String
        let prediction: String
    }

    private struct DevEntry: Decodable {
        let databaseID: String
        let query: String

        enum CodingKeys: String, CodingKey {
            case databaseID = "db_id"
            case query
        }
    }

    let tasks: [Task]
    let totalCount: Int

    init(paths: SuitePaths) throws {
        let dev = try JSONDecoder().decode(
            [DevEntry].self, from: Data(contentsOf: paths.datasetDirectory.appendingPathComponent("dev.json")))
        let predictions = try Self.lines(of: paths.predictionsFile)
        guard predictions.count >= dev.count else {
            throw BenchmarkFailure(
                "\(paths.predictionsFile.path): \(predictions.count) lines for \(dev.count) dev.json questions")
        }
        let databases = paths.datasetDirectory.appendingPathComponent("database")
        var tasks: [Task] = []
        for (index, entry) in dev.enumerated() {
            let database = databases.appendingPathComponent("\(entry.databaseID)/\(entry.databaseID).sqlite").path
            guard FileManager.default.fileExists(atPath: database) else { continue }
            tasks.append(
                Task(
                    index: index, databaseID: entry.databaseID, databasePath: database, gold: entry.query,
                    prediction: predictions[index]))
        }
        self.tasks = tasks
        totalCount = dev.count
    }

    /// The lines of a text file, without line terminators and without the empty piece after a final newline.
    static func lines(of file: URL) throws -> [String] {
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
    }
}

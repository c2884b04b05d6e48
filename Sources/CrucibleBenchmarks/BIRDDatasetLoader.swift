import Foundation

/// Loads a BIRD-layout split: `dev.json` (with `evidence`, and `difficulty` when present) and
/// `dev_databases/<db_id>/<db_id>.sqlite`.
public enum BIRDDatasetLoader {
    private struct Entry: Decodable {
        var db_id: String
        var question: String
        var evidence: String?
        var SQL: String
        var difficulty: String?
    }

    public static func load(directory: String, questions: String = "dev.json") throws(DatasetError) -> SQLDataset {
        let questionsFile = (directory as NSString).appendingPathComponent(questions)
        let entries = try JSONFile.decode([Entry].self, at: questionsFile)
        let databaseRoot = (directory as NSString).appendingPathComponent("dev_databases")
        var tasks: [SQLTask] = []
        tasks.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            let file = ((databaseRoot as NSString).appendingPathComponent(entry.db_id) as NSString)
                .appendingPathComponent("\(entry.db_id).sqlite")
            tasks.append(
                SQLTask(
                    index: index, databaseID: entry.db_id, question: entry.question, evidence: entry.evidence,
                    gold: entry.SQL, category: entry.difficulty,
                    databasePaths: FileManager.default.fileExists(atPath: file) ? [file] : []))
        }
        return SQLDataset(kind: .bird, directory: directory, questionsFile: questionsFile, tasks: tasks)
    }
}

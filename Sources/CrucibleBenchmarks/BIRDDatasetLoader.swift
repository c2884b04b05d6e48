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
        let keys: Set<String> = ["db_id", "question", "evidence", "SQL", "difficulty"]
        let entries = try JSONFile.decodeRecords(Entry.self, at: questionsFile, keys: keys) { record in
            guard case .some(.some(let db)) = record["db_id"], case .some(.some(let question)) = record["question"],
                case .some(.some(let sql)) = record["SQL"]
            else { return nil }
            return Entry(
                db_id: db, question: question, evidence: record["evidence"] ?? nil, SQL: sql,
                difficulty: record["difficulty"] ?? nil)
        }
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

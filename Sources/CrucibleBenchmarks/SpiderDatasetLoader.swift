import CrucibleSQL
import Foundation

/// Loads a Spider-layout split: `dev.json`, `tables.json`, `database/<db_id>/<db_id>.sqlite`.
public enum SpiderDatasetLoader {
    private struct Entry: Decodable, Sendable {
        var db_id: String
        var question: String
        var query: String
    }

    /// Loads `directory/<questions>` (default `dev.json`), computing each task's hardness from its gold SQL with the
    /// official counting rules over the schema in `tables.json`.
    public static func load(directory: String, questions: String = "dev.json") throws(DatasetError) -> SQLDataset {
        let questionsFile = (directory as NSString).appendingPathComponent(questions)
        let entries = try JSONFile.decodeRecords(Entry.self, at: questionsFile, keys: ["db_id", "question", "query"]) {
            record in
            guard case .some(.some(let db)) = record["db_id"], case .some(.some(let question)) = record["question"],
                case .some(.some(let query)) = record["query"]
            else { return nil }
            return Entry(db_id: db, question: question, query: query)
        }
        let schemas = try SpiderTablesFile.load((directory as NSString).appendingPathComponent("tables.json"))
        let databaseRoot = (directory as NSString).appendingPathComponent("database")
        var filesByDatabase: [String: [String]] = [:]
        for entry in entries where filesByDatabase[entry.db_id] == nil {
            filesByDatabase[entry.db_id] = DatabaseDirectory.files(root: databaseRoot, databaseID: entry.db_id)
        }
        let hardness = ParallelMap.map(entries) { entry in
            schemas[entry.db_id].flatMap { schema in try? SpiderHardness.classify(entry.query, schema: schema).rawValue
            }
        }
        var tasks: [SQLTask] = []
        tasks.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            tasks.append(
                SQLTask(
                    index: index, databaseID: entry.db_id, question: entry.question, gold: entry.query,
                    category: hardness[index], databasePaths: filesByDatabase[entry.db_id] ?? []))
        }
        return SQLDataset(kind: .spider, directory: directory, questionsFile: questionsFile, tasks: tasks)
    }
}

import CrucibleSQL
import Foundation

/// A tiny Spider-layout dataset in a temporary folder, with a real database, for loader tests.
final class Fixture {
    let folder: String

    init(withDatabase: Bool = true) throws {
        folder = NSTemporaryDirectory() + "crucible-loader-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try write(
            "dev.json",
            """
            [
              {"db_id": "zoo", "question": "How many animals?", "query": "SELECT count(*) FROM animal"},
              {"db_id": "zoo", "question": "Names?", "query": "SELECT name FROM animal"},
              {"db_id": "zoo", "question": "Oldest?", "query": "SELECT name FROM animal ORDER BY age DESC LIMIT 1"}
            ]
            """)
        try write(
            "tables.json",
            """
            [{"db_id": "zoo", "table_names_original": ["animal"], "table_names": ["animal"],
              "column_names_original": [[-1, "*"], [0, "name"], [0, "age"]],
              "column_names": [[-1, "*"], [0, "name"], [0, "age"]], "column_types": ["text", "text", "number"],
              "primary_keys": [], "foreign_keys": []}]
            """)
        if withDatabase {
            try SQLiteScriptRunner.build(
                script:
                    "CREATE TABLE animal(name TEXT, age INTEGER); INSERT INTO animal VALUES ('Leo', 4), ('Max', 9);",
                at: "\(folder)/database/zoo/zoo.sqlite")
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let path = "\(folder)/\(name)"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}

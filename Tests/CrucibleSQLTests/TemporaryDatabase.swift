import CrucibleSQL
import Foundation

/// A database file built from a script in a fresh temporary folder, removed when the value is released.
final class TemporaryDatabase {
    let folder: String
    let path: String

    init(_ script: String, name: String = "test") throws {
        folder = NSTemporaryDirectory() + "crucible-sql-\(UUID().uuidString)"
        path = "\(folder)/\(name).sqlite"
        try SQLiteScriptRunner.build(script: script, at: path)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func connection() throws -> SQLiteConnection {
        try SQLiteConnection(readOnlyPath: path)
    }

    func table(_ sql: String) throws -> SQLResultTable {
        let outcome = try connection().execute(sql, timeout: 10, rowCap: 1_000_000)
        guard let table = outcome.table else { throw Failure(message: "\(sql): \(outcome)") }
        return table
    }

    struct Failure: Error {
        var message: String
    }
}

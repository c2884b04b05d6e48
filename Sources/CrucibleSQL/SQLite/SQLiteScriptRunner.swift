import Foundation

/// Builds a database file from an SQL script (schema and rows). This is the one place Crucible opens a database
/// for writing: for the sample benchmark's and the tests' databases, never for a benchmark being scored.
public enum SQLiteScriptRunner {
    /// Creates (or replaces) the database at `path` by running `script` in one transaction.
    public static func build(script: String, at path: String) throws(SQLiteError) {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        } catch {
            throw SQLiteError(code: .cannotOpen, message: "cannot prepare the folder: \(error)", path: path)
        }
        let connection = try SQLiteConnection(
            path: path, configuration: .init(access: .readWriteCreate, confined: false))
        do {
            try connection.executeScript("BEGIN;\n\(script)\n;COMMIT;")
        } catch {
            // The script is the file's whole content: its name (the path) says more than its text would.
            var shorter = error
            shorter.sql = nil
            throw shorter
        }
    }

    /// Builds every `<db_id>.sql` in `scripts` into `databases/<db_id>/<db_id>.sqlite`; returns the db_ids.
    @discardableResult
    public static func buildAll(scriptsFolder scripts: String, into databases: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: scripts).filter { $0.hasSuffix(".sql") }
            .sorted()
        for name in names {
            let databaseID = String(name.dropLast(4))
            let script = try String(contentsOfFile: (scripts as NSString).appendingPathComponent(name), encoding: .utf8)
            try build(script: script, at: "\(databases)/\(databaseID)/\(databaseID).sqlite")
        }
        return names.map { String($0.dropLast(4)) }
    }
}

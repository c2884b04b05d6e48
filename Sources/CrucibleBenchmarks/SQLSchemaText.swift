import CrucibleSQL
import Foundation

/// A database's schema as a prompt shows it: each table's `CREATE TABLE` statement as the database stores it (so
/// with its keys and foreign keys), followed by a few of its rows as an SQL comment.
public enum SQLSchemaText {
    public static func describe(databasePath: String, exampleRows: Int) throws(DatasetError) -> String {
        let connection: SQLiteConnection
        do {
            connection = try SQLiteConnection(readOnlyPath: databasePath)
        } catch {
            throw DatasetError(.missingDatabase, file: databasePath, "cannot open the database: \(error)")
        }
        let tables = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
            timeout: 10, rowCap: 10_000)
        guard case .rows(let table) = tables else {
            throw DatasetError(.malformed, file: databasePath, "cannot read the schema: \(tables)")
        }
        var parts: [String] = []
        for row in table.rows {
            guard case .text(let name) = row[0], case .text(let create) = row[1] else { continue }
            var part = create.trimmingCharacters(in: .whitespacesAndNewlines)
            if !part.hasSuffix(";") { part += ";" }
            if exampleRows > 0 {
                let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                let sample = connection.execute(
                    "SELECT * FROM \(quoted) LIMIT \(exampleRows)", timeout: 10, rowCap: exampleRows)
                if case .rows(let rows) = sample, !rows.rows.isEmpty {
                    let lines = rows.rows.map { values in values.map(Self.show).joined(separator: " | ") }
                    part +=
                        "\n/* \(rows.rows.count) example rows from \(name):\n" + lines.joined(separator: "\n") + "\n*/"
                }
            }
            parts.append(part)
        }
        return parts.joined(separator: "\n\n")
    }

    private static func show(_ value: SQLValue) -> String {
        switch value {
        case .null: return "NULL"
        case .integer(let number): return String(number)
        case .real(let number): return String(number)
        case .text(let text): return text.count > 60 ? String(text.prefix(57)) + "..." : text
        case .blob(let bytes): return "<\(bytes.count) bytes>"
        }
    }
}

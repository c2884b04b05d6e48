import CrucibleBenchmarks
import CrucibleCore
import CrucibleSQL

/// A query's result as feedback shows it: its column names, how many rows, and the first rows, each cell and the
/// whole block truncated head-and-tail. Run afresh on the task's database (read-only, under the run's deadline):
/// results are not stored, and the same query on an immutable database gives the same rows. One preview keeps each
/// database it opened open, so previews of many candidates do not reopen it every time; use it from one thread.
final class SQLResultPreview {
    var rows = 5
    var cellCharacters = 60
    var blockCharacters = 300
    private var connections: [String: SQLiteConnection] = [:]

    /// The result of `sql` on the task's (first) database; an error when it does not run.
    func render(_ sql: String, task: SQLTask, timeout: Double) -> String {
        guard let path = task.databasePaths.first else { return "(no database)" }
        let connection: SQLiteConnection
        if let open = connections[path] {
            connection = open
        } else {
            do {
                connection = try SQLiteConnection(path: path, configuration: .benchmarkDatabase)
            } catch {
                return "(the database could not be opened: \(error.message))"
            }
            connections[path] = connection
        }
        let (outcome, columns) = connection.executeShowingColumns(sql, timeout: timeout, rowCap: 100_000)
        guard let table = outcome.table else {
            return "SQLite: " + (outcome.message ?? outcome.statusName)
        }
        var lines = ["columns: " + columns.map { cell($0) }.joined(separator: " | ")]
        lines.append("\(table.rows.count) row\(table.rows.count == 1 ? "" : "s")")
        for row in table.rows.prefix(rows) {
            lines.append(row.map { cell($0.description) }.joined(separator: " | "))
        }
        if table.rows.count > rows { lines.append("… (\(table.rows.count - rows) more rows)") }
        return Truncation.headAndTail(lines.joined(separator: "\n"), limit: blockCharacters)
    }

    private func cell(_ text: String) -> String {
        Truncation.headAndTail(text, limit: cellCharacters)
    }
}

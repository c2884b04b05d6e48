import CrucibleSQL
import Foundation
import Testing

/// The one SQLite wrapper, configured for the harness's own files and for benchmark databases.
@Suite("SQLite connections: configuration and errors")
struct SQLiteConnectionConfigurationTests {
    static func temporaryPath() -> String {
        NSTemporaryDirectory() + "crucible-connection-\(UUID().uuidString).sqlite"
    }

    @Test func aHarnessFileIsWrittenAndReadWithBindings() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let connection = try SQLiteConnection(path: path, configuration: .harnessFile)
        try connection.executeScript("CREATE TABLE t (name TEXT, n INTEGER, x REAL)")
        try connection.transaction { () throws(SQLiteError) in
            try connection.query("INSERT INTO t VALUES (?, ?, ?)", [.text("a"), .integer(2), .real(0.5)])
        }
        let rows = try connection.query("SELECT name, n, x FROM t WHERE n = ?", [.integer(2)])
        #expect(rows.count == 1)
        #expect(rows.first?[0].text == "a")
        #expect(rows.first?[1].integer == 2)
        #expect(rows.first?[2].real == 0.5)
    }

    @Test func anErrorCarriesSQLitesResultCodeAndTheStatement() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let connection = try SQLiteConnection(path: path, configuration: .harnessFile)
        let error = #expect(throws: SQLiteError.self) {
            try connection.query("SELECT * FROM missing_table WHERE id = ?", [.integer(1)])
        }
        #expect(error?.resultCode == 1)
        #expect(error?.sql == "SELECT * FROM missing_table WHERE id = ?")
        #expect(error?.description.contains("no such table: missing_table") == true)
        #expect(error?.path == path)
    }

    @Test func aBenchmarkDatabaseConnectionCannotWriteTheFile() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try SQLiteConnection(path: path, configuration: .harnessFile).executeScript(
            "CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1)")
        let confined = try SQLiteConnection(path: path, configuration: .benchmarkDatabase)
        guard case .denied = confined.execute("DELETE FROM t", timeout: 5, rowCap: 10) else {
            Issue.record("a write through a benchmark database connection was not denied")
            return
        }
        let rows = try SQLiteConnection(path: path, configuration: .harnessFile).query("SELECT count(*) FROM t")
        #expect(rows.first?.first?.integer == 1)
    }
}

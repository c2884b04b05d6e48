internal import CSQLite
import Foundation

/// The harness's own statements (the run store, the generation cache): scripts, parameterized queries and
/// transactions, with errors that carry SQLite's result code and the SQL.
extension SQLiteConnection {
    /// Runs one or more statements that return nothing.
    public func executeScript(_ sql: String) throws(SQLiteError) {
        try retryingWhenOutOfMemory { () throws(SQLiteError) in
            var error: UnsafeMutablePointer<CChar>?
            let rc = sqlite3_exec(handle, sql, nil, nil, &error)
            guard rc == SQLITE_OK else {
                let message = error.map { String(cString: $0) } ?? lastErrorMessage
                sqlite3_free(error)
                throw SQLiteError(code: .statement(resultCode: rc & 0xFF), message: message, path: path, sql: sql)
            }
        }
    }

    /// Runs one statement with `bindings` for its `?` parameters; returns the rows it produced.
    @discardableResult
    public func query(_ sql: String, _ bindings: [SQLValue] = []) throws(SQLiteError) -> [[SQLValue]] {
        try retryingWhenOutOfMemory { () throws(SQLiteError) in try queryOnce(sql, bindings) }
    }

    /// Runs `body` in one transaction: all of it is stored, or (on an error, or a kill) none of it.
    @discardableResult
    public func transaction<T>(_ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        try executeScript("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try executeScript("COMMIT")
            return result
        } catch {
            try? executeScript("ROLLBACK")
            throw error
        }
    }

    private func queryOnce(_ sql: String, _ bindings: [SQLValue]) throws(SQLiteError) -> [[SQLValue]] {
        var statement: OpaquePointer?
        let prepared = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard prepared == SQLITE_OK, let statement else { throw failure(prepared, sql) }
        defer { sqlite3_finalize(statement) }
        for (index, value) in bindings.enumerated() {
            let position = Int32(index + 1)
            switch value {
            case .null: sqlite3_bind_null(statement, position)
            case .integer(let number): sqlite3_bind_int64(statement, position, number)
            case .real(let number): sqlite3_bind_double(statement, position, number)
            case .text(let text): sqlite3_bind_text(statement, position, text, -1, Self.transient)
            case .blob(let bytes): sqlite3_bind_blob(statement, position, bytes, Int32(bytes.count), Self.transient)
            }
        }
        var rows: [[SQLValue]] = []
        while true {
            let rc = sqlite3_step(statement)
            if rc == SQLITE_DONE { return rows }
            guard rc == SQLITE_ROW else { throw failure(rc, sql) }
            rows.append((0..<sqlite3_column_count(statement)).map { column in Self.value(statement, column) })
        }
    }

    private func failure(_ rc: Int32, _ sql: String) -> SQLiteError {
        SQLiteError(code: .statement(resultCode: rc & 0xFF), message: lastErrorMessage, path: path, sql: sql)
    }

    /// SQLite's heap limit is process-wide: a query being judged at the same moment can use it up for a while. The
    /// harness's own writes wait for that memory instead of losing the run's progress.
    private func retryingWhenOutOfMemory<T>(_ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        let deadline = Date().addingTimeInterval(configuration.outOfMemoryRetrySeconds)
        var pause = 0.01
        while true {
            do {
                return try body()
            } catch {
                guard error.resultCode == SQLITE_NOMEM, Date() < deadline else { throw error }
                sqlite3_db_release_memory(handle)
                Thread.sleep(forTimeInterval: pause)
                pause = min(pause * 2, 1)
            }
        }
    }

    private static func value(_ statement: OpaquePointer, _ column: Int32) -> SQLValue {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
        case SQLITE_NULL: return .null
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, column))
            guard count > 0, let bytes = sqlite3_column_blob(statement, column) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count).bindMemory(to: UInt8.self)))
        default:
            guard let text = sqlite3_column_text(statement, column) else { return .text("") }
            return .text(String(cString: text))
        }
    }

    // SQLITE_TRANSIENT: SQLite copies the bound value before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

internal import CSQLite

/// A prepared statement, owning its `sqlite3_stmt` handle.
final class SQLiteStatement {
    private let handle: OpaquePointer
    // Keeps the connection open for as long as the statement lives.
    private let connection: SQLiteConnection

    init(handle: OpaquePointer, connection: SQLiteConnection) {
        self.handle = handle
        self.connection = connection
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// The result's column names as SQLite gives them (`AS` aliases, else the expression's text).
    var columnNames: [String] {
        (0..<sqlite3_column_count(handle)).map { column in
            sqlite3_column_name(handle, column).map { String(cString: $0) } ?? ""
        }
    }

    func run(rowCap: Int, timeout: Double, timedOut: () -> Bool) -> SQLOutcome {
        let columnCount = Int(sqlite3_column_count(handle))
        var rows: [[SQLValue]] = []
        var dropped = false
        while true {
            let rc = sqlite3_step(handle)
            if rc == SQLITE_ROW {
                if rows.count >= rowCap { return .rowCap(limit: rowCap) }
                rows.append(readRow(columnCount, dropped: &dropped))
                continue
            }
            if rc == SQLITE_DONE { break }
            switch rc {
            case SQLITE_INTERRUPT where timedOut(): return .timeout(seconds: timeout)
            case SQLITE_NOMEM: return .memoryCap
            case SQLITE_AUTH: return .denied("not authorized: \(connection.lastErrorMessage)")
            default: return .error(connection.lastErrorMessage)
            }
        }
        return .rows(SQLResultTable(columnCount: columnCount, rows: rows, droppedInvalidUTF8: dropped))
    }

    private func readRow(_ columnCount: Int, dropped: inout Bool) -> [SQLValue] {
        var row: [SQLValue] = []
        row.reserveCapacity(columnCount)
        for column in 0..<Int32(columnCount) {
            row.append(value(at: column, dropped: &dropped))
        }
        return row
    }

    private func value(at column: Int32, dropped: inout Bool) -> SQLValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(handle, column) else { return .text("") }
            let count = Int(sqlite3_column_bytes(handle, column))
            return .text(LenientUTF8.decode(UnsafeBufferPointer(start: text, count: count), dropped: &dropped))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, column))
            guard count > 0, let bytes = sqlite3_column_blob(handle, column) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count).bindMemory(to: UInt8.self)))
        default:
            return .null
        }
    }
}

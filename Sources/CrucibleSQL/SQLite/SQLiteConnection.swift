internal import CSQLite
import Foundation

/// A read-only connection to one SQLite database file, owning its `sqlite3` handle.
///
/// Not thread-safe: the executor keeps one connection per database and worker thread.
public final class SQLiteConnection {
    let handle: OpaquePointer
    /// The database file this connection reads.
    public let path: String
    private let deadline: DeadlineState
    let denials = SQLAuthorizer.Denials()

    /// Opens `path` read-only and immutable (no locks, no journal: the file cannot be changed through it), with the
    /// read-only authorizer installed and extension loading off.
    public init(readOnlyPath path: String) throws(SQLiteError) {
        self.path = path
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw SQLiteError(code: .cannotOpen, message: "database file not found or not readable", path: path)
        }
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(Self.immutableURI(for: path), &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            throw SQLiteError(code: .cannotOpen, message: message, path: path)
        }
        handle = db
        deadline = DeadlineState()
        sqlite3_extended_result_codes(db, 0)
        _ = crucible_sqlite3_db_config_int(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0)
        _ = crucible_sqlite3_db_config_int(db, SQLITE_DBCONFIG_DEFENSIVE, 1)
        _ = crucible_sqlite3_db_config_int(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0)
        sqlite3_set_authorizer(db, SQLAuthorizer.callback, Unmanaged.passUnretained(denials).toOpaque())
        sqlite3_progress_handler(
            db, DeadlineState.instructionsBetweenChecks, DeadlineState.callback,
            Unmanaged.passUnretained(deadline).toOpaque())
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs `sql` under the read-only policy with a deadline and a row cap.
    ///
    /// Like Python's `sqlite3` module, exactly one statement is run: text after it other than white space and
    /// comments is an error. A forbidden operation anywhere in the string is `denied`, before anything runs.
    public func execute(_ sql: String, timeout: Double, rowCap: Int) -> SQLOutcome {
        let prepared = StatementList(connection: self, sql: sql)
        if let failure = prepared.failure { return failure }
        guard let statement = prepared.first else {
            return .rows(SQLResultTable(columnCount: 0, rows: []))
        }
        deadline.arm(seconds: timeout)
        defer { deadline.disarm() }
        return statement.run(rowCap: rowCap, timeout: timeout, timedOut: { self.deadline.expired })
    }

    /// Sets a pragma on this connection, bypassing the user-query policy (used by the harness itself, e.g. to
    /// re-run a gold query with `reverse_unordered_selects`).
    func setHarnessPragma(_ pragma: String) {
        sqlite3_set_authorizer(handle, nil, nil)
        sqlite3_exec(handle, "PRAGMA \(pragma)", nil, nil, nil)
        sqlite3_set_authorizer(handle, SQLAuthorizer.callback, Unmanaged.passUnretained(denials).toOpaque())
    }

    var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }

    private static func immutableURI(for path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let escaped = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return "file:\(escaped)?immutable=1"
    }
}

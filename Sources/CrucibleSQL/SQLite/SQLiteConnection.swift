internal import CSQLite
import Foundation

/// A connection to one SQLite database file, owning its `sqlite3` handle: the one SQLite binding Crucible has. What
/// differs between a benchmark's database and the harness's own files (the run store, the generation cache) is
/// configuration (`SQLiteConnection.Configuration`), not another wrapper.
///
/// Not thread-safe: the executor keeps one connection per database and worker thread, and the run store serializes
/// its use with a lock.
public final class SQLiteConnection {
    /// How a connection is opened and what it allows.
    public struct Configuration: Sendable {
        public enum Access: Sendable {
            /// Read-only and immutable (no locks, no journal: the file cannot be changed through it).
            case readOnlyImmutable
            /// Read and write, creating the file if it does not exist.
            case readWriteCreate
        }

        public var access: Access
        /// For untrusted SQL: the read-only authorizer, defensive mode, untrusted schema, no extension loading,
        /// and a deadline checked by the progress handler.
        public var confined: Bool
        /// How long a write waits for another process's lock.
        public var busyTimeoutMilliseconds: Int32
        /// Statements of the harness that fail for lack of memory (the heap limit is process-wide in SQLite, so a
        /// query judged at the same moment can use it up) are retried until this many seconds have passed.
        public var outOfMemoryRetrySeconds: Double

        public init(
            access: Access, confined: Bool, busyTimeoutMilliseconds: Int32 = 0, outOfMemoryRetrySeconds: Double = 0
        ) {
            self.access = access
            self.confined = confined
            self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
            self.outOfMemoryRetrySeconds = outOfMemoryRetrySeconds
        }

        /// Benchmark databases, which only predicted and gold queries read.
        public static let benchmarkDatabase = Configuration(access: .readOnlyImmutable, confined: true)
        /// The harness's own files, shared by processes (shards on one machine).
        public static let harnessFile = Configuration(
            access: .readWriteCreate, confined: false, busyTimeoutMilliseconds: 10_000, outOfMemoryRetrySeconds: 30)
    }

    let handle: OpaquePointer
    /// The database file this connection reads.
    public let path: String
    public let configuration: Configuration
    private let deadline: DeadlineState
    let denials = SQLAuthorizer.Denials()

    /// Opens `path` read-only and immutable with the read-only authorizer installed and extension loading off.
    public convenience init(readOnlyPath path: String) throws(SQLiteError) {
        try self.init(path: path, configuration: .benchmarkDatabase)
    }

    public init(path: String, configuration: Configuration) throws(SQLiteError) {
        self.path = path
        self.configuration = configuration
        var db: OpaquePointer?
        let rc: Int32
        switch configuration.access {
        case .readOnlyImmutable:
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw SQLiteError(code: .cannotOpen, message: "database file not found or not readable", path: path)
            }
            let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX
            rc = sqlite3_open_v2(Self.immutableURI(for: path), &db, flags, nil)
        case .readWriteCreate:
            rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
        }
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            throw SQLiteError(code: .cannotOpen, message: message, path: path)
        }
        handle = db
        deadline = DeadlineState()
        sqlite3_extended_result_codes(db, 0)
        if configuration.busyTimeoutMilliseconds > 0 { sqlite3_busy_timeout(db, configuration.busyTimeoutMilliseconds) }
        guard configuration.confined else { return }
        _ = crucible_sqlite3_db_config_int(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0)
        _ = crucible_sqlite3_db_config_int(db, SQLITE_DBCONFIG_DEFENSIVE, 1)
        _ = crucible_sqlite3_db_config_int(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0)
        sqlite3_set_authorizer(db, SQLAuthorizer.callback, Unmanaged.passUnretained(denials).toOpaque())
        sqlite3_progress_handler(
            db, DeadlineState.instructionsBetweenChecks, DeadlineState.callback,
            Unmanaged.passUnretained(deadline).toOpaque())
    }

    /// The SQLite library's version.
    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs `sql` under the read-only policy with a deadline and a row cap (a confined connection).
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

    /// `execute`, with the result's column names (for showing a result to people or models; verdicts never need
    /// them).
    public func executeShowingColumns(_ sql: String, timeout: Double, rowCap: Int) -> (SQLOutcome, columns: [String]) {
        let prepared = StatementList(connection: self, sql: sql)
        if let failure = prepared.failure { return (failure, []) }
        guard let statement = prepared.first else {
            return (.rows(SQLResultTable(columnCount: 0, rows: [])), [])
        }
        deadline.arm(seconds: timeout)
        defer { deadline.disarm() }
        return (
            statement.run(rowCap: rowCap, timeout: timeout, timedOut: { self.deadline.expired }), statement.columnNames
        )
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

internal import CSQLite

/// An error from SQLite itself: opening a database, preparing or stepping a statement.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in the terms a user can act on.
    public enum Code: Sendable, Equatable {
        /// The database file could not be opened.
        case cannotOpen
        /// SQLite rejected or failed a statement; `resultCode` is SQLite's primary result code.
        case statement(resultCode: Int32)
    }

    public var code: Code
    /// SQLite's own message (`sqlite3_errmsg`).
    public var message: String
    /// The database file involved, when there is one.
    public var path: String?

    public init(code: Code, message: String, path: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
    }

    public var description: String {
        if let path { return "\(path): \(message)" }
        return message
    }
}

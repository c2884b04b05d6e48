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
    /// The statement that failed, when there is one.
    public var sql: String?

    public init(code: Code, message: String, path: String? = nil, sql: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.sql = sql
    }

    /// SQLite's primary result code, when a statement failed.
    public var resultCode: Int32? {
        if case .statement(let resultCode) = code { return resultCode }
        return nil
    }

    public var description: String {
        var text = message
        if let resultCode { text += " (SQLite result code \(resultCode))" }
        if let sql { text += " in: \(sql)" }
        if let path { return "\(path): \(text)" }
        return text
    }
}

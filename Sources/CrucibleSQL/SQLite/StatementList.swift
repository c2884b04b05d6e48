internal import CSQLite

/// The statements of one SQL string, prepared under the read-only policy.
///
/// Only the first statement is ever run, as Python's `sqlite3.Cursor.execute` does; the rest are prepared only so
/// that a forbidden operation hidden after a harmless one is reported as denied rather than as a plain error.
struct StatementList {
    private(set) var first: SQLiteStatement?
    private(set) var failure: SQLOutcome?

    init(connection: SQLiteConnection, sql: String) {
        var firstStatement: SQLiteStatement?
        var outcome: SQLOutcome?
        sql.withCString { start in
            var tail: UnsafePointer<CChar>?
            let prepared = Self.prepare(connection, start, tail: &tail)
            switch prepared {
            case .failed(let failure):
                outcome = failure
                return
            case .statement(let handle):
                firstStatement = handle.map { SQLiteStatement(handle: $0, connection: connection) }
            }
            guard let rest = tail, Self.holdsMoreSQL(rest) else { return }
            outcome =
                Self.deniedStatement(in: connection, from: rest)
                ?? .error("You can only execute one statement at a time.")
        }
        first = firstStatement
        failure = outcome
    }

    private enum Prepared {
        case statement(OpaquePointer?)
        case failed(SQLOutcome)
    }

    private static func prepare(
        _ connection: SQLiteConnection, _ sql: UnsafePointer<CChar>, tail: inout UnsafePointer<CChar>?
    ) -> Prepared {
        var handle: OpaquePointer?
        connection.denials.last = nil
        let rc = sqlite3_prepare_v2(connection.handle, sql, -1, &handle, &tail)
        guard rc == SQLITE_OK else {
            let message = connection.lastErrorMessage
            sqlite3_finalize(handle)
            if let denied = connection.denials.last { return .failed(.denied("not authorized: \(denied)")) }
            switch rc {
            case SQLITE_AUTH: return .failed(.denied("not authorized: \(message)"))
            case SQLITE_NOMEM: return .failed(.memoryCap)
            default: return .failed(.error(message))
            }
        }
        guard let handle else { return .statement(nil) }
        let kind = leadingKeyword(sql)
        if sqlite3_stmt_readonly(handle) == 0 || !SQLAuthorizer.readingStatements.contains(kind) {
            sqlite3_finalize(handle)
            return .failed(.denied("not authorized: \(kind.uppercased()) statements are not allowed"))
        }
        return .statement(handle)
    }

    /// The statement's first word, past white space, comments and opening parentheses, lower-cased.
    static func leadingKeyword(_ sql: UnsafePointer<CChar>) -> String {
        var pointer = skipIgnorable(sql)
        while pointer.pointee == CChar(UInt8(ascii: "(")) { pointer = skipIgnorable(pointer + 1) }
        var word: [UInt8] = []
        while isWordByte(UInt8(bitPattern: pointer.pointee)) {
            word.append(UInt8(bitPattern: pointer.pointee))
            pointer += 1
        }
        return String(decoding: word, as: UTF8.self).lowercased()
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_")
    }

    /// Python's rule for what may follow the one statement: white space and comments only.
    static func holdsMoreSQL(_ text: UnsafePointer<CChar>) -> Bool {
        skipIgnorable(text).pointee != 0
    }

    /// Skips white space, `--` line comments and `/* */` block comments (an unclosed one runs to the end).
    static func skipIgnorable(_ text: UnsafePointer<CChar>) -> UnsafePointer<CChar> {
        var pointer = text
        while true {
            switch UInt8(bitPattern: pointer.pointee) {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                pointer += 1
            case UInt8(ascii: "-") where UInt8(bitPattern: pointer[1]) == UInt8(ascii: "-"):
                while pointer.pointee != 0 && pointer.pointee != CChar(UInt8(ascii: "\n")) { pointer += 1 }
            case UInt8(ascii: "/") where UInt8(bitPattern: pointer[1]) == UInt8(ascii: "*"):
                pointer += 2
                while pointer.pointee != 0 {
                    if pointer.pointee == CChar(UInt8(ascii: "*")) && pointer[1] == CChar(UInt8(ascii: "/")) {
                        pointer += 2
                        break
                    }
                    pointer += 1
                }
            default:
                return pointer
            }
        }
    }

    private static func deniedStatement(in connection: SQLiteConnection, from start: UnsafePointer<CChar>)
        -> SQLOutcome?
    {
        var cursor: UnsafePointer<CChar>? = start
        while let current = cursor, current.pointee != 0 {
            var tail: UnsafePointer<CChar>?
            switch prepare(connection, current, tail: &tail) {
            case .failed(let failure):
                if case .denied = failure { return failure }
                return nil
            case .statement(let handle):
                sqlite3_finalize(handle)
            }
            guard let next = tail, next != current else { return nil }
            cursor = next
        }
        return nil
    }
}

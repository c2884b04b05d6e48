internal import CSQLite

/// The policy every user query is prepared under: reading is allowed, nothing that changes a database, the
/// connection or the process is.
///
/// The authorizer runs at prepare time, so a forbidden statement never starts. Read-only opens and the
/// `sqlite3_stmt_readonly` check are further layers; this one gives the clear "denied" verdict.
enum SQLAuthorizer {
    /// Pragmas that only report (their argument names a table or index); every other pragma is denied.
    static let readOnlyPragmas: Set<String> = [
        "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
        "foreign_key_list", "collation_list", "function_list", "pragma_list", "database_list",
    ]

    /// Statement kinds a user query may be; anything else (REINDEX, ANALYZE, VACUUM, BEGIN...) is denied even
    /// where SQLite's authorizer has no action code for it.
    static let readingStatements: Set<String> = ["select", "with", "values", "pragma", "explain"]

    /// Records what the authorizer refused, so a failed prepare can be told apart from a syntax error.
    final class Denials {
        var last: String?
    }

    static let callback:
        @convention(c) (
            UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?,
            UnsafePointer<CChar>?, UnsafePointer<CChar>?
        ) -> Int32 = { context, action, first, second, _, _ in
            let verdict = decide(action, first, second)
            if verdict != SQLITE_OK, let context {
                let denials = Unmanaged<Denials>.fromOpaque(context).takeUnretainedValue()
                denials.last = describe(action, first, second)
            }
            return verdict
        }

    static func decide(_ action: Int32, _ first: UnsafePointer<CChar>?, _ second: UnsafePointer<CChar>?) -> Int32 {
        switch action {
        case SQLITE_SELECT, SQLITE_READ, SQLITE_RECURSIVE:
            return SQLITE_OK
        case SQLITE_FUNCTION:
            let name = second.map { String(cString: $0).lowercased() } ?? ""
            return name == "load_extension" ? SQLITE_DENY : SQLITE_OK
        case SQLITE_PRAGMA:
            let name = first.map { String(cString: $0).lowercased() } ?? ""
            return SQLAuthorizer.readOnlyPragmas.contains(name) ? SQLITE_OK : SQLITE_DENY
        default:
            // Writes, schema changes, ATTACH/DETACH, transactions, savepoints, ANALYZE, REINDEX, virtual tables.
            return SQLITE_DENY
        }
    }

    static func describe(_ action: Int32, _ first: UnsafePointer<CChar>?, _ second: UnsafePointer<CChar>?) -> String {
        let detail = [first, second].compactMap { $0.map { String(cString: $0) } }.joined(separator: " ")
        let names: [Int32: String] = [
            SQLITE_INSERT: "INSERT", SQLITE_UPDATE: "UPDATE", SQLITE_DELETE: "DELETE", SQLITE_ATTACH: "ATTACH",
            SQLITE_DETACH: "DETACH", SQLITE_PRAGMA: "PRAGMA", SQLITE_FUNCTION: "function",
            SQLITE_TRANSACTION: "transaction", SQLITE_ALTER_TABLE: "ALTER TABLE", SQLITE_DROP_TABLE: "DROP TABLE",
            SQLITE_CREATE_TABLE: "CREATE TABLE", SQLITE_ANALYZE: "ANALYZE", SQLITE_REINDEX: "REINDEX",
        ]
        let name = names[action] ?? "operation \(action)"
        return detail.isEmpty ? name : "\(name) \(detail)"
    }
}

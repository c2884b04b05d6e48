import CrucibleSQL

/// The run store's and the generation cache's use of the one SQLite wrapper: the same calls, with SQLite's errors
/// (result code and SQL) reported as errors of the store's file.
extension SQLiteConnection {
    static func store(path: String) throws(RunStoreError) -> SQLiteConnection {
        do {
            return try SQLiteConnection(path: path, configuration: .harnessFile)
        } catch {
            throw RunStoreError(.cannotOpen, path: path, "cannot open the run store: \(error.message)")
        }
    }

    func storeExecute(_ sql: String) throws(RunStoreError) {
        do {
            try executeScript(sql)
        } catch {
            throw RunStoreError(sqlite: error, path: path)
        }
    }

    @discardableResult
    func storeQuery(_ sql: String, _ values: [SQLValue] = []) throws(RunStoreError) -> [[SQLValue]] {
        do {
            return try query(sql, values)
        } catch {
            throw RunStoreError(sqlite: error, path: path)
        }
    }

    /// Runs `body` in one transaction: all of it is stored, or (on an error, or a kill) none of it.
    func storeTransaction<T>(_ body: () throws(RunStoreError) -> T) throws(RunStoreError) -> T {
        try storeExecute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try storeExecute("COMMIT")
            return result
        } catch {
            try? storeExecute("ROLLBACK")
            throw error
        }
    }
}

extension RunStoreError {
    init(sqlite error: SQLiteError, path: String) {
        var message = error.message
        if let code = error.resultCode { message += " (SQLite result code \(code))" }
        if let sql = error.sql { message += " in: \(sql)" }
        self.init(.sqlite, path: path, message)
    }
}

extension SQLValue {
    init(_ value: String?) { self = value.map(SQLValue.text) ?? .null }
    init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }
    init(_ value: Double) { self = .real(value) }
}

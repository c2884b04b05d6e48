/// What happened when one SQL string was executed on one database.
public enum SQLOutcome: Sendable, Hashable {
    /// The query ran to completion.
    case rows(SQLResultTable)
    /// SQLite reported an error (syntax, unknown column, more than one statement...). Holds SQLite's message.
    case error(String)
    /// The query ran past its deadline and was interrupted.
    case timeout(seconds: Double)
    /// The query produced more rows than the row cap allows.
    case rowCap(limit: Int)
    /// SQLite ran out of the heap it is allowed.
    case memoryCap
    /// The query tried something the executor forbids (a write, ATTACH, a state-changing pragma, an extension).
    case denied(String)

    /// The table, when the query succeeded.
    public var table: SQLResultTable? {
        if case .rows(let table) = self { return table }
        return nil
    }

    /// A short machine-readable name, used as the `status` of results.
    public var statusName: String {
        switch self {
        case .rows: return "rows"
        case .error: return "error"
        case .timeout: return "timeout"
        case .rowCap: return "row-cap"
        case .memoryCap: return "memory-cap"
        case .denied: return "denied"
        }
    }

    /// A one-line explanation for reports, nil when the query succeeded.
    public var message: String? {
        switch self {
        case .rows: return nil
        case .error(let message): return message
        case .timeout(let seconds): return "interrupted after the \(seconds) s deadline"
        case .rowCap(let limit): return "returned more than \(limit) rows"
        case .memoryCap: return "ran out of the SQLite heap limit"
        case .denied(let message): return message
        }
    }
}

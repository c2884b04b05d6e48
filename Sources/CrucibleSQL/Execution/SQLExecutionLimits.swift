/// The bounds every query runs under.
public struct SQLExecutionLimits: Sendable, Hashable, Codable {
    /// Wall-clock seconds before a query is interrupted.
    public var timeout: Double
    /// Rows a query may return before it is stopped.
    public var rowCap: Int
    /// SQLite's hard heap limit in bytes (`sqlite3_hard_heap_limit64`); 0 leaves it unset. SQLite has no other kind:
    /// it binds every connection of the process, the run store's too, whose statements therefore wait and retry
    /// when a query being judged has used it up (`SQLiteConnection.Configuration.outOfMemoryRetrySeconds`).
    public var heapLimitBytes: Int64

    public init(timeout: Double = 30, rowCap: Int = 1_000_000, heapLimitBytes: Int64 = 4 << 30) {
        self.timeout = timeout
        self.rowCap = rowCap
        self.heapLimitBytes = heapLimitBytes
    }
}

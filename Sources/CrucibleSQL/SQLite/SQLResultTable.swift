/// The rows a query returned, in the order SQLite produced them.
public struct SQLResultTable: Sendable, Hashable {
    /// The statement's column count (known even when there are no rows).
    public var columnCount: Int
    public var rows: [[SQLValue]]

    public init(columnCount: Int, rows: [[SQLValue]]) {
        self.columnCount = columnCount
        self.rows = rows
    }
}

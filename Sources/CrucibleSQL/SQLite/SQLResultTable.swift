/// The rows a query returned, in the order SQLite produced them.
public struct SQLResultTable: Sendable, Hashable {
    /// The statement's column count (known even when there are no rows).
    public var columnCount: Int
    public var rows: [[SQLValue]]
    /// Whether some text value held bytes that are not UTF-8 (dropped when decoding, as Spider's evaluator does;
    /// BIRD's evaluator decodes strictly and fails instead).
    public var droppedInvalidUTF8: Bool

    public init(columnCount: Int, rows: [[SQLValue]], droppedInvalidUTF8: Bool = false) {
        self.columnCount = columnCount
        self.rows = rows
        self.droppedInvalidUTF8 = droppedInvalidUTF8
    }
}

/// The tables and columns of one Spider database, as the official parser sees them: names lowercased.
///
/// Build it from `tables.json` (`table_names_original` and `column_names_original`); the official evaluator reads the
/// same names from the SQLite file and lowercases them, so resolution is case-insensitive.
public struct SpiderSchema: Sendable, Equatable {
    /// Lowercased table name → its lowercased column names, in declaration order.
    public let tables: [String: [String]]
    private let columnSets: [String: Set<String>]

    /// Creates a schema; names are lowercased, and tables whose names differ only in case are merged.
    public init(tables: [String: [String]]) {
        var lowered: [String: [String]] = [:]
        for (table, columns) in tables {
            lowered[table.lowercased(), default: []].append(contentsOf: columns.map { $0.lowercased() })
        }
        self.tables = lowered
        self.columnSets = lowered.mapValues { Set($0) }
    }

    /// Whether `table` (lowercased) is a table of this schema.
    public func hasTable(_ table: String) -> Bool {
        tables[table] != nil
    }

    /// Whether `table` (lowercased) has a column named `column` (lowercased).
    public func hasColumn(_ column: String, inTable table: String) -> Bool {
        columnSets[table]?.contains(column) ?? false
    }
}

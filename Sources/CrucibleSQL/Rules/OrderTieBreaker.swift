/// Rewrites a query's top-level ORDER BY so that ties are broken explicitly by every result column, once
/// ascending and once descending.
///
/// If either rewrite changes the result (under the rule's comparison), the original result depended on how
/// SQLite happened to order tied rows: a tie at a LIMIT cut picks arbitrary rows, and tied rows in a compared
/// order have no single correct order. Positional keys (`ORDER BY ..., 1, 2`) work for compound queries too.
public struct OrderTieBreaker: Sendable {
    private let sql: String
    private let insertion: String.Index
    /// Whether the ORDER BY is followed by a LIMIT, so that ties can change which rows are returned and not only
    /// their order.
    public let cutsAtLimit: Bool

    /// Nil when the query has no top-level ORDER BY.
    public init?(_ sql: String) {
        guard let offset = Self.insertionPoint(sql) else { return nil }
        self.sql = sql
        insertion = sql.unicodeScalars.index(sql.unicodeScalars.startIndex, offsetBy: offset)
        cutsAtLimit = sql[insertion...].drop { $0.isWhitespace }.prefix(5).lowercased() == "limit"
    }

    /// The two tie-broken variants for a result of `columnCount` columns, nil for a result without columns.
    public func variants(columnCount: Int) -> (ascending: String, descending: String)? {
        guard columnCount > 0 else { return nil }
        func variant(_ direction: String) -> String {
            let keys = (1...columnCount).map { "\($0) \(direction)" }.joined(separator: ", ")
            return String(sql[..<insertion]) + ", " + keys + String(sql[insertion...])
        }
        return (variant("ASC"), variant("DESC"))
    }

    /// Whether an ORDER BY or a LIMIT appears inside parentheses (a subquery), where tie-breaking the top-level
    /// ORDER BY cannot reach.
    public static func hasNestedOrderOrLimit(_ sql: String) -> Bool {
        let scalars = Array(sql.unicodeScalars)
        var level = 0
        var previousWord: String?
        for token in SQLParseLexer.tokens(scalars) {
            switch token.kind {
            case .open: level += 1
            case .close: level -= 1
            case .word:
                let word = String(String.UnicodeScalarView(scalars[token.range])).lowercased()
                if level > 0 && (word == "limit" || (word == "by" && previousWord == "order")) { return true }
                previousWord = word
            case .whitespace, .singleComment: continue
            default: previousWord = nil
            }
        }
        return false
    }

    /// Where the extra keys go, in scalars: right after the last key of the top-level ORDER BY, before its LIMIT.
    static func insertionPoint(_ sql: String) -> Int? {
        guard ASCIISearch.contains(sql, "order") else { return nil }
        let scalars = Array(sql.unicodeScalars)
        let tokens = SQLParseLexer.tokens(scalars)
        var level = 0
        var previousWord: String?
        var orderByFound = false
        var lastKeyEnd: Int?
        for token in tokens {
            switch token.kind {
            case .open: level += 1
            case .close: level -= 1
            case .semicolon where level <= 0:
                return orderByFound ? lastKeyEnd : nil
            default: break
            }
            if token.kind == .whitespace || token.kind == .singleComment { continue }
            let word = token.kind == .word ? String(String.UnicodeScalarView(scalars[token.range])).lowercased() : nil
            if level == 0 && token.kind != .close {
                if word == "by" && previousWord == "order" {
                    orderByFound = true
                    lastKeyEnd = nil
                    previousWord = word
                    continue
                }
                if orderByFound && (word == "limit" || word == "union" || word == "intersect" || word == "except") {
                    return word == "limit" ? lastKeyEnd : nil
                }
            }
            if orderByFound { lastKeyEnd = token.range.upperBound }
            previousWord = level == 0 ? word : nil
        }
        return orderByFound ? lastKeyEnd : nil
    }
}

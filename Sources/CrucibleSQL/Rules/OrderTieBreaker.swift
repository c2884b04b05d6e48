/// Rewrites a query's top-level ORDER BY so that ties are broken explicitly by every result column, once
/// ascending and once descending.
///
/// If either rewrite changes the result (under the rule's comparison), the original result depended on how
/// SQLite happened to order tied rows: a tie at a LIMIT cut picks arbitrary rows, and tied rows in a compared
/// order have no single correct order. Positional keys (`ORDER BY ..., 1, 2`) work for compound queries too.
public enum OrderTieBreaker {
    /// The two tie-broken variants, or nil when the query has no top-level ORDER BY or `columnCount` is zero.
    public static func variants(of sql: String, columnCount: Int) -> (ascending: String, descending: String)? {
        guard columnCount > 0, let insertion = insertionPoint(sql) else { return nil }
        let scalars = Array(sql.unicodeScalars)
        func variant(_ direction: String) -> String {
            let keys = (1...columnCount).map { "\($0) \(direction)" }.joined(separator: ", ")
            var out = String.UnicodeScalarView(scalars[..<insertion])
            out.append(contentsOf: ", \(keys)".unicodeScalars)
            out.append(contentsOf: scalars[insertion...])
            return String(out)
        }
        return (variant("ASC"), variant("DESC"))
    }

    /// Whether the ORDER BY that `variants` extends is followed by a LIMIT, so that ties can change which rows
    /// are returned and not only their order.
    public static func hasTopLevelLimit(_ sql: String) -> Bool {
        guard let point = insertionPoint(sql) else { return false }
        let rest = String(String.UnicodeScalarView(Array(sql.unicodeScalars)[point...]))
        return rest.drop { $0.isWhitespace }.lowercased().hasPrefix("limit")
    }

    /// Where the extra keys go: right after the last key of the top-level ORDER BY, before its LIMIT if any.
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

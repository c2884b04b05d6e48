/// The textual rewrites Spider's official evaluator applies to queries before executing them.
public enum SpiderQueryRewriter {
    /// `evaluation.py` replaces every occurrence of `value` (case-sensitive, anywhere, even inside a longer
    /// identifier) in a prediction by `1`, because some models emit `value` as a placeholder.
    public static func replacePlaceholderValues(_ sql: String) -> String {
        replacing(Array("value".utf8), with: Array("1".utf8), in: sql)
    }

    /// Joins the spaced comparison operators `> =`, `< =` and `! =`, in that order, as the evaluator does.
    public static func joinSpacedOperators(_ sql: String) -> String {
        var text = sql
        for (spaced, joined) in [("> =", ">="), ("< =", "<="), ("! =", "!=")] {
            text = replacing(Array(spaced.utf8), with: Array(joined.utf8), in: text)
        }
        return text
    }

    /// Removes every DISTINCT keyword and keeps only the first statement, as the evaluator's sqlparse-based
    /// `remove_distinct` does (it rebuilds the query from the first parsed statement's tokens).
    public static func removeDistinct(_ sql: String) -> String {
        // Without a `distinct` or a `;` there is nothing to remove and nothing after a first statement.
        guard ASCIISearch.contains(sql, "distinct") || sql.utf8.contains(UInt8(ascii: ";")) else { return sql }
        return SQLParseLexer.firstStatementWithoutDistinct(sql)
    }

    /// Replaces `YEAR(CURDATE())` (any case and spacing, and the white space after it) by `2020`.
    public static func replaceCurrentYear(_ sql: String) -> String {
        guard ASCIISearch.contains(sql, "curdate") else { return sql }
        let scalars = Array(sql.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        var changed = false
        while index < scalars.count {
            if let end = matchCurrentYear(scalars, at: index) {
                out.append(contentsOf: "2020".unicodeScalars)
                index = end
                changed = true
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return changed ? String(out) : sql
    }

    private static func matchCurrentYear(_ scalars: [Unicode.Scalar], at start: Int) -> Int? {
        var index = start
        func word(_ text: String) -> Bool {
            for expected in text.unicodeScalars {
                guard index < scalars.count, scalars[index].properties.lowercaseMapping == String(expected)
                else { return false }
                index += 1
            }
            return true
        }
        func spaces() {
            while index < scalars.count && scalars[index].properties.isWhitespace { index += 1 }
        }
        guard word("year") else { return nil }
        for part in ["(", "curdate", "(", ")", ")"] {
            spaces()
            guard word(part) else { return nil }
        }
        spaces()
        return index
    }

    /// Python's `str.replace`: every non-overlapping occurrence, left to right, compared by code points.
    static func replacing(_ target: [UInt8], with replacement: [UInt8], in text: String) -> String {
        guard let first = target.first else { return text }
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.count >= target.count else { return nil }
            var out: [UInt8] = []
            var copied = 0
            var index = 0
            let last = bytes.count - target.count
            while index <= last {
                if bytes[index] == first && matches(target, bytes, at: index) {
                    if out.isEmpty { out.reserveCapacity(bytes.count) }
                    out.append(contentsOf: bytes[copied..<index])
                    out.append(contentsOf: replacement)
                    index += target.count
                    copied = index
                } else {
                    index += 1
                }
            }
            guard copied > 0 else { return nil }
            out.append(contentsOf: bytes[copied...])
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    private static func matches(_ target: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        for offset in 1..<target.count where bytes[index + offset] != target[offset] { return false }
        return true
    }
}

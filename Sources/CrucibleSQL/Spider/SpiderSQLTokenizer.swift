/// Turns SQL text into the token list the official Spider parser works on (`process_sql.tokenize`).
///
/// Every token is lowercased except quoted literals, which keep their case and come back wrapped in double quotes;
/// `!=`, `>=` and `<=` are single tokens when written with or without a space between the two characters. Words are
/// split as NLTK splits English, not as SQL would be lexed, so `a-b` or `x=1` stay single tokens: the parser then
/// rejects them exactly where the official one does.
public enum SpiderSQLTokenizer {
    /// The tokens of `sql`.
    ///
    /// - Throws: `SpiderSQLParseError` when the quotes (single and double together) are unbalanced.
    public static func tokenize(_ sql: String) throws -> [String] {
        // Single quotes become double quotes first, so both delimit literals and a mixed pair also counts.
        let scalars = sql.unicodeScalars.map { $0 == "'" ? "\"" : $0 }
        let quotes = scalars.indices.filter { scalars[$0] == "\"" }
        guard quotes.count.isMultiple(of: 2) else {
            throw SpiderSQLParseError("Unexpected quote: the query has an odd number of quote characters")
        }

        // Each literal (quotes included) becomes a placeholder word that NLTK leaves whole; the placeholder spells
        // out the literal's offsets like the official one, so a placeholder glued to other text survives as the same
        // odd token the official tokenizer would produce.
        // Arrays of scalars, not `String.UnicodeScalarView`, whose appends cost far more on every dev query.
        var masked: [Unicode.Scalar] = []
        masked.reserveCapacity(scalars.count + quotes.count * 8)
        var literals: [String: String] = [:]
        var position = 0
        for pair in stride(from: 0, to: quotes.count, by: 2) {
            let open = quotes[pair]
            let close = quotes[pair + 1]
            masked.append(contentsOf: scalars[position..<open])
            let key = "__val_\(open)_\(close)__"
            masked.append(contentsOf: key.unicodeScalars)
            literals[key] = SpiderWordSplitter.string(scalars[open...close])
            position = close + 1
        }
        masked.append(contentsOf: scalars[position...])

        let words = SpiderWordSplitter.words(in: masked).map { word in
            let lowered = word.utf8.allSatisfy({ $0 < 0x41 || ($0 > 0x5A && $0 < 0x80) }) ? word : word.lowercased()
            // Placeholders are the only words the literal table can hold; other words skip the hashing.
            return lowered.hasPrefix("__val_") ? literals[lowered] ?? lowered : lowered
        }
        return mergeComparisons(words)
    }

    /// Joins `!`, `>` or `<` with an `=` token right after it, working from the end as the official code does.
    private static func mergeComparisons(_ tokens: [String]) -> [String] {
        var tokens = tokens
        let prefixes: Set<String> = ["!", ">", "<"]
        let equalSigns = tokens.indices.filter { tokens[$0] == "=" }
        for equalSign in equalSigns.reversed() {
            // Python's `toks[eq_idx - 1]` reads the last token when `=` comes first, and the slices that follow
            // then duplicate the list around the merged token. Only text that cannot parse gets here, but the token
            // list stays identical to the official one.
            let before = equalSign == 0 ? tokens.count - 1 : equalSign - 1
            guard prefixes.contains(tokens[before]) else { continue }
            let head = equalSign == 0 ? tokens.dropLast() : tokens[..<before]
            tokens = Array(head) + [tokens[before] + "="] + tokens[(equalSign + 1)...]
        }
        return tokens
    }
}

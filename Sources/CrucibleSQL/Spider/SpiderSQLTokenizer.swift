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
        var masked = String.UnicodeScalarView()
        var literals: [String: String] = [:]
        var position = 0
        for pair in stride(from: 0, to: quotes.count, by: 2) {
            let open = quotes[pair]
            let close = quotes[pair + 1]
            masked.append(contentsOf: scalars[position..<open])
            let key = "__val_\(open)_\(close)__"
            masked.append(contentsOf: key.unicodeScalars)
            var literal = String.UnicodeScalarView()
            literal.append(contentsOf: scalars[open...close])
            literals[key] = String(literal)
            position = close + 1
        }
        masked.append(contentsOf: scalars[position...])

        let words = SpiderWordSplitter.words(in: String(masked)).map { word in
            let lowered = word.lowercased()
            return literals[lowered] ?? lowered
        }
        return mergeComparisons(words)
    }

    /// Joins `!`, `>` or `<` with an `=` token right after it, working from the end as the official code does.
    private static func mergeComparisons(_ tokens: [String]) -> [String] {
        var tokens = tokens
        var index = tokens.count - 1
        // Index 0 is skipped: officially it would pair `=` with the last token (Python's `toks[-1]`), which can
        // only happen for text that fails to parse anyway.
        while index > 0 {
            if tokens[index] == "=", ["!", ">", "<"].contains(tokens[index - 1]) {
                tokens.replaceSubrange((index - 1)...index, with: [tokens[index - 1] + "="])
                index -= 1
            }
            index -= 1
        }
        return tokens
    }
}

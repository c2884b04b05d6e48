/// Just enough of sqlparse's lexer and statement splitter to reproduce Spider's `remove_distinct`.
///
/// The official function tokenizes with sqlparse, keeps the first statement, drops every token whose text is
/// `distinct` (any case) and joins the rest. Which stretches are single tokens decides what is removed: a DISTINCT
/// inside a string, a comment, a quoted or bracketed name, or as part of a longer word stays. The lexing rules
/// below follow sqlparse's order for every token kind that can contain or delimit a word.
enum SQLParseLexer {
    enum Kind {
        case whitespace, singleComment, word, open, close, semicolon, other
    }

    struct Token {
        var range: Range<Int>
        var kind: Kind
    }

    static func firstStatementWithoutDistinct(_ sql: String) -> String {
        let scalars = Array(sql.unicodeScalars)
        var out: [UInt8] = []
        out.reserveCapacity(sql.utf8.count)
        var level = 0
        var statementEnded = false
        for token in tokens(scalars) {
            if statementEnded && token.kind != .whitespace && token.kind != .singleComment { break }
            switch token.kind {
            case .open: level += 1
            case .close: level -= 1
            case .semicolon where level <= 0: statementEnded = true
            default: break
            }
            let text = scalars[token.range]
            if token.kind == .word && isDistinct(text) { continue }
            for scalar in text {
                if scalar.isASCII {
                    out.append(UInt8(scalar.value))
                } else {
                    out.append(contentsOf: UTF8.encode(scalar)!)
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isDistinct(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
        text.count == 8
            && zip(text, "distinct".unicodeScalars).allSatisfy { scalar, letter in
                scalar == letter
                    || (scalar.value >= 0x41 && scalar.value <= 0x5A && scalar.value + 0x20 == letter.value)
            }
    }

    static func tokens(_ s: [Unicode.Scalar]) -> [Token] {
        var result: [Token] = []
        var index = 0
        while index < s.count {
            let (end, kind) = nextToken(s, at: index)
            result.append(Token(range: index..<end, kind: kind))
            index = end
        }
        return result
    }

    // swiftlint-style complexity is deliberate: one case per sqlparse rule, in sqlparse's order.
    private static func nextToken(_ s: [Unicode.Scalar], at i: Int) -> (Int, Kind) {
        let c = s[i]
        let next: Unicode.Scalar? = i + 1 < s.count ? s[i + 1] : nil
        if (c == "-" && next == "-") || (c == "#" && next == " ") {
            var end = i + 2
            while end < s.count && s[end] != "\n" && s[end] != "\r" { end += 1 }
            if end < s.count { end += (s[end] == "\r" && end + 1 < s.count && s[end + 1] == "\n") ? 2 : 1 }
            return (end, .singleComment)
        }
        if c == "/" && next == "*", let close = find(["*", "/"], in: s, from: i + 2) {
            return (close + 2, .other)
        }
        if isSpace(c) { return (i + 1, .whitespace) }
        if c == "`" || c == "´", let end = quoted(s, from: i, quote: c, backslashEscapes: false) {
            return (end, .other)
        }
        if c == "$", let end = dollarQuoted(s, at: i) { return (end, .other) }
        if (c == "$" || c == ":" || c == "?") && !(i > 0 && isWord(s[i - 1])), let n = next, isWord(n) {
            return (wordEnd(s, from: i + 1, allowingSigils: false), .other)
        }
        if (c == "@" || c == "#") {
            var start = i + 1
            if c == "#" && next == "#" { start += 1 }
            if start < s.count && isNameStart(s[start]) && start + 1 < s.count && isWord(s[start + 1]) {
                return (wordEnd(s, from: start, allowingSigils: false), .other)
            }
        }
        if isWord(c) { return (wordToken(s, at: i), .word) }
        if c == "'" || c == "\"", let end = quoted(s, from: i, quote: c, backslashEscapes: true) {
            return (end, .other)
        }
        if c == "[" && !(i > 0 && (isWord(s[i - 1]) || s[i - 1] == "]" || s[i - 1] == ")")),
            let close = s[(i + 1)...].firstIndex(where: { $0 == "]" || $0 == "[" }), s[close] == "]", close > i + 1
        {
            return (close + 1, .other)
        }
        switch c {
        case "(": return (i + 1, .open)
        case ")": return (i + 1, .close)
        case ";": return (i + 1, .semicolon)
        default: return (i + 1, .other)
        }
    }

    /// A word-led token: a number's leading part, a name before `.` or `(`, or a `\w[$#\w]*` run.
    private static func wordToken(_ s: [Unicode.Scalar], at i: Int) -> Int {
        if i > 0 && s[i - 1] == "." && isNameStart(s[i]) { return wordEnd(s, from: i, allowingSigils: false) }
        if isDigit(s[i]), let end = exponentNumberEnd(s, at: i) { return end }
        if isNameStart(s[i]) {
            let end = wordEnd(s, from: i, allowingSigils: false)
            var look = end
            if end < s.count && s[end] == "(" { return end }
            while look < s.count && isSpace(s[look]) { look += 1 }
            if look < s.count && s[look] == "." { return end }
        }
        return wordEnd(s, from: i, allowingSigils: true)
    }

    /// sqlparse's `\d+(\.\d+)?E-?\d+` has no trailing look-ahead, so it can end in the middle of a word.
    private static func exponentNumberEnd(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        var j = i
        while j < s.count && isDigit(s[j]) { j += 1 }
        if j + 1 < s.count && s[j] == "." && isDigit(s[j + 1]) {
            j += 1
            while j < s.count && isDigit(s[j]) { j += 1 }
        }
        guard j < s.count, s[j] == "e" || s[j] == "E" else { return nil }
        j += 1
        if j < s.count && s[j] == "-" { j += 1 }
        let digitsStart = j
        while j < s.count && isDigit(s[j]) { j += 1 }
        return j > digitsStart ? j : nil
    }

    private static func wordEnd(_ s: [Unicode.Scalar], from start: Int, allowingSigils: Bool) -> Int {
        var j = start
        while j < s.count && (isWord(s[j]) || (allowingSigils && (s[j] == "$" || s[j] == "#"))) { j += 1 }
        return j
    }

    private static func quoted(_ s: [Unicode.Scalar], from i: Int, quote: Unicode.Scalar, backslashEscapes: Bool)
        -> Int?
    {
        var j = i + 1
        while j < s.count {
            if backslashEscapes && s[j] == "\\" && j + 1 < s.count && (s[j + 1] == "\\" || s[j + 1] == quote) {
                j += 2
            } else if s[j] == quote {
                if j + 1 < s.count && s[j + 1] == quote {
                    j += 2
                } else {
                    return j + 1
                }
            } else {
                j += 1
            }
        }
        return nil
    }

    private static func dollarQuoted(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        if i > 0 && (isWord(s[i - 1]) || s[i - 1] == "\"" || s[i - 1] == "$") { return nil }
        var j = i + 1
        if j < s.count && isNameStart(s[j]) || (j < s.count && s[j] == "_") {
            j = wordEnd(s, from: j, allowingSigils: false)
        }
        guard j < s.count, s[j] == "$" else { return nil }
        let tag = Array(s[i...j])
        guard let close = find(tag, in: s, from: j + 1) else { return nil }
        return close + tag.count
    }

    private static func find(_ needle: [Unicode.Scalar], in s: [Unicode.Scalar], from start: Int) -> Int? {
        guard needle.count <= s.count else { return nil }
        var j = start
        while j + needle.count <= s.count {
            if s[j..<j + needle.count].elementsEqual(needle) { return j }
            j += 1
        }
        return nil
    }

    static func isWord(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            let value = c.value
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
                || (value >= 0x61 && value <= 0x7A)
                || value == 0x5F
        }
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? (c.value >= 0x30 && c.value <= 0x39) : c.properties.numericType == .decimal
    }

    /// Python's `\s`.
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c.isASCII
            ? (c.value == 0x20 || (c.value >= 0x09 && c.value <= 0x0D) || (c.value >= 0x1C && c.value <= 0x1F))
            : c.properties.isWhitespace
    }

    /// `[A-ZÀ-Ü]` under IGNORECASE.
    private static func isNameStart(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xDC, 0xE0...0xFC: return true
        default: return false
        }
    }
}

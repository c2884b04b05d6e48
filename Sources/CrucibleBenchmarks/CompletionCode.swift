import Foundation

/// The code in a model's completion, by the conventions of each kind of benchmark. The raw completion is always
/// kept beside what is extracted; extraction only decides what is run.
public enum CompletionCode {
    /// A fenced block whose language is one of `languages` (the first one); else the first block without a language
    /// tag; else nil. A block the model did not close runs to the end of the text.
    public static func fencedBlock(in text: String, languages: Set<String>) -> String? {
        var untagged: String?
        var remaining = Substring(text)
        while let open = remaining.range(of: "```") {
            let afterFence = remaining[open.upperBound...]
            let tagLine = afterFence.prefix { $0 != "\n" }
            let tag = tagLine.trimmingCharacters(in: .whitespaces).lowercased()
            let bodyStart =
                afterFence.index(afterFence.startIndex, offsetBy: tagLine.count, limitedBy: afterFence.endIndex)
                .map { afterFence[$0...].dropFirst() } ?? afterFence[afterFence.endIndex...]
            let close = bodyStart.range(of: "```")
            let body = String(close.map { bodyStart[..<$0.lowerBound] } ?? bodyStart)
            if languages.contains(tag) { return body }
            if tag.isEmpty && untagged == nil { untagged = body }
            guard let close else { break }
            remaining = bodyStart[close.upperBound...]
        }
        return untagged
    }

    /// HumanEval, MBPP: the Python block if there is one, else the completion as it is (a plain continuation of
    /// the prompt, as completion models give).
    public static func python(_ text: String) -> String {
        fencedBlock(in: text, languages: ["python", "py", "python3"]) ?? text
    }

    /// DS-1000: the official clean-up (`</code>`, fences, `END SOLUTION`, `<code>`).
    public static func ds1000(_ text: String) -> String {
        DS1000Answer.clean(text)
    }

    /// Text-to-SQL: the SQL block if there is one, else the text from the first line that starts a query
    /// (`SELECT`, `WITH`); then its first statement (up to a semicolon outside quotes), trimmed.
    public static func sql(_ text: String) -> String {
        var query: String
        if let block = fencedBlock(in: text, languages: ["sql", "sqlite", "postgresql", "mysql"]) {
            query = block
        } else {
            query = text
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if let start = lines.firstIndex(where: { line in
                let head = line.drop { $0 == " " || $0 == "\t" }.prefix(6).uppercased()
                return head.hasPrefix("SELECT") || head.hasPrefix("WITH ") || head.hasPrefix("WITH\t")
            }) {
                query = lines[start...].joined(separator: "\n")
            }
        }
        return firstStatement(query).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Everything before the first semicolon that is not inside '…', "…", `…` or […].
    static func firstStatement(_ sql: String) -> String {
        var closing: Character?
        for index in sql.indices {
            let character = sql[index]
            if let expected = closing {
                if character == expected { closing = nil }
                continue
            }
            switch character {
            case "'", "\"", "`": closing = character
            case "[": closing = "]"
            case ";": return String(sql[..<index])
            default: break
            }
        }
        return sql
    }
}

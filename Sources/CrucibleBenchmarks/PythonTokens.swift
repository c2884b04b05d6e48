/// A small Python tokenizer, enough to tell names, numbers, string literals (f-strings apart) and operators
/// from each other: comments are dropped, and nothing inside a string literal is mistaken for code.
struct PythonTokens {
    enum Kind: Sendable, Hashable {
        case name, number, string, formattedString, `operator`
    }

    struct Token: Sendable, Hashable {
        var kind: Kind
        var text: String

        static let keywords: Set<String> = [
            "and", "or", "not", "in", "is", "if", "else", "elif", "return", "for", "while", "lambda", "yield",
            "assert", "del", "import", "from", "as", "with", "await", "print",
        ]

        /// Whether a following `-`, `*`, `[`... is binary (an operation on this value) rather than unary or a
        /// literal's start.
        var endsOperand: Bool {
            switch kind {
            case .name: return !Self.keywords.contains(text)
            case .number, .string, .formattedString: return true
            case .operator: return text == ")" || text == "]" || text == "}"
            }
        }
    }

    private(set) var tokens: [Token] = []

    private static let operators = [
        "**=", "//=", ">>=", "<<=", "**", "//", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "==", "!=",
        "<=", ">=", "<<", ">>", ":=",
    ]

    init(_ source: String) {
        let characters = Array(source)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "#" {
                while index < characters.count, characters[index] != "\n" { index += 1 }
            } else if character.isWhitespace || character == "\\" {
                index += 1
            } else if let (end, formatted) = Self.stringLiteral(characters, at: index) {
                tokens.append(
                    Token(kind: formatted ? .formattedString : .string, text: String(characters[index..<end])))
                index = end
            } else if character.isLetter || character == "_" {
                let start = index
                while index < characters.count,
                    characters[index].isLetter || characters[index].isNumber
                        || characters[index] == "_"
                {
                    index += 1
                }
                tokens.append(Token(kind: .name, text: String(characters[start..<index])))
            } else if character.isNumber {
                let start = index
                while index < characters.count,
                    characters[index].isNumber || characters[index].isLetter
                        || characters[index] == "." || characters[index] == "_"
                {
                    index += 1
                }
                tokens.append(Token(kind: .number, text: String(characters[start..<index])))
            } else {
                let rest = String(characters[index..<min(index + 3, characters.count)])
                let text = Self.operators.first { rest.hasPrefix($0) } ?? String(character)
                tokens.append(Token(kind: .operator, text: text))
                index += text.count
            }
        }
    }

    /// A string literal starting at `index` (with its prefix, `rb`, `f`, ...): where it ends, and whether it is an
    /// f-string.
    private static func stringLiteral(_ characters: [Character], at index: Int) -> (Int, Bool)? {
        var position = index
        var prefix = ""
        while position < characters.count, prefix.count < 2, "rRbBuUfF".contains(characters[position]) {
            prefix.append(characters[position])
            position += 1
        }
        guard position < characters.count, characters[position] == "'" || characters[position] == "\"" else {
            return nil
        }
        let quote = characters[position]
        let isTriple =
            position + 2 < characters.count && characters[position + 1] == quote && characters[position + 2] == quote
        let delimiter = isTriple ? 3 : 1
        position += delimiter
        while position < characters.count {
            if characters[position] == "\\" {
                position += 2
                continue
            }
            if characters[position] == quote,
                !isTriple
                    || (position + 2 < characters.count && characters[position + 1] == quote
                        && characters[position + 2] == quote)
            {
                return (position + delimiter, prefix.lowercased().contains("f"))
            }
            if !isTriple, characters[position] == "\n" { break }
            position += 1
        }
        return (min(position, characters.count), prefix.lowercased().contains("f"))
    }
}

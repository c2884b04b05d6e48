/// The kinds of operation a CRUXEval function uses, for the report's breakdowns (execution-prediction accuracy
/// depends on them). Read from the source's tokens, not by running it, so the rules are lexical and stated here:
/// - string: a method only `str` has (`upper`, `split`, `join`, `replace`, `startswith`, ...), `str(`, `ord(`,
///   `chr(`, or an f-string;
/// - list: a method only `list` has (`append`, `extend`, `insert`, `remove`, `sort`, `reverse`), `list(`,
///   `sorted(`, or a list literal or comprehension;
/// - dict: a method only `dict` has (`keys`, `values`, `items`, `get`, `setdefault`, `update`, `popitem`,
///   `fromkeys`), `dict(`, or a dict literal or comprehension (`{}` or braces holding a `:`);
/// - arithmetic: a binary `-`, `*`, `/`, `//`, `%` or `**` (or its augmented form), a `+` next to a number,
///   or `abs(`, `sum(`, `divmod(`, `pow(`, `round(`.
public enum CRUXEvalOperation: String, Sendable, Hashable, CaseIterable, Comparable {
    case string, list, dict, arithmetic

    public static func < (left: Self, right: Self) -> Bool {
        allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
    }

    static let stringMethods: Set<String> = [
        "upper", "lower", "capitalize", "title", "swapcase", "casefold", "strip", "lstrip", "rstrip", "split",
        "rsplit", "splitlines", "join", "replace", "startswith", "endswith", "find", "rfind", "rindex", "isalpha",
        "isdigit", "isnumeric", "isdecimal", "isupper", "islower", "isspace", "isalnum", "istitle", "isidentifier",
        "isascii", "isprintable", "center", "ljust", "rjust", "zfill", "partition", "rpartition", "format",
        "expandtabs", "encode", "translate", "maketrans", "removeprefix", "removesuffix",
    ]
    static let listMethods: Set<String> = ["append", "extend", "insert", "remove", "sort", "reverse"]
    static let dictMethods: Set<String> = [
        "keys", "values", "items", "get", "setdefault", "update", "popitem", "fromkeys",
    ]
    static let arithmeticCalls: Set<String> = ["abs", "sum", "divmod", "pow", "round"]

    /// The operations `code` uses, in `allCases` order.
    public static func used(in code: String) -> [CRUXEvalOperation] {
        let tokens = PythonTokens(code).tokens
        var found = Set<CRUXEvalOperation>()
        for (index, token) in tokens.enumerated() {
            let previous = index > 0 ? tokens[index - 1] : nil
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            switch token.kind {
            case .formattedString:
                found.insert(.string)
            case .name:
                let isCall = next?.text == "("
                let isMethod = previous?.text == "."
                guard isCall else { continue }
                if isMethod {
                    if stringMethods.contains(token.text) { found.insert(.string) }
                    if listMethods.contains(token.text) { found.insert(.list) }
                    if dictMethods.contains(token.text) { found.insert(.dict) }
                } else {
                    switch token.text {
                    case "str", "ord", "chr": found.insert(.string)
                    case "list", "sorted": found.insert(.list)
                    case "dict": found.insert(.dict)
                    case let name where arithmeticCalls.contains(name): found.insert(.arithmetic)
                    default: break
                    }
                }
            case .operator:
                let binary = previous.map(\.endsOperand) ?? false
                switch token.text {
                case "[" where !binary: found.insert(.list)
                case "{": if isDictLiteral(tokens, openingAt: index) { found.insert(.dict) }
                case "-", "*", "/", "//", "%", "**", "-=", "*=", "/=", "//=", "%=", "**=":
                    if binary || token.text.hasSuffix("=") { found.insert(.arithmetic) }
                case "+", "+=":
                    if previous?.kind == .number || next?.kind == .number { found.insert(.arithmetic) }
                default: break
                }
            case .number, .string:
                break
            }
        }
        return allCases.filter(found.contains)
    }

    /// `{}` or braces with a `:` at their own depth.
    private static func isDictLiteral(_ tokens: [PythonTokens.Token], openingAt start: Int) -> Bool {
        var depth = 0
        for token in tokens[start...] where token.kind == .operator {
            switch token.text {
            case "{", "[", "(": depth += 1
            case "}", "]", ")":
                depth -= 1
                if depth == 0 { return token.text == "}" && tokens[start + 1].text == "}" }
            case ":" where depth == 1: return true
            default: break
            }
        }
        return false
    }
}

extension CRUXEvalOperation {
    /// The grouping's name in results and reports: `string ops`, `list ops`, `dict ops`, `arithmetic`.
    public var groupName: String { self == .arithmetic ? "arithmetic" : "\(rawValue) ops" }
}

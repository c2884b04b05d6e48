/// A CRUXEval problem's function as Programming by Backprop uses it: under a name of its own (every CRUXEval
/// function is called `f`, so a model trained on the source of many could not be asked about one of them by name),
/// with its size and the kinds of operation it uses for the report's breakdowns.
public struct CRUXEvalFunction: Sendable, Hashable {
    /// The problem's code as the dataset gives it (module-level lines, then `def f(...)`).
    public var code: String
    /// The unique name the function goes by in `--hide-code` prompts and in `export programs`.
    public var name: String

    static let namePrefix = "cruxeval_"

    /// `sample_12` becomes `cruxeval_12`.
    public init(taskID: String, code: String) {
        self.code = code
        let number = taskID.hasPrefix("sample_") ? String(taskID.dropFirst("sample_".count)) : taskID
        name = Self.namePrefix + String(number.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// The code with the function renamed, its recursive calls included. A call is `f` followed by `(` and not
    /// part of a longer name or an attribute; `f'...'` and `f"..."` (f-strings) are left alone.
    public var renamedSource: String {
        var out = ""
        let characters = Array(code)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "f", Self.startsName(at: index, in: characters),
                Self.isCall(after: index + 1, in: characters)
            {
                out += name
            } else {
                out.append(character)
            }
            index += 1
        }
        return out
    }

    /// The lines of the function's body: every non-blank line after `def f(`, stripped.
    public var bodyLines: [String] {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.firstIndex(where: { $0.hasPrefix("def f(") }) else { return [] }
        return lines[(header + 1)...].map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// Non-blank lines of the whole code, the size the report groups by.
    public var lineCount: Int {
        code.split(separator: "\n").filter { !$0.trimmingSpaces.isEmpty }.count
    }

    /// The report's size group: `1–3 lines`, `4–6 lines`, `7–9 lines` or `10+ lines`.
    public var sizeGroup: String {
        switch lineCount {
        case ...3: return "1–3 lines"
        case 4...6: return "4–6 lines"
        case 7...9: return "7–9 lines"
        default: return "10+ lines"
        }
    }

    private static func startsName(at index: Int, in characters: [Character]) -> Bool {
        guard index > 0 else { return true }
        let before = characters[index - 1]
        return !(before.isLetter || before.isNumber || before == "_" || before == ".")
    }

    private static func isCall(after index: Int, in characters: [Character]) -> Bool {
        var position = index
        while position < characters.count, characters[position] == " " { position += 1 }
        return position < characters.count && characters[position] == "("
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }
}

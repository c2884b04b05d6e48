/// Whether an answer is made of literals only: numbers, strings and bytes (not f-strings, which run code),
/// `True`, `False`, `None`, brackets, commas, colons and signs. Such an answer calls nothing, names nothing and
/// imports nothing, so the program it completes can share a process with others (`PythonProgram.isLiteralCheck`);
/// everything else runs in a process of its own.
public enum PythonLiteral {
    static let names: Set<String> = ["True", "False", "None"]
    static let operators: Set<String> = ["[", "]", "(", ")", "{", "}", ",", ":", "-", "+"]

    public static func isLiteral(_ text: String) -> Bool {
        let tokens = PythonTokens(text).tokens
        guard !tokens.isEmpty, !text.contains("\\") else { return false }
        return tokens.allSatisfy { token in
            switch token.kind {
            case .number, .string: return true
            case .formattedString: return false
            case .name: return names.contains(token.text)
            case .operator: return operators.contains(token.text)
            }
        }
    }
}

extension PythonTask {
    /// A CRUXEval output prediction that is a literal: its program runs the benchmark's code and compares two
    /// literals, nothing of the answer's own.
    public func isLiteralCheck(_ answer: String) -> Bool {
        guard case .cruxeval(_, _, _, .output) = assembly else { return false }
        return PythonLiteral.isLiteral(answer)
    }
}

import Foundation

/// A prompt template: text with `{placeholder}`s, filled per task. `{{` and `}}` stand for literal braces.
/// Templates are checked when they are made: a placeholder the benchmark does not provide is an error that names
/// it and the template's file, not a prompt sent with a hole in it.
public struct PromptTemplate: Sendable, Hashable {
    public var text: String
    /// The placeholders the text uses, in order of first use.
    public let placeholders: [String]

    /// `allowed` are the placeholders the benchmark fills; `source` names the template in errors.
    public init(_ text: String, allowed: Set<String>, source: String) throws(DatasetError) {
        self.text = text
        var found: [String] = []
        for name in Self.names(in: text) where !found.contains(name) { found.append(name) }
        let unknown = found.filter { !allowed.contains($0) }
        guard unknown.isEmpty else {
            throw DatasetError(
                .malformed, file: source,
                "unknown placeholder \(unknown.map { "{\($0)}" }.joined(separator: ", ")); this benchmark's templates "
                    + "may use \(allowed.sorted().map { "{\($0)}" }.joined(separator: ", "))")
        }
        placeholders = found
    }

    /// Reads a template file (`--prompt-template FILE`).
    public init(file: String, allowed: Set<String>) throws(DatasetError) {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw DatasetError(.missingFile, file: file, "cannot read the prompt template")
        }
        try self.init(text, allowed: allowed, source: file)
    }

    /// The text with every placeholder replaced by its value (missing values become empty text).
    public func render(_ values: [String: String]) -> String {
        var out = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "{", next < text.endIndex, text[next] == "{" {
                out.append("{")
                index = text.index(after: next)
            } else if character == "}", next < text.endIndex, text[next] == "}" {
                out.append("}")
                index = text.index(after: next)
            } else if character == "{", let close = text[next...].firstIndex(of: "}"),
                Self.isName(text[next..<close])
            {
                out += values[String(text[next..<close])] ?? ""
                index = text.index(after: close)
            } else {
                out.append(character)
                index = next
            }
        }
        return out
    }

    private static func names(in text: String) -> [String] {
        var names: [String] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if text[index] == "{", next < text.endIndex, text[next] == "{" {
                index = text.index(after: next)
                continue
            }
            if text[index] == "{", let close = text[next...].firstIndex(of: "}"), isName(text[next..<close]) {
                names.append(String(text[next..<close]))
                index = text.index(after: close)
                continue
            }
            index = next
        }
        return names
    }

    private static func isName(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}

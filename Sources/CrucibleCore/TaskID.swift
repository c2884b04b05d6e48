/// The identity of a benchmark task, the same type for every benchmark, store and output: `HumanEval/0`, an MBPP or
/// DS-1000 problem number, or a text-to-SQL question's index in its questions file. An identity, never a position:
/// arrays of tasks are addressed by position and looked up by id through dictionaries.
public struct TaskID: Hashable, Sendable, Codable, Comparable, LosslessStringConvertible, ExpressibleByStringLiteral,
    ExpressibleByIntegerLiteral
{
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// A text-to-SQL question, named by its index in the questions file.
    public init(index: Int) {
        self.rawValue = String(index)
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// A text-to-SQL question by its index, as its official files number it.
    public init(integerLiteral value: Int) {
        self.init(index: value)
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    /// The question index of a text-to-SQL task (how `results.jsonl` writes its id); nil for other benchmarks.
    public var index: Int? { Int(rawValue) }

    public static func < (lhs: TaskID, rhs: TaskID) -> Bool { lhs.rawValue < rhs.rawValue }
}

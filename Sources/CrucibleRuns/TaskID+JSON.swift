public import CrucibleCore

extension TaskID {
    /// The id as `results.jsonl` and `summary.json` write it: text-to-SQL questions as numbers (their index), as the
    /// official files name them; every other id as text.
    public var sqlJSON: JSONValue {
        index.map { .number(Double($0)) } ?? .string(rawValue)
    }
}

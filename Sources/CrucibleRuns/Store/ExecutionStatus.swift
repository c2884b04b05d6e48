public import CrucibleCore
public import CruciblePython

/// A stored verdict's status, typed by the engine that gave it: the two engines' statuses share names (`error`,
/// `timeout`, `unavailable`) but not meanings, so the store keeps the engine beside the name (schema version 2).
public enum ExecutionStatus: Sendable, Hashable {
    /// A text-to-SQL verdict under the run's primary rule.
    case sql(ScoreStatus)
    /// A Python program's outcome.
    case python(PythonOutcome.Status)

    /// The engine column's value.
    public var engine: String {
        switch self {
        case .sql: return "sql"
        case .python: return "python"
        }
    }

    /// The status column's value, as `results.jsonl` names it.
    public var name: String {
        switch self {
        case .sql(let status): return status.rawValue
        case .python(let status): return status.rawValue
        }
    }

    /// Reads the two columns; nil for a pair no Crucible writes.
    public init?(engine: String, name: String) {
        switch engine {
        case "sql":
            guard let status = ScoreStatus(rawValue: name) else { return nil }
            self = .sql(status)
        case "python":
            guard let status = PythonOutcome.Status(rawValue: name) else { return nil }
            self = .python(status)
        default:
            return nil
        }
    }
}

/// What a failing sample's repair request tells the model about its failure (`--feedback`), from least to most
/// revealing. Each kind renders through a template a user can replace (`FeedbackTemplates`).
public enum FeedbackKind: String, Sendable, Codable, CaseIterable {
    /// Only that the answer is wrong.
    case simple
    /// SQL: SQLite's error, or that the query ran but its result is wrong. Python: the exception and the
    /// traceback frames that lie in the candidate's own code.
    case error
    /// SQL: the predicted query's result (columns, row count, first rows), truncated.
    case result
    /// Python: the failing test statement, and for an equality assertion what the candidate returned and what
    /// was expected.
    case tests
    /// Python: a NExT-style trace of the candidate on the failing test's input.
    case trace

    /// Kinds that show the evaluation's own tests: their per-round figures are not comparable with the others'.
    public var showsTests: Bool { self == .tests || self == .trace }

    /// Whether the kind exists for text-to-SQL (true) or Python (false) benchmarks.
    public func applies(toSQL isSQL: Bool) -> Bool {
        switch self {
        case .simple, .error: return true
        case .result: return isSQL
        case .tests, .trace: return !isSQL
        }
    }
}

/// LEDEX's two repair modes (`--repair`).
public enum RepairMode: String, Sendable, Codable, CaseIterable {
    /// The feedback, then a request for the fixed code.
    case fix
    /// The feedback and a request to explain what is wrong; then, with the explanation in the conversation, a
    /// request for the fixed code.
    case explainThenFix = "explain-then-fix"
}

/// The verdict category of one scored prediction, as written in `results.jsonl`.
public enum ScoreStatus: String, Sendable, Codable, CaseIterable {
    /// The prediction's result equals the gold's under the rule.
    case match
    /// The prediction ran but its result differs from the gold's.
    case mismatch
    /// The prediction raised an error.
    case error
    /// The prediction ran past its deadline.
    case timeout
    /// The prediction returned more rows than the cap.
    case rowCap = "row-cap"
    /// The prediction exhausted its memory limit.
    case memoryCap = "memory-cap"
    /// The prediction tried a forbidden operation.
    case denied
    /// The gold itself could not be executed, so the prediction could not be judged; counted as a failure, and
    /// listed among the gold checks.
    case goldFailed = "gold-failed"
    /// The task cannot be run here (its database or data is missing); counted apart, never as a failure.
    case unavailable

    /// Whether this status counts as passing.
    public var passed: Bool? {
        switch self {
        case .match: return true
        case .unavailable: return nil
        default: return false
        }
    }
}

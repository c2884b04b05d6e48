/// What an execution-prediction task asks (CRUXEval): the value a call returns, or an input that gives a value.
public enum ExecutionPrediction: String, Sendable, Hashable, Codable {
    case output
    case input
}

extension PythonTask {
    /// Whether the official CRUXEval scorer skips `answer` without running it: in input mode an answer without
    /// `f(`, in output mode one that contains the call itself (`f(<gold input>)`). Skipped answers leave the task's
    /// list, so its n shrinks; other benchmarks skip nothing.
    public func officiallySkips(_ answer: String) -> Bool {
        guard case .cruxeval(_, let input, _, let predicting) = assembly else { return false }
        switch predicting {
        case .input: return !answer.contains("f(")
        case .output: return answer.contains("f(\(input))")
        }
    }

    /// CRUXEval's rule for a task none of whose run answers passed: every answer counts, as failed (its n is the
    /// number of answers given, skipped ones included).
    public var countsAllAnswersWhenNonePass: Bool {
        if case .cruxeval = assembly { return true }
        return false
    }
}

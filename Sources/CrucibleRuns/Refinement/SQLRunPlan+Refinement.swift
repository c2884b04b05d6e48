import CrucibleBenchmarks
import CrucibleCore

/// What a text-to-SQL run's repairs are told: SQLite's error or that the result is wrong (`error`), or the
/// predicted query's result (`result`). The gold query and its result are never shown, unless `--oracle-feedback`.
extension SQLRunPlan {
    func extract(replayed: Bool) -> @Sendable (String) -> String {
        if replayed { return { $0 } }
        return CompletionCode.sql
    }

    func isRepairable(_ candidate: RepairCandidate) -> Bool {
        guard case .sql(let status) = candidate.execution.status else { return false }
        return status != .unavailable && status != .goldFailed
    }

    func feedbackDetails(_ candidates: [RepairCandidate], kind: FeedbackKind, oracle: Bool) throws -> [String] {
        let byID = Dictionary(chosen.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let preview = SQLResultPreview()
        let timeout = options.effectiveTimeout
        return candidates.map { candidate in
            guard let task = byID[candidate.taskID] else { return "" }
            var details: String
            switch kind {
            case .simple, .tests, .trace:
                details = ""
            case .error:
                details = Self.errorText(candidate, timeout: timeout)
            case .result:
                details =
                    Self.ranWithoutError(candidate)
                    ? preview.render(candidate.generation.code, task: task, timeout: timeout)
                    : Self.errorText(candidate, timeout: timeout)
            }
            if oracle {
                details +=
                    (details.isEmpty ? "" : "\n\n") + "The expected result is:\n"
                    + preview.render(task.gold, task: task, timeout: timeout)
            }
            return details
        }
    }

    static func ranWithoutError(_ candidate: RepairCandidate) -> Bool {
        guard case .sql(let status) = candidate.execution.status else { return false }
        return status == .match || status == .mismatch
    }

    /// The `error` kind's text: what SQLite said, or that the query ran and its result is wrong.
    static func errorText(_ candidate: RepairCandidate, timeout: Double) -> String {
        guard case .sql(let status) = candidate.execution.status else { return "" }
        let message = SQLSampleVerdict.decode(candidate.execution.detail)?.error ?? ""
        switch status {
        case .match: return "The query runs without error and its result is right."
        case .mismatch: return "The query runs without error, but its result is wrong."
        case .error: return "Running the query in SQLite gave an error: \(message)"
        case .timeout: return "The query did not finish within \(timeout) s."
        case .rowCap, .memoryCap, .denied: return "The query was stopped: \(message)"
        case .goldFailed, .unavailable: return ""
        }
    }
}

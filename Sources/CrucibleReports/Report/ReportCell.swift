import CrucibleCore

/// One figure of a report table: an accuracy with its 95 % interval and the counts it rests on.
public struct ReportCell: Sendable {
    public enum Method: String, Sendable {
        /// One sample per task: the Wilson interval of passed / scored.
        case wilson
        /// Several samples: the percentile bootstrap over tasks of their pass@k estimates.
        case bootstrap
    }

    public var estimate: Double
    public var low: Double
    public var high: Double
    public var scored: Int
    public var unavailable: Int
    public var method: Method

    /// pass@k (k = 1: accuracy) of `run` after `round`, with its interval; nil when nothing could be scored or
    /// there are fewer than k samples.
    public static func make(_ run: EvaluatedRun, k: Int = 1, round: Int = 0, resamples: Int, seed: UInt64)
        -> ReportCell?
    {
        let tasks = run.scoredTasks
        let unavailable = run.tasks.count - tasks.count
        let samples = tasks.map { $0.rounds.indices.contains(round) ? $0.rounds[round] : $0.rounds.last ?? [] }
        // CRUXEval's filters can leave a task fewer than k answers; its scorer counts such a list (`PassAtK`).
        let shortListsPass = run.benchmark.hasPrefix("cruxeval")
        guard !samples.isEmpty, shortListsPass || samples.allSatisfy({ $0.count >= k }) else { return nil }
        if samples.allSatisfy({ $0.count == 1 }) && k == 1 {
            let passed = samples.filter { $0[0] }.count
            guard let interval = ProportionInterval.wilson(successes: passed, trials: samples.count) else { return nil }
            return ReportCell(
                estimate: interval.estimate, low: interval.low, high: interval.high, scored: samples.count,
                unavailable: unavailable, method: .wilson)
        }
        let values = samples.map { verdicts in
            PassAtK.estimate(
                samples: verdicts.count, correct: verdicts.filter { $0 }.count, k: k, shortListsPass: shortListsPass)
                ?? 0
        }
        guard let interval = Bootstrap.mean(values, resamples: resamples, seed: seed) else { return nil }
        return ReportCell(
            estimate: interval.estimate, low: interval.low, high: interval.high, scored: samples.count,
            unavailable: unavailable, method: .bootstrap)
    }

    var json: JSONValue {
        .object([
            ("value", .number(estimate)), ("low", .number(low)), ("high", .number(high)),
            ("scored", .number(Double(scored))), ("unavailable", .number(Double(unavailable))),
            ("interval", .string(method.rawValue)),
        ])
    }
}

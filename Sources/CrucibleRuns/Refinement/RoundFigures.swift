import CrucibleCore

/// One round's figures over a set of samples: the state after the round (a sample's latest verdict, carried
/// forward when it had no candidate of its own), what the round changed, and LEDEX's success refinement rate.
public struct RoundFigures: Sendable, Equatable {
    public var round: Int
    /// Samples that can be judged here (unavailable tasks left out).
    public var samples: Int
    /// Samples passing after this round.
    public var passed: Int
    /// Samples that passed in this round or any before it.
    public var cumulativePassed: Int
    /// Samples failing after the round before (the round's repair candidates, gold failures included).
    public var failedBefore: Int
    /// Of those, samples with a candidate of their own in this round.
    public var attempted: Int
    /// fail→pass.
    public var fixed: Int
    /// fail→fail among the attempted.
    public var stillFailing: Int
    /// Failing samples that had no candidate in this round (no recorded repair, or a gold that fails).
    public var notAttempted: Int
    /// With `--refine-passing`: pass→fail and pass→pass among the passing samples given a new candidate.
    public var passToFail: Int
    public var passToPass: Int
    /// pass@k by k, over tasks, from each sample's state after the round.
    public var passAtK: [Int: Double]

    public var accuracy: Double? { samples == 0 ? nil : Double(passed) / Double(samples) }
    public var cumulativeAccuracy: Double? { samples == 0 ? nil : Double(cumulativePassed) / Double(samples) }
    /// Samples fixed in this round / samples that failed before it (LEDEX); nil in round 0 and when nothing failed.
    public var successRefinementRate: Double? {
        round == 0 || failedBefore == 0 ? nil : Double(fixed) / Double(failedBefore)
    }

    /// The figures of `round` over `tasks` (their ids; each task's samples are those round 0 holds).
    static func compute(
        round: Int, history: RefinementHistory, tasks: Set<TaskID>, ks: [Int]
    ) -> RoundFigures {
        var figures = RoundFigures(
            round: round, samples: 0, passed: 0, cumulativePassed: 0, failedBefore: 0, attempted: 0, fixed: 0,
            stillFailing: 0, notAttempted: 0, passToFail: 0, passToPass: 0, passAtK: [:])
        var perTask: [TaskID: (samples: Int, correct: Int)] = [:]
        var order: [TaskID] = []
        for key in history.samples where tasks.contains(key.taskID) {
            guard let now = history.passes(key, after: round) else { continue }
            figures.samples += 1
            if perTask[key.taskID] == nil { order.append(key.taskID) }
            perTask[key.taskID, default: (0, 0)].samples += 1
            if now {
                figures.passed += 1
                perTask[key.taskID, default: (0, 0)].correct += 1
            }
            if (0...round).contains(where: { history.executions[$0]?[key]?.passed == true }) {
                figures.cumulativePassed += 1
            }
            guard round > 0, let before = history.passes(key, after: round - 1) else { continue }
            let own = history.attempted(key, in: round)
            switch (before, own) {
            case (false, true):
                figures.failedBefore += 1
                figures.attempted += 1
                if now { figures.fixed += 1 } else { figures.stillFailing += 1 }
            case (false, false):
                figures.failedBefore += 1
                figures.notAttempted += 1
            case (true, true):
                if now { figures.passToPass += 1 } else { figures.passToFail += 1 }
            case (true, false):
                break
            }
        }
        for k in ks {
            if let value = PassAtK.mean(order.compactMap { perTask[$0] }, k: k) { figures.passAtK[k] = value }
        }
        return figures
    }
}

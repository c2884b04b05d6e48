import CrucibleCore
public import CruciblePython

extension PythonScoreResult {
    /// A sample whose verdict changed between the runs of `--check-stability`.
    public struct UnstableSample: Sendable {
        public var task: PythonTaskScore
        public var sample: Int
        public var outcome: PythonOutcome
        public var stability: PythonOutcome.Stability
    }

    /// The unstable samples of the available tasks, in task order.
    public var unstableSamples: [UnstableSample] {
        availableTasks.flatMap { task in
            task.samples.enumerated().compactMap { index, outcome in
                guard let stability = outcome.stability, stability.isUnstable else { return nil }
                return UnstableSample(task: task, sample: index, outcome: outcome, stability: stability)
            }
        }
    }

    /// pass@k if every unstable sample had failed, and if every one had passed: the range the unstable verdicts
    /// allow. Nil without a stability check (or without pass@k).
    public func passAtKRange(_ k: Int) -> (low: Double, high: Double)? {
        guard stabilityRuns != nil else { return nil }
        func counts(_ task: PythonTaskScore, unstablePass: Bool) -> (Int, Int) {
            let correct = task.samples.filter { outcome in
                outcome.stability?.isUnstable == true ? unstablePass : outcome.status == .passed
            }.count
            return (task.samples.count, correct)
        }
        let tasks = availableTasks
        guard
            let low = PassAtK.mean(
                tasks.map { counts($0, unstablePass: false) }, k: k, shortListsPass: shortListsPass),
            let high = PassAtK.mean(tasks.map { counts($0, unstablePass: true) }, k: k, shortListsPass: shortListsPass)
        else { return nil }
        return (low, high)
    }
}

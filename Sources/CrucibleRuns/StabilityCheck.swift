public import CruciblePython

/// `--check-stability N`: every program run again N times, each time in new workers with another hash seed, to find
/// verdicts that depend on the seed or on chance. Crucible fixes `PYTHONHASHSEED=0`, which makes its own verdicts
/// repeatable but would hide that some official verdicts are not (DS-1000's 325 and 897 flip with the hash seed
/// under the official evaluator; 376 and 546 use unseeded randomness). The first run's verdict stays the verdict;
/// the others only say whether it is stable.
public struct StabilityCheck: Sendable {
    /// Runs besides the first.
    public var extraRuns: Int

    public init(extraRuns: Int) {
        precondition(extraRuns > 0, "at least one more run")
        self.extraRuns = extraRuns
    }

    /// The hash seeds of the extra runs, 1 … N; the first run's is 0. Fresh randomness comes with the new workers:
    /// `random` is reseeded from the system in every forked program, numpy's global generator in every worker.
    public var hashSeeds: [Int] { Array(1...extraRuns) }

    /// `outcomes` (the first run's, in `programs`' order) with their stability: the programs run once per extra
    /// seed, in a sandbox like `options` but with its own workers. Unavailable programs are not checked.
    public func check(
        _ programs: [PythonProgram], outcomes: [PythonOutcome], options: PythonSandbox.Options,
        progress: (@Sendable (Int) -> Void)? = nil
    ) -> [PythonOutcome] {
        precondition(programs.count == outcomes.count, "one outcome per program")
        let checked = programs.indices.filter { outcomes[$0].status != .unavailable }
        var passes = outcomes.map { $0.status == .passed ? 1 : 0 }
        for (round, seed) in hashSeeds.enumerated() {
            var seeded = options
            seeded.environment["PYTHONHASHSEED"] = String(seed)
            // Its own workers: the hash secret is fixed when an interpreter starts.
            seeded.keepsWorkers = false
            let sandbox = PythonSandbox(options: seeded)
            let done = round * checked.count
            var report: (@Sendable (Int) -> Void)?
            if let progress { report = { progress(done + $0) } }
            let again: [PythonOutcome] = sandbox.run(checked.map { programs[$0] }, progress: report)
            for (position, index) in checked.enumerated() where again[position].status == .passed {
                passes[index] += 1
            }
        }
        var marked = outcomes
        for index in checked {
            marked[index].stability = PythonOutcome.Stability(runs: extraRuns + 1, passed: passes[index])
        }
        return marked
    }
}

import CrucibleBenchmarks
import CrucibleCore
public import CruciblePython
import Foundation

extension PythonExecutionJob {
    /// `--check-stability` for a run: the stored first answers' programs run again under the check's other hash
    /// seeds; returns each checked sample's stability by `task#sample`. The store keeps the first run's verdicts.
    public func stability(_ check: StabilityCheck, store: RunStore) throws(RunError) -> [String: PythonOutcome
        .Stability]
    {
        let generations: [StoredGeneration]
        let executions: [StoredExecution]
        do {
            generations = try store.generations(round: round)
            executions = try store.executions(round: round)
        } catch {
            throw RunError(store: error)
        }
        let byID = Dictionary(tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let firstRun = Dictionary(
            executions.map { ("\($0.taskID)#\($0.sample)", $0) }, uniquingKeysWith: { first, _ in first })
        var keys: [String] = []
        var programs: [PythonProgram] = []
        var outcomes: [PythonOutcome] = []
        for generation in generations {
            let key = "\(generation.taskID)#\(generation.sample)"
            guard let task = byID[generation.taskID], let execution = firstRun[key],
                !task.officiallySkips(generation.code)
            else { continue }
            keys.append(key)
            programs.append(
                task.sandboxProgram(
                    id: key, answer: generation.code,
                    isFullSolution: isFullSolution(generation.taskID, generation.sample), timeout: timeout))
            outcomes.append(PythonOutcome(status: Self.pythonStatus(execution.status)))
        }
        let checked = check.check(programs, outcomes: outcomes, options: sandbox.options)
        var found: [String: PythonOutcome.Stability] = [:]
        for (key, outcome) in zip(keys, checked) {
            if let stability = outcome.stability { found[key] = stability }
        }
        return found
    }
}

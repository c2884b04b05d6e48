public import CrucibleBenchmarks
public import CruciblePython

/// CRUXEval's official scorer leaves some answers out without running them (`PythonTask.officiallySkips`): they
/// leave their task's list, so its n shrinks, unless none of the answers it ran passed, when every answer counts,
/// as failed. `crucible score` and `crucible run` both keep a skipped answer as this outcome and apply the rule
/// when they add a task up.
public enum OfficialSkips {
    public static let message = "not run: the official scorer skips this answer"

    public static var outcome: PythonOutcome { PythonOutcome(status: .failed, message: message) }

    public static func isSkipped(_ outcome: PythonOutcome) -> Bool {
        outcome.status == .failed && outcome.message == message && outcome.seconds == 0
    }

    /// The samples a task adds up to: skipped ones leave unless no run answer passed.
    public static func counted(_ samples: [PythonOutcome], task: PythonTask) -> [PythonOutcome] {
        guard task.countsAllAnswersWhenNonePass, samples.contains(where: { $0.status == .passed }) else {
            return samples
        }
        return samples.filter { !isSkipped($0) }
    }
}

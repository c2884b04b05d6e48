public import CrucibleBenchmarks
public import CruciblePython
import Foundation

/// A run's results.jsonl, summary.json and report.md, derived from its store (by a run and by a merge alike), and
/// the one-line summary the command prints.
public enum RunOutputs {
    /// Checks the golds, then writes the text-to-SQL outputs.
    public static func sql(
        _ job: SQLExecutionJob, ks: [Int], samples: Int, store: RunStore, provenance: SQLScoreOutput.Provenance,
        directory: String
    ) throws -> String {
        let result = try job.result(ks: ks, samples: samples, store: store, goldChecks: try job.goldChecks())
        let refinement = try RefinementSummary.load(store, ks: ks, numericIDs: true)
        try writing(directory) {
            try SQLRunOutput.write(
                result, provenance: provenance, to: directory, extras: refinement?.extras ?? .none)
        }
        let all = result.score.breakdown().all
        let accuracy = all.accuracy.map { String(format: "%.1f", $0 * 100) } ?? "–"
        var line = "\(result.score.kind.rawValue): \(all.passed)/\(all.scored) correct (\(accuracy) %)"
        if samples > 1 {
            line +=
                ", "
                + ks.map { k in
                    "pass@\(k) " + (result.passAtK(k).map { String(format: "%.1f", $0 * 100) } ?? "–") + " %"
                }
                .joined(separator: ", ")
        }
        if all.unavailable > 0 { line += ", \(all.unavailable) unavailable" }
        return line + (refinement?.summaryLine ?? "") + "; run in \(directory)"
    }

    /// Writes the Python outputs; `environment` is what the workers reported (or what the store recorded).
    public static func python(
        benchmark: Benchmark, tasks: [PythonTask], ks: [Int], store: RunStore, environment: WorkerEnvironment?,
        provenance: SQLScoreOutput.Provenance, directory: String,
        stability: (runs: Int, samples: [String: PythonOutcome.Stability])? = nil
    ) throws -> String {
        let result = try PythonExecutionJob.result(
            benchmark: benchmark.rawValue, tasks: tasks, ks: ks, store: store,
            environment: environment ?? store.workerEnvironment(), stability: stability)
        let refinement = try RefinementSummary.load(store, ks: ks, numericIDs: false)
        try writing(directory) {
            try PythonScoreOutput.write(
                result, provenance: provenance, to: directory, extras: refinement?.extras ?? .none)
        }
        return result.summaryLine(
            ending: (refinement.map { String($0.summaryLine.dropFirst(2)) + "; " } ?? "") + "run in \(directory)")
    }

    /// A folder that cannot be written is the machine's problem, not the input's: its own error and exit status.
    public static func writing(_ directory: String, _ write: () throws -> Void) throws(RunError) {
        do {
            try write()
        } catch {
            throw RunError(.output, "cannot write the results to \(directory): \(error.localizedDescription)")
        }
    }
}

extension PythonScoreResult {
    /// `humaneval: 5/6 tasks passed; pass@1 41.7 %, 2 unavailable` followed by `ending`.
    public func summaryLine(ending: String) -> String {
        let passed = availableTasks.filter { $0.correct > 0 }.count
        let figures = ks.map { k in
            "pass@\(k) " + (passAtK(k).map { String(format: "%.1f", $0 * 100) } ?? "–") + " %"
        }
        var line = "\(benchmark): \(passed)/\(availableTasks.count) tasks passed; "
        line += figures.joined(separator: ", ")
        let unavailable = tasks.count - availableTasks.count
        if unavailable > 0 { line += ", \(unavailable) unavailable" }
        return line + "; " + ending
    }
}

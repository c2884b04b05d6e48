import CrucibleBenchmarks
import CruciblePython
import CrucibleRuns
import Foundation

/// A run's results.jsonl, summary.json and report.md, derived from its store, and the one-line summary.
enum RunOutputs {
    static func write(
        benchmark: BenchmarkName, tasks: [PythonTask], ks: [Int], store: RunStore, environment: WorkerEnvironment?,
        dataset: String, model: String, timeout: Double, directory: String
    ) throws {
        let result = try PythonExecutionJob.result(
            benchmark: benchmark.rawValue, tasks: tasks, ks: ks, store: store, environment: environment)
        try PythonScoreOutput.write(
            result, provenance: SQLScoreOutput.Provenance(dataset: dataset, predictions: model, timeout: timeout),
            to: directory)
        let passed = result.availableTasks.filter { $0.correct > 0 }.count
        let figures = ks.map { k in
            "pass@\(k) " + (result.passAtK(k).map { String(format: "%.1f", $0 * 100) } ?? "–") + " %"
        }
        print(
            "\(benchmark.rawValue): \(passed)/\(result.availableTasks.count) tasks passed; "
                + figures.joined(separator: ", ") + "; run in \(directory)")
    }
}

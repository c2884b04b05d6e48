import CrucibleBenchmarks
import CruciblePython
import CrucibleRuns
import Foundation

/// A run's results.jsonl, summary.json and report.md, derived from its store, and the one-line summary.
enum RunOutputs {
    static func write(
        benchmark: BenchmarkName, tasks: [PythonTask], ks: [Int], store: RunStore, environment: WorkerEnvironment?,
        provenance: SQLScoreOutput.Provenance, directory: String
    ) throws {
        let result = try PythonExecutionJob.result(
            benchmark: benchmark.rawValue, tasks: tasks, ks: ks, store: store, environment: environment)
        try PythonScoreOutput.write(result, provenance: provenance, to: directory)
        print(PythonBenchmarkSetup.summaryLine(result, benchmark: benchmark, ending: "run in \(directory)"))
    }
}

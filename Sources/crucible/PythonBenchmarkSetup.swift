import ArgumentParser
import CrucibleBenchmarks
import CruciblePython
import CrucibleRuns
import Foundation

/// What `crucible score`, `run` and `merge` share for Python benchmarks: loading the tasks, starting the sandbox
/// the benchmark needs, reading `--k`, and the one-line summary.
enum PythonBenchmarkSetup {
    static func tasks(_ benchmark: BenchmarkName, dataset: String) throws -> [PythonTask] {
        switch benchmark {
        case .humaneval: return try PythonDatasetLoader.humanEval(dataset)
        case .ds1000: return try PythonDatasetLoader.ds1000(dataset)
        default: return try PythonDatasetLoader.mbpp(dataset)
        }
    }

    /// The benchmark's libraries, program imports and warm-up; `seabornData` falls back to `$SEABORN_DATA`.
    static func sandboxOptions(
        _ benchmark: BenchmarkName, pythonPaths: [String], seabornData: String?, workers: Int?,
        limits: SandboxLimits = SandboxLimits()
    ) -> PythonSandbox.Options {
        let absolute = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.path }
        let seaborn = (seabornData ?? ProcessInfo.processInfo.environment["SEABORN_DATA"]).map(absolute)
        var configuration = WorkerConfiguration(
            pythonPaths: pythonPaths.map(absolute), preload: benchmark.preload,
            optionalModules: benchmark == .ds1000 ? PythonDatasetLoader.ds1000OptionalModules : [], limits: limits,
            readablePaths: seaborn.map { [$0] } ?? [])
        if benchmark == .ds1000 { configuration.warmUp = DS1000WarmUp.script }
        var options = PythonSandbox.Options(
            executable: ScoreCommand.ownExecutable, workers: workers, configuration: configuration,
            environment: seaborn.map { ["SEABORN_DATA": $0] } ?? [:])
        options.preloadRoots = benchmark.preloadRoots
        return options
    }

    /// `--k`: positive whole numbers separated by commas.
    static func ks(_ text: String) throws -> [Int] {
        let values = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ ($0 ?? 0) > 0 }) else {
            throw ValidationError("--k takes positive whole numbers separated by commas, e.g. 1,10")
        }
        return values.compactMap { $0 }
    }

    /// `humaneval: 5/6 tasks passed; pass@1 41.7 %, 2 unavailable` followed by `ending`.
    static func summaryLine(_ result: PythonScoreResult, benchmark: BenchmarkName, ending: String) -> String {
        let passed = result.availableTasks.filter { $0.correct > 0 }.count
        let figures = result.ks.map { k in
            "pass@\(k) " + (result.passAtK(k).map { String(format: "%.1f", $0 * 100) } ?? "–") + " %"
        }
        var line = "\(benchmark.rawValue): \(passed)/\(result.availableTasks.count) tasks passed; "
        line += figures.joined(separator: ", ")
        let unavailable = result.tasks.count - result.availableTasks.count
        if unavailable > 0 { line += ", \(unavailable) unavailable" }
        return line + "; " + ending
    }
}

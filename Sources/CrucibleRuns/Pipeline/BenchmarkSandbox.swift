public import CrucibleBenchmarks
public import CruciblePython
import Foundation

extension PythonSandbox.Options {
    /// The sandbox a Python benchmark runs in, the same for `score`, `run`, `merge` and the tests: the benchmark's
    /// preloaded libraries, optional modules and warm-up (`Benchmark+Python.swift`). `seabornData` falls back to
    /// `$SEABORN_DATA`; `executable` is the `crucible` binary the workers are started from.
    public static func benchmark(
        _ benchmark: Benchmark, executable: String, pythonPaths: [String] = [], seabornData: String? = nil,
        workers: Int? = nil, limits: SandboxLimits = SandboxLimits()
    ) -> PythonSandbox.Options {
        let absolute = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.path }
        let seaborn = (seabornData ?? ProcessInfo.processInfo.environment["SEABORN_DATA"]).map(absolute)
        var configuration = WorkerConfiguration(
            pythonPaths: pythonPaths.map(absolute), preload: benchmark.preload,
            optionalModules: benchmark.optionalModules, limits: limits, readablePaths: seaborn.map { [$0] } ?? [])
        configuration.warmUp = benchmark.warmUp
        var options = PythonSandbox.Options(
            executable: executable, workers: workers, configuration: configuration,
            environment: seaborn.map { ["SEABORN_DATA": $0] } ?? [:])
        options.preloadRoots = benchmark.preloadRoots
        return options
    }

    /// The executable the sandbox starts its workers from: `crucible-worker` beside this executable, which maps
    /// far fewer libraries than the command line (every program forks from a worker, and a fork's cost grows with
    /// what the process maps), else this executable itself in `worker` mode.
    public static var ownExecutable: String {
        let own =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let worker = URL(fileURLWithPath: own).deletingLastPathComponent().appendingPathComponent("crucible-worker")
            .path
        return FileManager.default.isExecutableFile(atPath: worker) ? worker : own
    }
}

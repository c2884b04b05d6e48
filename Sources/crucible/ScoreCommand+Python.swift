import ArgumentParser
import CrucibleBenchmarks
import CruciblePython
import CrucibleRuns
import Foundation

extension ScoreCommand {
    /// HumanEval and MBPP: answers run in the sandbox's worker processes (this executable in `worker` mode).
    func scorePython() throws {
        let tasks: [PythonTask]
        switch benchmark {
        case .humaneval: tasks = try PythonDatasetLoader.humanEval(dataset)
        case .ds1000: tasks = try PythonDatasetLoader.ds1000(dataset)
        default: tasks = try PythonDatasetLoader.mbpp(dataset)
        }
        let answers = try PythonAnswersReader.read(predictions, tasks: tasks)
        let absolute = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.path }
        let seaborn = (seabornData ?? ProcessInfo.processInfo.environment["SEABORN_DATA"]).map(absolute)
        let configuration = WorkerConfiguration(
            pythonPaths: pythonPaths.map(absolute), preload: benchmark.preload,
            optionalModules: benchmark == .ds1000 ? PythonDatasetLoader.ds1000OptionalModules : [],
            limits: SandboxLimits(memoryBytes: memoryLimit << 20), readablePaths: seaborn.map { [$0] } ?? [])
        var options = PythonSandbox.Options(
            executable: Self.ownExecutable, workers: workers, configuration: configuration,
            environment: seaborn.map { ["SEABORN_DATA": $0] } ?? [:])
        options.preloadRoots = benchmark.preloadRoots
        if benchmark == .ds1000 { options.configuration.warmUp = DS1000WarmUp.script }
        let sandbox = PythonSandbox(options: options)
        let job = try PythonScoreJob(
            benchmark: benchmark.rawValue, tasks: tasks, answers: answers, ks: try passAtK(), timeout: timeout,
            sandbox: sandbox)
        let progress = ProgressLine(label: "running programs")
        let result = job.run { done, total in progress.update(done: done, total: total) }
        progress.finish()
        let directory = outputDirectory
        let provenance = self.provenance
        try writeOutputs { try PythonScoreOutput.write(result, provenance: provenance, to: directory) }
        if json {
            print(PythonScoreOutput.summary(result, provenance: provenance).serialized(pretty: true))
        } else {
            let passed = result.availableTasks.filter { $0.correct > 0 }.count
            let figures = try passAtK().map { k in
                "pass@\(k) " + (result.passAtK(k).map { String(format: "%.1f", $0 * 100) } ?? "–") + " %"
            }
            var line = "\(benchmark.rawValue): \(passed)/\(result.availableTasks.count) tasks passed; "
            line += figures.joined(separator: ", ")
            let unavailable = result.tasks.count - result.availableTasks.count
            if unavailable > 0 { line += ", \(unavailable) unavailable" }
            print(line + "; report in \(directory)/report.md")
        }
    }

    /// This executable, which the sandbox starts again in `worker` mode.
    static var ownExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}

import ArgumentParser
import CrucibleBenchmarks
import CruciblePython
import CrucibleRuns
import Foundation

extension ScoreCommand {
    /// HumanEval and MBPP: answers run in the sandbox's worker processes (this executable in `worker` mode).
    func scorePython() throws {
        let tasks = try PythonBenchmarkSetup.tasks(benchmark, dataset: dataset)
        let answers = try PythonAnswersReader.read(predictions, tasks: tasks)
        let options = PythonBenchmarkSetup.sandboxOptions(
            benchmark, pythonPaths: pythonPaths, seabornData: seabornData, workers: workers,
            limits: SandboxLimits(memoryBytes: memoryLimit << 20))
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
            print(
                PythonBenchmarkSetup.summaryLine(
                    result, benchmark: benchmark, ending: "report in \(directory)/report.md"))
        }
    }

    /// This executable, which the sandbox starts again in `worker` mode.
    static var ownExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}

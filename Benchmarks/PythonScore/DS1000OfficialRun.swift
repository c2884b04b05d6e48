import Benchmark
import BenchmarkSupport
import Foundation

/// The official DS-1000 evaluator, started by the shell command in `DS1000_OFFICIAL_COMMAND` (its code is not
/// obtainable here, so how to start it is left to whoever has it); timed from start to exit, which must be 0.
final class DS1000OfficialRun: MeasuredWorkload {
    let paths: PythonPaths
    let samples = Samples()
    private var scratch: URL?

    init(paths: PythonPaths) {
        self.paths = paths
    }

    func prepare() throws {
        guard paths.ds1000OfficialCommand != nil else { throw BenchmarkFailure("DS1000_OFFICIAL_COMMAND is not set") }
        scratch = try makeScratchDirectory("ds1000-official")
    }

    func runOnce(_ benchmark: Benchmark) throws {
        guard let scratch, let command = paths.ds1000OfficialCommand else {
            throw BenchmarkFailure("setup did not run")
        }
        let stdoutFile = scratch.appendingPathComponent("stdout.txt")
        let stderrFile = scratch.appendingPathComponent("stderr.txt")
        var environment = PythonBenchmarkEnvironment.variables(paths)
        environment["DS1000_ANSWERS"] = paths.ds1000Answers.path
        benchmark.startMeasurement()
        let run = try spawnAndWait(
            "/bin/sh", arguments: ["-c", command], stdout: stdoutFile.path, stderr: stderrFile.path,
            environment: environment)
        benchmark.stopMeasurement()
        guard run.status == 0 else {
            let errors = (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
            throw BenchmarkFailure("DS1000_OFFICIAL_COMMAND exited with \(run.status)\n\(errors.suffix(2_000))")
        }
        if isMeasured(benchmark) {
            samples.seconds.append(run.seconds)
            samples.peakBytes.append(run.peakBytes)
            let output = (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? ""
            samples.note = String(output.split(separator: "\n").last ?? "")
        }
    }

    func cleanUp() {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }
}

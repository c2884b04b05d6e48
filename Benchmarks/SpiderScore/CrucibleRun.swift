import Benchmark
import BenchmarkSupport
import CrucibleSQL
import Foundation

/// `crucible score ... --allow-unavailable --out DIR` as a subprocess, checked for the expected verdict.
final class CrucibleRun: MeasuredWorkload {
    let paths: SuitePaths
    let samples = Samples()
    private var scratch: URL?

    init(paths: SuitePaths) {
        self.paths = paths
    }

    func prepare() throws {
        guard FileManager.default.isExecutableFile(atPath: paths.crucibleBinary.path) else {
            throw BenchmarkFailure(
                "no crucible binary at \(paths.crucibleBinary.path): run `swift build -c release` at the repository "
                    + "root first, or set CRUCIBLE_BIN")
        }
        scratch = try makeScratchDirectory("crucible")
    }

    func runOnce(_ benchmark: Benchmark) throws {
        guard let scratch else { throw BenchmarkFailure("setup did not run") }
        let out = scratch.appendingPathComponent("out-\(benchmark.currentIteration)", isDirectory: true)
        let arguments = [
            "score", "--benchmark", "spider", "--dataset", paths.datasetDirectory.path,
            "--predictions", paths.predictionsFile.path, "--allow-unavailable", "--out", out.path,
        ]
        let stdoutFile = scratch.appendingPathComponent("stdout-\(benchmark.currentIteration).txt")
        let stderrFile = scratch.appendingPathComponent("stderr-\(benchmark.currentIteration).txt")

        benchmark.startMeasurement()
        let run = try spawnAndWait(
            paths.crucibleBinary.path, arguments: arguments,
            stdout: stdoutFile.path, stderr: stderrFile.path)
        benchmark.stopMeasurement()

        let output = (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? ""
        let expected = "spider: \(SpiderSuite.expectedCorrect)/\(SpiderSuite.expectedScored) correct"
        guard run.status == 0, output.contains(expected) else {
            let errors = (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
            let message = """
                crucible score gave the wrong result: expected "\(expected)", exit status \(run.status)
                stdout: \(output.trimmingCharacters(in: .whitespacesAndNewlines))
                stderr: \(errors.suffix(2_000))
                """
            FileHandle.standardError.write(Data(("\nFAILED: " + message + "\n").utf8))
            throw BenchmarkFailure(message)
        }
        if isMeasured(benchmark) {
            samples.seconds.append(run.seconds)
            if let execution = Self.executionSeconds(in: out) {
                samples.executionSeconds.append(execution)
            }
            let line = output.split(separator: "\n").first { $0.contains(expected) } ?? ""
            samples.note = String(line.split(separator: ";").first ?? line)
        }
        try? FileManager.default.removeItem(at: out)
        try? FileManager.default.removeItem(at: stdoutFile)
        try? FileManager.default.removeItem(at: stderrFile)
    }

    func cleanUp() {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }

    private static func executionSeconds(in out: URL) -> Double? {
        guard let data = try? Data(contentsOf: out.appendingPathComponent("summary.json")),
            let summary = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return (summary["execution_seconds"] as? NSNumber)?.doubleValue
    }
}

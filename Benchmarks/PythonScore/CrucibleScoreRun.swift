import Benchmark
import BenchmarkSupport
import Foundation

/// `crucible score` on a Python benchmark as a subprocess (spawn to exit), its output checked after every
/// iteration, warm-ups included, so that a fast but wrong build fails the benchmark.
final class CrucibleScoreRun: MeasuredWorkload {
    let samples = Samples()
    private let label: String
    private let binary: URL
    private let prepareInputs: (URL) throws -> [String]
    private let check: (_ out: URL, _ stdout: String) throws -> String
    private var scratch: URL?
    private var arguments: [String] = []

    /// `prepareInputs` writes what the run needs into the scratch directory and returns the arguments after
    /// `score`; `check` validates one run's output folder and standard output and returns a one-line note.
    init(
        label: String, binary: URL, prepareInputs: @escaping (URL) throws -> [String],
        check: @escaping (_ out: URL, _ stdout: String) throws -> String
    ) {
        self.label = label
        self.binary = binary
        self.prepareInputs = prepareInputs
        self.check = check
    }

    func prepare() throws {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw BenchmarkFailure(
                "no crucible binary at \(binary.path): run `swift build -c release` at the repository root first, "
                    + "or set CRUCIBLE_BIN")
        }
        let directory = try makeScratchDirectory(label)
        scratch = directory
        arguments = try prepareInputs(directory)
    }

    func runOnce(_ benchmark: Benchmark) throws {
        guard let scratch else { throw BenchmarkFailure("setup did not run") }
        let out = scratch.appendingPathComponent("out-\(benchmark.currentIteration)", isDirectory: true)
        let stdoutFile = scratch.appendingPathComponent("stdout.txt")
        let stderrFile = scratch.appendingPathComponent("stderr.txt")
        benchmark.startMeasurement()
        let run = try spawnAndWait(
            binary.path, arguments: ["score"] + arguments + ["--out", out.path], stdout: stdoutFile.path,
            stderr: stderrFile.path)
        benchmark.stopMeasurement()
        let output = (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? ""
        guard run.status == 0 else {
            let errors = (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
            throw BenchmarkFailure("crucible score exited with \(run.status)\n\(output)\n\(errors.suffix(2_000))")
        }
        let note = try check(out, output)
        if isMeasured(benchmark) {
            samples.seconds.append(run.seconds)
            samples.peakBytes.append(run.peakBytes)
            samples.note = note
        }
        try? FileManager.default.removeItem(at: out)
    }

    func cleanUp() {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }
}

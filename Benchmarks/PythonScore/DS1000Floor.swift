import Benchmark
import BenchmarkSupport
import Foundation

/// warm_floor.py on the programs crucible runs: the same interpreter, environment and libraries, two processes,
/// no isolation. Its verdicts are only reported (without isolation one program can change another's result).
final class DS1000Floor: MeasuredWorkload {
    let paths: PythonPaths
    let samples = Samples()
    private var scratch: URL?
    private var programsFile: URL?
    private var programCount = 0
    static let processes = 2
    static let timeout = 120.0

    init(paths: PythonPaths) {
        self.paths = paths
    }

    func prepare() throws {
        guard FileManager.default.isExecutableFile(atPath: paths.floorPython) else {
            throw BenchmarkFailure("no interpreter at \(paths.floorPython) (set FLOOR_PYTHON)")
        }
        let directory = try makeScratchDirectory("ds1000-floor")
        scratch = directory
        let file = directory.appendingPathComponent("programs.jsonl")
        programCount = try DS1000Programs.write(dataset: paths.ds1000Dataset, answers: paths.ds1000Answers, to: file)
        programsFile = file
    }

    func runOnce(_ benchmark: Benchmark) throws {
        guard let scratch, let programsFile else { throw BenchmarkFailure("setup did not run") }
        let stdoutFile = scratch.appendingPathComponent("stdout.txt")
        let stderrFile = scratch.appendingPathComponent("stderr.txt")
        let script = paths.sourceDirectory.appendingPathComponent("warm_floor.py")
        benchmark.startMeasurement()
        let run = try spawnAndWait(
            paths.floorPython,
            arguments: [
                "-S", script.path, programsFile.path, String(Self.processes), String(Self.timeout),
                paths.ds1000PythonPath.path,
            ],
            stdout: stdoutFile.path, stderr: stderrFile.path, environment: PythonBenchmarkEnvironment.variables(paths))
        benchmark.stopMeasurement()
        let output = (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? ""
        let line = output.split(separator: "\n").last.map(String.init) ?? ""
        guard run.status == 0,
            let result = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
            (result["programs"] as? Int) == programCount
        else {
            let errors = (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
            throw BenchmarkFailure("the floor did not finish (exit \(run.status)): \(line)\n\(errors.suffix(2_000))")
        }
        if isMeasured(benchmark) {
            samples.seconds.append(run.seconds)
            samples.peakBytes.append(run.peakBytes)
            samples.note =
                "\(result["passed"] ?? "?") passed, \(result["failed"] ?? "?") failed, \(result["died"] ?? "?") died; "
                + "CPU \(result["cpu_seconds"] ?? "?") s"
        }
    }

    func cleanUp() {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }
}

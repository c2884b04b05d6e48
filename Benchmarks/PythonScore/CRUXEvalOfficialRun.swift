import Benchmark
import BenchmarkSupport
import Foundation

/// facebookresearch/cruxeval's `evaluate_generations.py` on Code Llama 7B's 8,000 output generations, through
/// run_cruxeval.py; its scored file must hold the published verdicts.
final class CRUXEvalOfficialRun: MeasuredWorkload {
    let paths: PythonPaths
    let samples = Samples()
    private var scratch: URL?
    private var published: [String: [Bool]] = [:]

    init(paths: PythonPaths) {
        self.paths = paths
    }

    func prepare() throws {
        guard let directory = paths.cruxevalDirectory else { throw BenchmarkFailure("CRUXEVAL_DIR is not set") }
        for file in ["evaluation/evaluate_generations.py", "data/cruxeval.jsonl"] {
            guard FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path) else {
                throw BenchmarkFailure("CRUXEVAL_DIR=\(directory.path) holds no \(file)")
            }
        }
        published = try CRUXEvalVerdicts.published(paths.cruxevalScored)
        let folder = try makeScratchDirectory("cruxeval-official")
        scratch = folder
        // The scorer takes its mode from the path ("input" anywhere in it means input prediction).
        try FileManager.default.copyItem(
            at: paths.cruxevalGenerations, to: folder.appendingPathComponent("output-generations.json"))
    }

    func runOnce(_ benchmark: Benchmark) throws {
        guard let scratch, let directory = paths.cruxevalDirectory else { throw BenchmarkFailure("setup did not run") }
        let scored = scratch.appendingPathComponent("scored-\(benchmark.currentIteration).json")
        let stdoutFile = scratch.appendingPathComponent("stdout.txt")
        let stderrFile = scratch.appendingPathComponent("stderr.txt")
        let script = paths.sourceDirectory.appendingPathComponent("run_cruxeval.py")
        benchmark.startMeasurement()
        let run = try spawnAndWait(
            paths.python,
            arguments: [
                script.path, directory.path, scratch.appendingPathComponent("output-generations.json").path,
                scored.path,
            ],
            stdout: stdoutFile.path, stderr: stderrFile.path)
        benchmark.stopMeasurement()
        let output = (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? ""
        let line = output.split(separator: "\n").last.map(String.init) ?? ""
        guard run.status == 0,
            let figures = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Double]
        else {
            let errors = (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
            throw BenchmarkFailure(
                "evaluate_generations.py failed (exit \(run.status)): \(line)\n\(errors.suffix(2_000))")
        }
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: scored)) as? [String: Any]
        let verdicts = object?["raw_scored_generations"] as? [String: [Bool]] ?? [:]
        let note = try CRUXEvalVerdicts.check(verdicts, against: published, who: "the official scorer")
        let passAt1 = String(format: "%.1f", figures["pass@1"] ?? 0)
        let passAt5 = String(format: "%.1f", figures["pass@5"] ?? 0)
        guard passAt1 == "34.2", passAt5 == "40.3" else {
            throw BenchmarkFailure("the official scorer reported pass@1 \(passAt1), pass@5 \(passAt5), not 34.2, 40.3")
        }
        if isMeasured(benchmark) {
            samples.seconds.append(run.seconds)
            samples.peakBytes.append(run.peakBytes)
            samples.note = "pass@1 \(passAt1), pass@5 \(passAt5); \(note)"
        }
        try? FileManager.default.removeItem(at: scored)
    }

    func cleanUp() {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }
}

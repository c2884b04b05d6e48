import Benchmark
import BenchmarkSupport
import CrucibleSQL
import Foundation

/// test-suite-sql-eval's `evaluation.py --etype exec` on the 972 tasks, through run_official_eval.py.
final class OfficialRun: MeasuredWorkload {
    let paths: SuitePaths
    let samples = Samples()
    private var scratch: URL?

    init(paths: SuitePaths) {
        self.paths = paths
    }

    var shim: URL { paths.sourceDirectory.appendingPathComponent("run_official_eval.py") }

    func prepare() throws {
        guard let evaluator = paths.evaluatorDirectory else { throw BenchmarkFailure("SPIDER_EVAL_DIR is not set") }
        guard FileManager.default.fileExists(atPath: evaluator.appendingPathComponent("evaluation.py").path) else {
            throw BenchmarkFailure("SPIDER_EVAL_DIR=\(evaluator.path) holds no evaluation.py")
        }
        let scratch = try makeScratchDirectory("official")
        self.scratch = scratch
        // The official inputs, restricted to the tasks whose database exists: dev_gold.sql lines and predictions.
        let spider = try SpiderTasks(paths: paths)
        let goldLines = try SpiderTasks.lines(of: paths.datasetDirectory.appendingPathComponent("dev_gold.sql"))
        guard goldLines.count >= spider.totalCount else {
            throw BenchmarkFailure("dev_gold.sql has \(goldLines.count) lines for \(spider.totalCount) questions")
        }
        let gold = spider.tasks.map { goldLines[$0.index] }
        let predictions = spider.tasks.map(\.prediction)
        try (gold.joined(separator: "\n") + "\n").write(
            to: scratch.appendingPathComponent("gold.sql"), atomically: true, encoding: .utf8)
        try (predictions.joined(separator: "\n") + "\n").write(
            to: scratch.appendingPathComponent("pred.txt"), atomically: true, encoding: .utf8)
    }

    func runOnce(_ benchmark: Benchmark) throws {
        guard let scratch, let evaluator = paths.evaluatorDirectory else { throw BenchmarkFailure("setup did not run") }
        let arguments = [
            shim.path, evaluator.path,
            "--gold", scratch.appendingPathComponent("gold.sql").path,
            "--pred", scratch.appendingPathComponent("pred.txt").path,
            "--db", paths.datasetDirectory.appendingPathComponent("database").path,
            "--table", paths.datasetDirectory.appendingPathComponent("tables.json").path,
            "--etype", "exec",
        ]
        let stdoutFile = scratch.appendingPathComponent("stdout.txt")
        let stderrFile = scratch.appendingPathComponent("stderr.txt")

        benchmark.startMeasurement()
        let run = try spawnAndWait(
            paths.python, arguments: arguments, stdout: stdoutFile.path, stderr: stderrFile.path)
        benchmark.stopMeasurement()

        let output = (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? ""
        let correct = Self.correctCount(in: output)
        guard run.status == 0, correct == SpiderSuite.expectedCorrect else {
            let errors = (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
            let message = """
                official evaluation.py: exit status \(run.status), \(correct.map(String.init) ?? "no") correct \
                (expected \(SpiderSuite.expectedCorrect)); is `pip install sqlparse nltk tqdm` done?
                stdout tail: \(output.suffix(1_000))
                stderr tail: \(errors.suffix(2_000))
                """
            FileHandle.standardError.write(Data(("\nFAILED: " + message + "\n").utf8))
            throw BenchmarkFailure(message)
        }
        if isMeasured(benchmark) {
            samples.seconds.append(run.seconds)
            samples.note = "\(correct ?? 0)/\(SpiderSuite.expectedScored) correct"
        }
    }

    func cleanUp() {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }

    /// The number of correct tasks from the "count" and "execution" rows of the printed table (last column: all).
    static func correctCount(in output: String) -> Int? {
        func lastNumber(ofRow name: String) -> Double? {
            output.split(separator: "\n").last { $0.hasPrefix(name + " ") }
                .flatMap { $0.split(separator: " ").last }.flatMap { Double($0) }
        }
        guard let count = lastNumber(ofRow: "count"), let accuracy = lastNumber(ofRow: "execution") else { return nil }
        return Int((count * accuracy).rounded())
    }
}

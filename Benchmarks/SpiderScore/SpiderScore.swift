// Spider dev scoring speed: `crucible score` against the official test-suite-sql-eval evaluator and against the
// execution floor (the bare cost of running every gold and predicted query once on already-open connections).
//
// The ordo-one runner executes each benchmark in its own process, so each benchmark records the wall time of its
// measured iterations in a directory shared by one `swift package benchmark` run (keyed on the runner's process);
// the last benchmark to finish prints the medians, the two ratios and whether each goal is met.

import Benchmark
import CrucibleSQL
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

let benchmarks: @Sendable () -> Void = {
    let suite = SpiderSuite()

    suite.register(
        SpiderSuite.crucibleName, key: SpiderSuite.crucibleKey, workload: suite.crucible,
        configuration: .init(
            metrics: [.wallClock], timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(300),
            maxIterations: 10))

    suite.register(
        SpiderSuite.floorName, key: SpiderSuite.floorKey, workload: suite.floor,
        configuration: .init(
            metrics: [.wallClock, .cpuTotal, .mallocCountTotal], timeUnits: .milliseconds, warmupIterations: 1,
            maxDuration: .seconds(300), maxIterations: 20))

    if suite.paths.evaluatorDirectory != nil {
        suite.register(
            SpiderSuite.officialName, key: SpiderSuite.officialKey, workload: suite.official,
            configuration: .init(
                metrics: [.wallClock], timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(600),
                maxIterations: 3))
    }
}

// MARK: - Suite

/// What the three benchmarks share: paths, the expected verdict, and the cross-process result store.
final class SpiderSuite {
    static let crucibleName = "crucible score (DAIL-SQL, 972 tasks)"
    static let floorName = "execution floor (1944 queries, open connections)"
    static let officialName = "official evaluation.py --etype exec"
    static let crucibleKey = "crucible"
    static let floorKey = "floor"
    static let officialKey = "official"

    /// DAIL-SQL + GPT-4 on the 972 Spider dev tasks whose database exists (the official evaluator's verdict).
    static let expectedCorrect = 809
    static let expectedScored = 972

    static let officialGoal = 20.0
    static let floorGoal = 2.0

    let paths: SuitePaths
    let store: RunStore
    let crucible: CrucibleRun
    let floor: ExecutionFloor
    let official: OfficialRun

    init() {
        paths = SuitePaths()
        store = RunStore()
        crucible = CrucibleRun(paths: paths)
        floor = ExecutionFloor(paths: paths)
        official = OfficialRun(paths: paths)
    }

    /// The result keys this run is expected to produce, in benchmark execution order.
    var expectedKeys: [String] {
        paths.evaluatorDirectory == nil
            ? [Self.crucibleKey, Self.floorKey] : [Self.crucibleKey, Self.floorKey, Self.officialKey]
    }

    /// Registers one benchmark. A failure in its setup or in any iteration is recorded, so the summary can say so,
    /// and rethrown, which makes the ordo-one runner report the benchmark as failed and exit non-zero.
    func register(
        _ name: String, key: String, workload: some SpiderWorkload, configuration: Benchmark.Configuration
    ) {
        Benchmark(name, configuration: configuration) { benchmark in
            do {
                try workload.runOnce(benchmark)
            } catch {
                workload.samples.failure = "\(error)"
                exitWithFailureStatus()
                throw error
            }
        } setup: {
            do {
                try workload.prepare()
            } catch {
                workload.samples.failure = "\(error)"
                exitWithFailureStatus()
                try? self.finish(key, samples: workload.samples)
                throw error
            }
        } teardown: {
            workload.cleanUp()
            try self.finish(key, samples: workload.samples)
        }
    }

    /// Records one benchmark's samples; prints the summary once every expected benchmark has reported, or when the
    /// last benchmark of the run finishes without the others (e.g. under `--filter`).
    func finish(_ key: String, samples: Samples) throws {
        try store.write(key, samples: samples)
        let recorded = store.readAll()
        let complete = expectedKeys.allSatisfy { recorded[$0] != nil }
        guard complete || key == expectedKeys.last else { return }
        let summary = Summary(
            crucible: recorded[Self.crucibleKey], floor: recorded[Self.floorKey],
            official: recorded[Self.officialKey], evaluatorDirectory: paths.evaluatorDirectory)
        print(summary.render())
        store.remove()
        if ProcessInfo.processInfo.environment["SPIDER_BENCH_ENFORCE_GOALS"] == "1", summary.allGoalsMet == false {
            exitWithFailureStatus()
            throw BenchmarkFailure("a speed goal was missed (SPIDER_BENCH_ENFORCE_GOALS=1)")
        }
    }
}

/// Where everything is. Relative overrides are resolved against the Benchmarks/ directory.
struct SuitePaths: Sendable {
    /// `<repo>/Benchmarks`
    let benchmarksDirectory: URL
    /// `<repo>/Benchmarks/SpiderScore`
    let sourceDirectory: URL
    let datasetDirectory: URL
    let predictionsFile: URL
    let crucibleBinary: URL
    /// The directory holding test-suite-sql-eval's evaluation.py (`SPIDER_EVAL_DIR`), nil when unset.
    let evaluatorDirectory: URL?
    let python: String

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let benchmarks = source.deletingLastPathComponent()
        sourceDirectory = source
        benchmarksDirectory = benchmarks
        let shared = benchmarks.appendingPathComponent("../../shared/datasets").standardizedFileURL
        func path(_ variable: String, default fallback: URL) -> URL {
            guard let value = environment[variable], value.isEmpty == false else { return fallback }
            return URL(fileURLWithPath: value, relativeTo: benchmarks).standardizedFileURL
        }
        datasetDirectory = path("SPIDER_DATASET", default: shared.appendingPathComponent("spider"))
        predictionsFile = path(
            "SPIDER_PREDICTIONS", default: shared.appendingPathComponent("spider-predictions/dail-sql-gpt4.txt"))
        crucibleBinary = path(
            "CRUCIBLE_BIN",
            default: benchmarks.appendingPathComponent("../.build/release/crucible").standardizedFileURL)
        if let evaluator = environment["SPIDER_EVAL_DIR"], evaluator.isEmpty == false {
            evaluatorDirectory = URL(fileURLWithPath: evaluator, relativeTo: benchmarks).standardizedFileURL
        } else {
            evaluatorDirectory = nil
        }
        python = environment["PYTHON"].flatMap { $0.isEmpty ? nil : $0 } ?? "python3"
    }
}

/// Makes this benchmark process exit with status 70 once the runner has reported the failure and returns.
///
/// The ordo-one tool reports a benchmark that failed through `Benchmark.error` but still exits 0 from a plain run; a
/// child process that exits non-zero is counted as a failed run and makes `swift package benchmark` exit non-zero, so
/// a wrong verdict fails `make benchmark` loudly.
func exitWithFailureStatus() {
    atexit { _exit(70) }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

// MARK: - Samples and the cross-process store

/// One of the three measured workloads.
protocol SpiderWorkload: AnyObject {
    var samples: Samples { get }
    /// Untimed preparation, run once before the iterations.
    func prepare() throws
    /// One iteration; times its own measured region and appends it to `samples` unless it is a warm-up iteration.
    func runOnce(_ benchmark: Benchmark) throws
    /// Removes what `prepare` and the iterations left on disk.
    func cleanUp()
}

/// Wall times of the measured (non-warm-up) iterations of one benchmark, plus an optional secondary series.
final class Samples: Codable {
    var seconds: [Double] = []
    /// Why the benchmark failed, if it did; its figures are then left out of the ratios.
    var failure: String?
    /// crucible only: the `execution_seconds` its summary.json reported for each measured run.
    var executionSeconds: [Double] = []
    var note: String = ""

    var median: Double? { failure == nil ? Self.median(seconds) : nil }

    static func median(_ values: [Double]) -> Double? {
        guard values.isEmpty == false else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }
}

/// Whether the current call of the benchmark closure is a measured iteration (not a warm-up one).
func isMeasured(_ benchmark: Benchmark) -> Bool {
    benchmark.currentIteration >= benchmark.configuration.warmupIterations
}

/// A directory shared by the benchmark processes of one run: the ordo-one tool starts one process per benchmark,
/// all children of the same tool process, so the key is that parent's pid and start time. When the benchmark
/// executable is run directly (all benchmarks in one process), the key is this process instead.
struct RunStore {
    let directory: URL

    init() {
        let spawnedByTool = CommandLine.arguments.contains("--input-fd")
        let owner = spawnedByTool ? getppid() : getpid()
        let key = "\(owner)-\(Self.startTime(of: owner))"
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("crucible-spider-benchmark-\(key)", isDirectory: true)
    }

    /// The process start time in clock ticks since boot (field 22 of /proc/PID/stat), "0" where unavailable.
    private static func startTime(of pid: pid_t) -> String {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let closing = stat.lastIndex(of: ")")
        else { return "0" }
        let fields = stat[stat.index(after: closing)...].split(separator: " ")
        return fields.count > 19 ? String(fields[19]) : "0"
    }

    func write(_ key: String, samples: Samples) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try JSONEncoder().encode(samples).write(to: directory.appendingPathComponent("\(key).json"), options: .atomic)
    }

    func readAll() -> [String: Samples] {
        var result: [String: Samples] = [:]
        for key in [SpiderSuite.crucibleKey, SpiderSuite.floorKey, SpiderSuite.officialKey] {
            let file = directory.appendingPathComponent("\(key).json")
            if let data = try? Data(contentsOf: file), let samples = try? JSONDecoder().decode(Samples.self, from: data)
            {
                result[key] = samples
            }
        }
        return result
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

// MARK: - Spider data

/// The Spider dev tasks whose database exists, with their DAIL-SQL prediction.
struct SpiderTasks {
    struct Task {
        let index: Int
        let databaseID: String
        let databasePath: String
        let gold: String
        let prediction: String
    }

    private struct DevEntry: Decodable {
        let databaseID: String
        let query: String

        enum CodingKeys: String, CodingKey {
            case databaseID = "db_id"
            case query
        }
    }

    let tasks: [Task]
    let totalCount: Int

    init(paths: SuitePaths) throws {
        let dev = try JSONDecoder().decode(
            [DevEntry].self, from: Data(contentsOf: paths.datasetDirectory.appendingPathComponent("dev.json")))
        let predictions = try Self.lines(of: paths.predictionsFile)
        guard predictions.count >= dev.count else {
            throw BenchmarkFailure(
                "\(paths.predictionsFile.path): \(predictions.count) lines for \(dev.count) dev.json questions")
        }
        let databases = paths.datasetDirectory.appendingPathComponent("database")
        var tasks: [Task] = []
        for (index, entry) in dev.enumerated() {
            let database = databases.appendingPathComponent("\(entry.databaseID)/\(entry.databaseID).sqlite").path
            guard FileManager.default.fileExists(atPath: database) else { continue }
            tasks.append(
                Task(
                    index: index, databaseID: entry.databaseID, databasePath: database, gold: entry.query,
                    prediction: predictions[index]))
        }
        self.tasks = tasks
        totalCount = dev.count
    }

    /// The lines of a text file, without line terminators and without the empty piece after a final newline.
    static func lines(of file: URL) throws -> [String] {
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
    }
}

// MARK: - crucible score

/// `crucible score ... --allow-unavailable --out DIR` as a subprocess, checked for the expected verdict.
final class CrucibleRun: SpiderWorkload {
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

// MARK: - Execution floor

/// Every gold query and every prediction of the 972 tasks executed once, single-threaded, on connections opened
/// beforehand: the least any execution-based scorer has to spend.
final class ExecutionFloor: SpiderWorkload {
    let paths: SuitePaths
    let samples = Samples()
    private var connections: [String: SQLiteConnection] = [:]
    /// (connection, SQL, is gold), in task order: gold then prediction.
    private var workload: [(connection: SQLiteConnection, sql: String, isGold: Bool)] = []

    static let timeout = 30.0
    static let rowCap = 1_000_000

    init(paths: SuitePaths) {
        self.paths = paths
    }

    func prepare() throws {
        let spider = try SpiderTasks(paths: paths)
        for task in spider.tasks where connections[task.databaseID] == nil {
            do {
                connections[task.databaseID] = try SQLiteConnection(readOnlyPath: task.databasePath)
            } catch {
                throw BenchmarkFailure("cannot open \(task.databasePath): \(error)")
            }
        }
        workload = spider.tasks.flatMap { task -> [(connection: SQLiteConnection, sql: String, isGold: Bool)] in
            let connection = connections[task.databaseID]!
            return [(connection, task.gold, true), (connection, task.prediction, false)]
        }
        guard spider.tasks.count == SpiderSuite.expectedScored else {
            throw BenchmarkFailure(
                "\(spider.tasks.count) tasks have a database, expected \(SpiderSuite.expectedScored)")
        }
    }

    func cleanUp() {}

    func runOnce(_ benchmark: Benchmark) throws {
        var failedGolds = 0
        var failedPredictions = 0
        var rows = 0
        let start = ContinuousClock.now
        for item in workload {
            let outcome = item.connection.execute(item.sql, timeout: Self.timeout, rowCap: Self.rowCap)
            if let table = outcome.table {
                rows &+= table.rows.count
            } else if item.isGold {
                failedGolds += 1
            } else {
                failedPredictions += 1
            }
        }
        let elapsed = start.duration(to: .now)
        benchmark.stopMeasurement()
        blackHole(rows)

        guard failedGolds == 0 else {
            throw BenchmarkFailure("\(failedGolds) gold queries failed on the execution floor")
        }
        if isMeasured(benchmark) {
            samples.seconds.append(elapsed.seconds)
            samples.note =
                "\(workload.count) executions on \(connections.count) connections, "
                + "\(failedPredictions) predictions failed, \(rows) rows"
        }
    }
}

// MARK: - Official evaluator

/// test-suite-sql-eval's `evaluation.py --etype exec` on the 972 tasks, through run_official_eval.py.
final class OfficialRun: SpiderWorkload {
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

// MARK: - Summary

struct Summary {
    let crucible: Samples?
    let floor: Samples?
    let official: Samples?
    let evaluatorDirectory: URL?

    var officialRatio: Double? {
        guard let official = official?.median, let crucible = crucible?.median, crucible > 0 else { return nil }
        return official / crucible
    }

    var floorRatio: Double? {
        guard let crucible = crucible?.median, let floor = floor?.median, floor > 0 else { return nil }
        return crucible / floor
    }

    var allGoalsMet: Bool {
        (officialRatio.map { $0 >= SpiderSuite.officialGoal } ?? true)
            && (floorRatio.map { $0 <= SpiderSuite.floorGoal } ?? true)
    }

    func render() -> String {
        let rule = String(repeating: "=", count: 100)
        var lines = [
            "", rule,
            "Spider dev, DAIL-SQL (GPT-4) predictions: crucible score vs official evaluator vs execution floor",
            rule,
        ]
        lines.append(row("crucible score", crucible, detail: crucibleDetail))
        lines.append(row("execution floor", floor, detail: floor?.note ?? ""))
        if let evaluatorDirectory {
            lines.append(row("official evaluation.py", official, detail: official?.note ?? "not measured in this run"))
            lines.append("  (evaluator: \(evaluatorDirectory.path))")
        } else {
            lines.append(
                "official evaluation.py     skipped: SPIDER_EVAL_DIR is not set (the directory of evaluation.py)")
        }
        lines.append("")
        if let ratio = officialRatio, let crucibleMedian = crucible?.median, let officialMedian = official?.median {
            let met = ratio >= SpiderSuite.officialGoal
            let needed = officialMedian / SpiderSuite.officialGoal
            lines.append(
                "official / crucible  \(format(ratio, digits: 1))x   goal >= \(format(SpiderSuite.officialGoal))x   "
                    + (met
                        ? "MET"
                        : "NOT MET: crucible needs <= \(milliseconds(needed)), "
                            + "\(format((1 - needed / crucibleMedian) * 100))% faster"))
        } else {
            lines.append(
                "official / crucible  n/a ("
                    + (evaluatorDirectory == nil ? "official comparison skipped" : "not measured in this run") + ")")
        }
        if let ratio = floorRatio, let crucibleMedian = crucible?.median, let floorMedian = floor?.median {
            let met = ratio <= SpiderSuite.floorGoal
            let needed = floorMedian * SpiderSuite.floorGoal
            lines.append(
                "crucible / floor     \(format(ratio, digits: 2))x   goal <= \(format(SpiderSuite.floorGoal))x    "
                    + (met
                        ? "MET"
                        : "NOT MET: crucible needs <= \(milliseconds(needed)), "
                            + "\(format((1 - needed / crucibleMedian) * 100))% faster"))
        } else {
            lines.append("crucible / floor     n/a (not measured in this run)")
        }
        lines.append(rule)
        lines.append("")
        return lines.joined(separator: "\n")
    }

    private var crucibleDetail: String {
        guard let crucible else { return "" }
        var parts = [crucible.note]
        if let execution = Samples.median(crucible.executionSeconds) {
            parts.append("its execution_seconds median \(milliseconds(execution))")
        }
        return parts.joined(separator: "; ")
    }

    private func row(_ name: String, _ samples: Samples?, detail: String) -> String {
        let padded = name.padding(toLength: 26, withPad: " ", startingAt: 0)
        guard let samples else { return padded + " not measured in this run" }
        if let failure = samples.failure {
            return padded + " FAILED: " + (failure.split(separator: "\n").first.map(String.init) ?? failure)
        }
        guard let median = samples.median else { return padded + " not measured in this run" }
        let low = milliseconds(samples.seconds.min() ?? median)
        let high = milliseconds(samples.seconds.max() ?? median)
        let spread = "\(samples.seconds.count) runs, \(low) – \(high)"
        let medianText = milliseconds(median).leftPadded(to: 11)
        return "\(padded) median \(medianText)  (\(spread))  \(detail)"
    }

    private func milliseconds(_ seconds: Double) -> String {
        "\(format(seconds * 1_000, digits: 1)) ms"
    }

    private func format(_ value: Double, digits: Int = 0) -> String {
        String(format: "%.\(digits)f", value)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

extension Duration {
    fileprivate var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}

// MARK: - Processes and files

func makeScratchDirectory(_ name: String) throws -> URL {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("crucible-spider-\(name)-\(getpid())", isDirectory: true)
    try? FileManager.default.removeItem(at: directory)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
}

struct ProcessRun {
    let status: Int32
    let seconds: Double
}

/// Runs `executable` (looked up in PATH when it has no slash; all paths passed to it are absolute) with stdout and
/// stderr sent to files, and waits for it with `waitpid`, timing spawn-to-exit with the monotonic clock.
///
/// Uses posix_spawn rather than Foundation's `Process`, whose `waitUntilExit` polls its run loop every 50 ms. The
/// malloc interposer that the benchmark runner preloads is removed from the child's `LD_PRELOAD`, so the measured
/// program runs as it would from a shell.
func spawnAndWait(
    _ executable: String, arguments: [String], stdout: String, stderr: String
) throws -> ProcessRun {
    var environment = ProcessInfo.processInfo.environment
    if let preload = environment["LD_PRELOAD"] {
        let kept = preload.split(separator: ":").filter {
            $0.contains("libMallocInterposerSwift") == false && $0.contains("libSwiftRuntimeInterposerSwift") == false
        }
        environment["LD_PRELOAD"] = kept.isEmpty ? nil : kept.joined(separator: ":")
    }

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }

    #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
    #else
        var actions = posix_spawn_file_actions_t()
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

    var pid: pid_t = 0
    let start = ContinuousClock.now
    let spawned = posix_spawnp(&pid, executable, &actions, nil, argv, envp)
    guard spawned == 0 else {
        throw BenchmarkFailure("cannot start \(executable): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 {
        guard errno == EINTR else { throw BenchmarkFailure("waitpid failed for \(executable)") }
    }
    let elapsed = start.duration(to: .now)
    let exited = status & 0x7f == 0
    return ProcessRun(status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), seconds: elapsed.seconds)
}

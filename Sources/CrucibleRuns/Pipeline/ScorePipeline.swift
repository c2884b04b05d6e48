public import CrucibleBenchmarks
public import CrucibleCore
import CruciblePython
public import CrucibleSQL
import Foundation

/// `crucible score` as a library: a predictions file judged against a benchmark by execution, outputs written to
/// a folder. No model and no run store: the answers are given.
public struct ScorePipeline: Sendable {
    public struct Options: Sendable {
        public var benchmark: Benchmark
        public var dataset: String
        public var questions = "dev.json"
        public var predictions: String
        /// Text-to-SQL: the predictions' format (nil: from the extension), the CSV column, a gold file.
        public var format: SQLPredictionFormat?
        public var column = "sql"
        public var gold: String?
        /// Nil: the benchmark's official rule.
        public var rules: [SQLRuleName]?
        public var keepDistinct = false
        public var timeout: Double?
        public var rowCap = 1_000_000
        public var heapLimitMiB: Int64 = 4096
        public var workers: Int?
        public var allowUnavailable = false
        public var checkGoldOrder = true
        public var ks = [1]
        public var pythonPaths: [String] = []
        public var seabornData: String?
        public var memoryLimitMiB: UInt64 = 8192
        /// Python: `--check-stability N`, every program also run under N other hash seeds.
        public var stabilityRuns: Int?
        public var workerExecutable: String
        public var outputDirectory: String?
        /// The command line, recorded in summary.json.
        public var commandLine: String?
        /// Which crucible judges, recorded in summary.json.
        public var harness: HarnessIdentity?

        public init(benchmark: Benchmark, dataset: String, predictions: String, workerExecutable: String) {
            self.benchmark = benchmark
            self.dataset = dataset
            self.predictions = predictions
            self.workerExecutable = workerExecutable
        }

        public var directory: String { outputDirectory ?? "Reports/score-\(benchmark.rawValue)" }
        public var effectiveTimeout: Double { timeout ?? benchmark.defaultTimeout }
    }

    /// What a score produced: the summary as JSON and as one line.
    public struct Outcome: Sendable {
        public var summary: JSONValue
        public var line: String
    }

    public var options: Options
    /// Queries or programs finished, of all.
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    public init(options: Options, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) {
        self.options = options
        self.progress = progress
    }

    public func run() throws -> Outcome {
        var provenance = SQLScoreOutput.Provenance(
            dataset: options.dataset, predictions: options.predictions, timeout: options.effectiveTimeout)
        provenance.commands = options.commandLine.map { [$0] } ?? []
        provenance.harness = options.harness
        let directory = options.directory
        if options.stabilityRuns != nil, options.benchmark.sqlKind != nil {
            throw RunError(
                .input,
                "--check-stability runs Python programs again under other hash seeds; \(options.benchmark.rawValue) "
                    + "is judged on SQLite")
        }
        if let kind = options.benchmark.sqlKind {
            var loaded = try kind.load(directory: options.dataset, questions: options.questions)
            if let gold = options.gold { try loaded.replaceGold(fromFile: gold) }
            provenance.datasetSHA256 = try FileHashes.sha256(loaded.questionsFile)
            provenance.goldSHA256 = try options.gold.map(FileHashes.sha256)
            provenance.databasesSHA256 = try FileHashes.databases(loaded.tasks, root: loaded.directory)
            let predicted = try SQLPredictionsReader.readWithFindings(
                options.predictions, format: options.format, csvColumn: options.column, dataset: loaded)
            let scoring = SQLScoreOptions(
                rules: options.rules ?? [kind == .spider ? .spider : .bird], keepDistinct: options.keepDistinct,
                limits: SQLExecutionLimits(
                    timeout: options.effectiveTimeout, rowCap: options.rowCap,
                    heapLimitBytes: options.heapLimitMiB << 20),
                workers: options.workers, allowUnavailable: options.allowUnavailable,
                checkGoldDeterminism: options.checkGoldOrder)
            let result = try SQLScoreJob(
                dataset: loaded, predictions: predicted.predictions, options: scoring, findings: predicted.findings
            ).run(progress: progress)
            try RunOutputs.writing(directory) {
                try SQLScoreOutput.write(result, provenance: provenance, to: directory)
            }
            let all = result.breakdown().all
            let accuracy = all.accuracy.map { String(format: "%.1f", $0 * 100) } ?? "–"
            var line = "\(options.benchmark.rawValue): \(all.passed)/\(all.scored) correct (\(accuracy) %)"
            if all.unavailable > 0 { line += ", \(all.unavailable) unavailable" }
            let findings = result.inputFindings.count
            if findings > 0 { line += ", \(findings) input finding\(findings == 1 ? "" : "s")" }
            return Outcome(
                summary: SQLScoreOutput.summary(result, provenance: provenance),
                line: line + "; report in \(directory)/report.md")
        }
        let tasks = try options.benchmark.pythonTasks(options.dataset) ?? []
        provenance.datasetSHA256 = try FileHashes.sha256(options.dataset)
        let answers = try PythonAnswersReader.read(options.predictions, tasks: tasks)
        let sandbox = PythonSandbox(
            options: .benchmark(
                options.benchmark, executable: options.workerExecutable, pythonPaths: options.pythonPaths,
                seabornData: options.seabornData, workers: options.workers,
                limits: SandboxLimits(memoryBytes: options.memoryLimitMiB << 20)))
        var job = try PythonScoreJob(
            benchmark: options.benchmark.rawValue, tasks: tasks, answers: answers, ks: options.ks,
            timeout: options.effectiveTimeout, sandbox: sandbox)
        job.stabilityCheck = options.stabilityRuns.map(StabilityCheck.init(extraRuns:))
        let result = job.run(progress: progress)
        try RunOutputs.writing(directory) { try PythonScoreOutput.write(result, provenance: provenance, to: directory) }
        return Outcome(
            summary: PythonScoreOutput.summary(result, provenance: provenance),
            line: result.summaryLine(ending: "report in \(directory)/report.md"))
    }
}

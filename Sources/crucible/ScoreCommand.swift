import ArgumentParser
import CrucibleBenchmarks
import CruciblePython
import CrucibleRuns

/// `crucible score`: a predictions file judged by execution.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score a predictions file against a benchmark by execution.",
        discussion: """
            Text-to-SQL: every prediction and gold query is executed read-only on the task's SQLite database(s) and \
            compared with the benchmark's official rule (spider: test-suite-sql-eval execution match; bird: set \
            equality). Python: every answer runs with the benchmark's tests in the sandbox. Writes results.jsonl, \
            summary.json and report.md to --out.
            """
    )

    @OptionGroup var benchmark: BenchmarkOptions
    @OptionGroup var judging: JudgingOptions
    @OptionGroup var execution: ExecutionOptions

    @Option(help: "The predictions: Spider pred.txt lines, BIRD predict_dev.json, CSV, JSONL; Python answers JSONL.")
    var predictions: String

    @Option(help: "Spider/BIRD: the predictions' format: lines, bird, csv or jsonl (default: from the extension).")
    var format: SQLPredictionFormat?

    @Option(help: "Spider/BIRD: the CSV column that holds the SQL.")
    var column = "sql"

    @Option(help: "Take gold queries from a dev_gold.sql file (SQL<TAB>db_id per line) instead of the questions file.")
    var gold: String?

    @Option(help: "Spider/BIRD: rows a query may return before it is stopped.")
    var rowCap = 1_000_000

    @Option(help: "Spider/BIRD: SQLite heap limit in MiB (0: none).")
    var heapLimit: Int64 = 4096

    @Flag(help: "Spider/BIRD: skip re-running order-dependent golds with the scan order reversed.")
    var noGoldOrderCheck = false

    @Option(help: "Python: memory limit per program in MiB.")
    var memoryLimit: UInt64 = 8192

    @Option(help: "Directory for results.jsonl, summary.json and report.md.")
    var out: String?

    @Flag(help: "Print the summary as JSON on standard output.")
    var json = false

    func validate() throws {
        if rowCap <= 0 { throw ValidationError("--row-cap must be positive") }
    }

    func run() throws {
        try CommandFailures.report(command: "score") {
            var options = ScorePipeline.Options(
                benchmark: benchmark.benchmark, dataset: benchmark.dataset, predictions: predictions,
                workerExecutable: PythonSandbox.Options.ownExecutable)
            options.questions = benchmark.questions
            options.format = format
            options.column = column
            options.gold = gold
            options.rules = try benchmark.benchmark.sqlKind.flatMap { try judging.chosenRules(for: $0) }
            options.keepDistinct = judging.keepDistinct
            options.timeout = execution.timeout
            options.rowCap = rowCap
            options.heapLimitMiB = heapLimit
            options.workers = execution.workers
            options.allowUnavailable = judging.allowUnavailable
            options.checkGoldOrder = !noGoldOrderCheck
            options.ks = try judging.ks()
            options.pythonPaths = execution.pythonPaths
            options.seabornData = execution.seabornData
            options.stabilityRuns = execution.checkStability
            options.memoryLimitMiB = memoryLimit
            options.outputDirectory = out
            options.commandLine = CommandLineText.current
            options.harness = .crucible
            let label = benchmark.benchmark.sqlKind == nil ? "running programs" : "executing queries"
            let progress = ProgressLine(label: label)
            let outcome = try ScorePipeline(options: options) { progress.update(done: $0, total: $1) }.run()
            progress.finish()
            print(json ? outcome.summary.serialized(pretty: true) : outcome.line)
        }
    }
}

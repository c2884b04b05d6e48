public import ArgumentParser
public import CrucibleBenchmarks
import CrucibleCore
import CrucibleRuns
public import CrucibleSQL
import Foundation

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score a predictions file against a benchmark by execution.",
        discussion: """
            Text-to-SQL: every prediction and gold query is executed read-only on the task's SQLite database(s) and \
            compared with the benchmark's official rule (spider: test-suite-sql-eval execution match; bird: set \
            equality). Writes results.jsonl, summary.json and report.md to --out.
            """
    )

    @Option(help: "The benchmark: spider, bird, humaneval, mbpp or ds1000.")
    var benchmark: BenchmarkName

    @Option(
        help: """
            Spider/BIRD: the benchmark's directory (dev.json, tables.json, database/; dev.json, dev_databases/). \
            Python: the problems file (HumanEval.jsonl.gz, mbpp.jsonl, sanitized-mbpp.json, ds1000.jsonl.gz).
            """)
    var dataset: String

    @Option(help: "The questions file inside --dataset.")
    var questions = "dev.json"

    @Option(help: "The predictions: Spider pred.txt lines, BIRD predict_dev.json, CSV, or JSONL {task_id, sql}.")
    var predictions: String

    @Option(help: "The predictions' format: lines, bird, csv or jsonl (default: from the file extension).")
    var format: SQLPredictionFormat?

    @Option(help: "The CSV column that holds the SQL.")
    var column = "sql"

    @Option(help: "Take gold queries from a dev_gold.sql file (SQL<TAB>db_id per line) instead of the questions file.")
    var gold: String?

    @Option(help: "The comparison rule: spider, bird, ordered or multiset (default: the benchmark's official rule).")
    var rule: SQLRuleName?

    @Option(help: "Score several rules in one pass: `all`, or a comma-separated list; the first is the primary one.")
    var rules: String?

    @Flag(help: "Spider rule: keep DISTINCT instead of removing it from both queries.")
    var keepDistinct = false

    @Option(
        name: .customLong("timeout"),
        help: "Seconds before a query or program is stopped (default: 30 for SQL, 10 HumanEval/MBPP, 120 DS-1000).")
    var timeoutOption: Double?

    var timeout: Double { timeoutOption ?? benchmark.defaultTimeout }

    @Option(help: "DS-1000: the folder of seaborn's datasets (default: $SEABORN_DATA).")
    var seabornData: String?

    @Option(help: "Rows a query may return before it is stopped.")
    var rowCap = 1_000_000

    @Option(help: "SQLite heap limit in MiB (0: none).")
    var heapLimit: Int64 = 4096

    @Option(help: "Worker threads (default: all cores).")
    var workers: Int?

    @Flag(help: "Score the tasks whose database exists and report the others as unavailable.")
    var allowUnavailable = false

    @Flag(help: "Skip re-running order-dependent golds with the scan order reversed.")
    var noGoldOrderCheck = false

    @Option(help: "Directory for results.jsonl, summary.json and report.md.")
    var out: String?

    @Flag(help: "Print the summary as JSON on standard output.")
    var json = false

    @Option(help: "Python: the k values of pass@k, comma-separated.")
    var k = "1"

    @Option(
        name: .customLong("python-path"),
        help: ArgumentHelp(
            "Python: a directory of cp311 packages put first on sys.path (repeatable).",
            discussion:
                "The directories then form the whole environment: the system's site packages (Debian's python3-*, "
                + "the default) are left out, so a pinned set such as .python/ds1000 is never mixed with them."))
    var pythonPaths: [String] = []

    @Option(help: "Python: memory limit per program in MiB.")
    var memoryLimit: UInt64 = 8192

    mutating func validate() throws {
        if rule != nil && rules != nil { throw ValidationError("give --rule or --rules, not both") }
        if let timeoutOption, timeoutOption <= 0 { throw ValidationError("--timeout must be positive") }
        if rowCap <= 0 { throw ValidationError("--row-cap must be positive") }
        if let workers, workers <= 0 { throw ValidationError("--workers must be positive") }
        if benchmark.sqlKind != nil {
            _ = try chosenRules()
        } else {
            _ = try passAtK()
        }
    }

    func passAtK() throws -> [Int] {
        try PythonBenchmarkSetup.ks(k)
    }

    var outputDirectory: String { out ?? "Reports/score-\(benchmark.rawValue)" }

    var provenance: SQLScoreOutput.Provenance {
        SQLScoreOutput.Provenance(dataset: dataset, predictions: predictions, timeout: timeout)
    }

    /// Writes the outputs; a folder that cannot be written is a clear error with its own exit status.
    func writeOutputs(_ write: () throws -> Void) throws {
        do {
            try write()
        } catch {
            FileHandle.standardError.write(
                Data(
                    "crucible: error: cannot write the results to \(outputDirectory): \(error.localizedDescription)\n"
                        .utf8))
            throw ExitCode(3)
        }
    }

    func chosenRules() throws -> [SQLRuleName] {
        try SQLRunSetup.rules(rules, rule: rule, kind: benchmark.sqlKind ?? .spider)
    }

    func run() throws {
        do {
            if benchmark.sqlKind != nil {
                try score()
            } else {
                try scorePython()
            }
        } catch let error as DatasetError {
            FileHandle.standardError.write(Data("crucible: error: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    private func score() throws {
        var loaded: SQLDataset
        switch benchmark.sqlKind {
        case .spider: loaded = try SpiderDatasetLoader.load(directory: dataset, questions: questions)
        default: loaded = try BIRDDatasetLoader.load(directory: dataset, questions: questions)
        }
        if let gold { try loaded.replaceGold(fromFile: gold) }
        let predicted = try SQLPredictionsReader.read(predictions, format: format, csvColumn: column, dataset: loaded)
        let options = SQLScoreOptions(
            rules: try chosenRules(), keepDistinct: keepDistinct,
            limits: SQLExecutionLimits(timeout: timeout, rowCap: rowCap, heapLimitBytes: heapLimit << 20),
            workers: workers, allowUnavailable: allowUnavailable, checkGoldDeterminism: !noGoldOrderCheck)
        let job = try SQLScoreJob(dataset: loaded, predictions: predicted, options: options)
        let progress = ProgressLine(label: "executing queries")
        let result = job.run(progress: { done, total in progress.update(done: done, total: total) })
        progress.finish()
        let directory = outputDirectory
        let provenance = self.provenance
        try writeOutputs { try SQLScoreOutput.write(result, provenance: provenance, to: directory) }
        if json {
            print(SQLScoreOutput.summary(result, provenance: provenance).serialized(pretty: true))
        } else {
            let all = result.breakdown().all
            let accuracy = all.accuracy.map { String(format: "%.1f", $0 * 100) } ?? "–"
            var line = "\(benchmark.rawValue): \(all.passed)/\(all.scored) correct (\(accuracy) %)"
            if all.unavailable > 0 { line += ", \(all.unavailable) unavailable" }
            print(line + "; report in \(directory)/report.md")
        }
    }
}

/// Every benchmark `--benchmark` accepts.
enum BenchmarkName: String, ExpressibleByArgument, CaseIterable {
    case spider, bird, humaneval, mbpp, ds1000

    /// Seconds per query or program when `--timeout` is not given: the official evaluators' values (SQL 30 s,
    /// DS-1000 120 s) and a forgiving 10 s for HumanEval/MBPP, whose own harness uses 3 s.
    var defaultTimeout: Double {
        switch self {
        case .spider, .bird: return 30
        case .humaneval, .mbpp: return 10
        case .ds1000: return 120
        }
    }

    /// Standard modules common in benchmark programs and free of import-time side effects.
    static let standardModules = [
        "typing", "math", "re", "collections", "heapq", "itertools", "functools", "string", "random", "bisect",
        "copy", "hashlib", "operator", "statistics", "fractions", "decimal", "datetime", "cmath", "array", "io",
        "tokenize", "textwrap", "pickle", "json",
    ]

    /// Libraries imported once per worker before programs fork from it: a module a program imports for itself
    /// costs its loading time in every child (`typing`, imported by a fifth of HumanEval's prompts, about 3 ms).
    var preload: [String] {
        switch self {
        case .ds1000:
            return ["numpy", "pandas", "scipy", "sklearn", "matplotlib", "seaborn", "statsmodels.api"]
                + Self.standardModules
        default: return Self.standardModules
        }
    }

    /// Top-level packages whose modules the workers also import when the programs do (`sklearn.svm`,
    /// `scipy.optimize`, `mpl_toolkits.mplot3d`); never torch or tensorflow, which start threads.
    var preloadRoots: Set<String> {
        switch self {
        case .ds1000:
            return Set(["numpy", "pandas", "scipy", "sklearn", "matplotlib", "seaborn", "statsmodels", "PIL", "yaml"])
                .union(["mpl_toolkits"]).union(Self.standardModules)
        default: return Set(Self.standardModules)
        }
    }

    var sqlKind: SQLBenchmarkKind? { SQLBenchmarkKind(rawValue: rawValue) }
}

extension SQLRuleName: ExpressibleByArgument {}
extension FewShotPool.Selection: ExpressibleByArgument {}
extension SQLPredictionFormat: ExpressibleByArgument {}

public import CrucibleBenchmarks
public import CrucibleSQL

/// Everything `crucible run` is asked to do: what identifies the run (it becomes its `RunConfiguration`) and how
/// to do it here (servers, workers, caches, folders), which may change between a run and its resumption.
public struct RunOptions: Sendable {
    public var benchmark: Benchmark
    /// Python: the problems file. Text-to-SQL: the benchmark's directory.
    public var dataset: String
    /// Text-to-SQL: the questions file inside `dataset`.
    public var questions = "dev.json"
    public var model: ModelSpecification
    public var modelVersion: String?
    /// The model version `modelVersion` was trained from.
    public var parentVersion: String?
    /// A task list written by `crucible split`: the run takes its tasks and records which side it is.
    public var tasksFile: String?
    public var sampling = SamplingSettings()
    public var selection = TaskSelection()
    /// Nil: `Reports/runs/<benchmark>-<model>`.
    public var runDirectory: String?
    public var promptTemplate: String?
    /// Write the prompts the run still needs to this file and stop.
    public var exportPrompts: String?
    /// Take the completions from this file (answers to exported prompts) instead of asking the model.
    public var importCompletions: String?
    public var ks = [1]
    /// Repair rounds after the first answers.
    public var refinement = RefinementOptions()
    /// Seconds per query or program; nil: the benchmark's default.
    public var timeout: Double?
    public var generationCache: GenerationCacheLocation = .default
    /// Text-to-SQL settings.
    public var fewShot: String?
    public var shots = 3
    public var shotSelection: FewShotPool.Selection = .similar
    public var exampleRows = 3
    /// Nil: the benchmark's official rule.
    public var rules: [SQLRuleName]?
    public var keepDistinct = false
    public var allowUnavailable = false
    /// CRUXEval: direct or chain-of-thought prompts, and whether the function is named but not shown.
    public var promptStyle: CRUXEvalPrompts.Style = .direct
    public var hidesCode = false
    /// Python: `--check-stability N`, the first answers' programs also run under N other hash seeds.
    public var stabilityRuns: Int?
    /// Python settings.
    public var pythonPaths: [String] = []
    public var seabornData: String?
    /// Sandbox workers or SQL threads; nil: every core.
    public var workers: Int?
    /// The `crucible` executable the Python sandbox starts its workers from.
    public var workerExecutable: String
    /// Which crucible judged the run, for its environment record.
    public var harness: HarnessIdentity
    /// The command line that started this invocation, recorded in the store for the report.
    public var commandLine: String?

    public init(
        benchmark: Benchmark, dataset: String, model: ModelSpecification, workerExecutable: String,
        harness: HarnessIdentity
    ) {
        self.benchmark = benchmark
        self.dataset = dataset
        self.model = model
        self.workerExecutable = workerExecutable
        self.harness = harness
    }

    /// The run directory: the one given, else one named after the benchmark and the model.
    public var directory: String {
        runDirectory ?? "Reports/runs/\(benchmark.rawValue)-\(Self.slug(model.name))"
    }

    public var effectiveTimeout: Double { timeout ?? benchmark.defaultTimeout }

    static func slug(_ text: String) -> String {
        String(text.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" })
    }
}

/// The sampling parameters a run asks for (`n` is set per request).
public struct SamplingSettings: Sendable, Equatable {
    public var samples = 1
    public var temperature: Double?
    public var topP: Double?
    public var maxTokens: Int?
    public var seed: Int?

    public init(
        samples: Int = 1, temperature: Double? = nil, topP: Double? = nil, maxTokens: Int? = nil, seed: Int? = nil
    ) {
        self.samples = samples
        self.temperature = temperature
        self.topP = topP
        self.maxTokens = maxTokens
        self.seed = seed
    }
}

/// The crucible that judges a run: its version and the commit it was built from.
public struct HarnessIdentity: Sendable {
    public var version: String
    public var commit: String?
    /// Tracked files differed from the commit when it was built; nil when unknown.
    public var modified: Bool?

    public init(version: String, commit: String? = nil, modified: Bool? = nil) {
        self.version = version
        self.commit = commit
        self.modified = modified
    }
}

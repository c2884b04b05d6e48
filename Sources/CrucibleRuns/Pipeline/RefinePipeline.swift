import CrucibleBenchmarks
import CrucibleCore
import CrucibleModels
import Foundation

/// `crucible refine` as a library: adds refinement rounds to a run directory made by `crucible run` (a replayed
/// run included), with the run's own model or another. Everything the first answers were judged under (dataset,
/// tasks, rules, timeout, samples and sampling) is read from the run's stored configuration.
public struct RefinePipeline: Sendable {
    public var directory: String
    /// Nil: the run's own model (an `openai:` model then needs its server again in `baseURLs`).
    public var model: ModelSpecification?
    /// Settings of the run's own model's server when `model` is nil.
    public var server: ModelSpecification?
    public var modelVersion: String?
    public var refinement: RefinementOptions
    public var exportPrompts: String?
    public var importCompletions: String?
    public var ks = [1]
    public var generationCache: GenerationCacheLocation = .default
    public var pythonPaths: [String] = []
    public var seabornData: String?
    public var workers: Int?
    public var workerExecutable: String
    public var harness: HarnessIdentity
    public var observer: any RunObserver
    public var commandLine: String?

    public init(
        directory: String, refinement: RefinementOptions, workerExecutable: String, harness: HarnessIdentity,
        observer: any RunObserver = SilentRunObserver()
    ) {
        self.directory = directory
        self.refinement = refinement
        self.workerExecutable = workerExecutable
        self.harness = harness
        self.observer = observer
    }

    public func run() throws -> RunPipeline.Outcome {
        let path = directory + "/run.sqlite"
        guard FileManager.default.fileExists(atPath: path) else {
            throw RunError(.input, "\(directory) holds no run.sqlite: give a directory made by crucible run")
        }
        let store = try RunStore(path: path)
        guard let configuration = try store.configuration() else {
            throw RunError(.input, "\(path) holds no run configuration")
        }
        let options = try options(from: configuration)
        return try RunPipeline(options: options, observer: observer).refine(store: store, configuration: configuration)
    }

    /// The run's options rebuilt from its configuration, with this command's model and refinement.
    func options(from configuration: RunConfiguration) throws -> RunOptions {
        var own = try ModelSpecification(configuration.model)
        if let server {
            own.baseURLs = server.baseURLs
            own.apiKey = server.apiKey
            own.concurrency = server.concurrency
            own.requestTimeout = server.requestTimeout
        }
        own.endpoint = .init(rawValue: configuration.endpoint) ?? .chat
        var options = RunOptions(
            benchmark: configuration.benchmark, dataset: configuration.dataset, model: model ?? own,
            workerExecutable: workerExecutable, harness: harness)
        options.questions = configuration.sql?.questions ?? options.questions
        options.modelVersion = modelVersion ?? (model == nil ? configuration.modelVersion : nil)
        options.sampling = SamplingSettings(
            samples: configuration.samples, temperature: configuration.temperature, topP: configuration.topP,
            maxTokens: configuration.maxTokens, seed: configuration.seed)
        options.selection = TaskSelection(
            tasks: configuration.tasks.isEmpty ? nil : configuration.tasks, limit: configuration.limit,
            shard: configuration.shard.flatMap(Shard.init))
        options.runDirectory = directory
        options.timeout = configuration.timeout
        if let sql = configuration.sql {
            options.rules = sql.rules
            options.keepDistinct = sql.keepDistinct
            options.exampleRows = sql.exampleRows
        }
        options.allowUnavailable = true
        options.refinement = refinement
        options.exportPrompts = exportPrompts
        options.importCompletions = importCompletions
        options.ks = ks
        options.generationCache = generationCache
        options.pythonPaths = pythonPaths
        options.seabornData = seabornData
        options.workers = workers
        options.commandLine = commandLine
        return options
    }
}

extension RunPipeline {
    /// Refinement rounds on a stored run whose first answers are complete, then its outputs.
    func refine(store: RunStore, configuration: RunConfiguration) throws -> Outcome {
        let plan: any BenchmarkRunPlan
        if let kind = options.benchmark.sqlKind {
            plan = try SQLRunPlan(options, kind: kind, observer: observer)
        } else if let all = try options.benchmark.pythonTasks(options.dataset) {
            plan = try PythonRunPlan(options, all: all)
        } else {
            preconditionFailure("a benchmark is either text-to-SQL or Python")
        }
        guard plan.datasetSHA256 == configuration.datasetSHA256 else {
            throw RunError(.input, "\(options.dataset) changed since the run was made")
        }
        let stored = try store.taskIDs()
        guard stored == plan.positioned.map(\.id) else {
            throw RunError(.input, "\(store.path) holds other tasks than its configuration selects")
        }
        let unfinished = try store.missingSamples(round: 0, samples: configuration.samples).filter {
            !plan.unavailable.contains($0.taskID)
        }
        guard unfinished.isEmpty, try store.unexecuted(round: 0).isEmpty else {
            throw RunError(
                .input,
                "the run in \(options.directory) has not finished its first answers: finish it with crucible run")
        }
        let model = try makeModel(plan)
        let loop = try refinementLoop(
            plan, store: store, model: model, modelName: options.model.name, modelVersion: options.modelVersion,
            cache: model is ReplayModel ? nil : try options.generationCache.open())
        if case .exported(let requests, let file) = try loop.run() {
            return .exported(requests: requests, file: file)
        }
        try recordEnvironment(store, plan: plan)
        var provenance = SQLScoreOutput.Provenance(
            dataset: options.dataset, predictions: configuration.model, timeout: options.effectiveTimeout,
            modelVersion: configuration.modelVersion)
        provenance.identify(configuration)
        provenance.commands = try store.commands()
        return .finished(
            summary: try plan.writeOutputs(store: store, provenance: provenance, directory: options.directory),
            directory: options.directory)
    }
}

import CrucibleBenchmarks
import CrucibleCore
import CrucibleModels
import Foundation

/// `crucible run` as a library: load the benchmark → select and shard its tasks → prompts → generation →
/// execution (overlapping generation) → outputs, for every benchmark kind. Every answer and verdict is stored in
/// the run directory's `run.sqlite` as it completes, so the same options on the same directory resume the run.
public struct RunPipeline: Sendable {
    public var options: RunOptions
    public var observer: any RunObserver

    public init(options: RunOptions, observer: any RunObserver = SilentRunObserver()) {
        self.options = options
        self.observer = observer
    }

    /// How a run ended.
    public enum Outcome: Sendable, Equatable {
        /// `--export-prompts`: this many requests were written to the file; the run stops there.
        case exported(requests: Int, file: String)
        /// Every task is judged and the outputs are written; the one-line summary.
        case finished(summary: String, directory: String)
    }

    public func run() throws -> Outcome {
        guard let file = options.tasksFile else { return try runSelected(split: nil) }
        let split = try TaskSplit.read(file)
        // CRUXEval's two modes ask about the same functions: one split serves both.
        let sameFunctions = split.benchmark.isExecutionPrediction && options.benchmark.isExecutionPrediction
        guard split.benchmark == options.benchmark || sameFunctions else {
            throw RunError(.input, "\(file) lists \(split.benchmark.rawValue) tasks, not \(options.benchmark.rawValue)")
        }
        guard options.selection.tasks == nil else { throw RunError(.input, "give --tasks or --tasks-file, not both") }
        var pipeline = self
        pipeline.options.selection.tasks = split.tasks.joined(separator: ",")
        return try pipeline.runSelected(split: (split, try FileHashes.sha256(file), file))
    }

    func runSelected(split: (list: TaskSplit, sha256: String, file: String)?) throws -> Outcome {
        if options.stabilityRuns != nil, options.benchmark.sqlKind != nil {
            throw RunError(
                .input,
                "--check-stability runs Python programs again under other hash seeds; \(options.benchmark.rawValue) "
                    + "is judged on SQLite")
        }
        // Before any model is asked: the rounds would be refused after the first answers.
        if options.refinement.rounds > 0 { try Self.requireRepairable(options.benchmark) }
        if !options.benchmark.isExecutionPrediction, options.promptStyle != .direct || options.hidesCode {
            throw RunError(
                .input,
                "--prompt-style and --hide-code are for cruxeval-o and cruxeval-i, not \(options.benchmark.rawValue)")
        }
        let plan: any BenchmarkRunPlan
        if let kind = options.benchmark.sqlKind {
            plan = try SQLRunPlan(options, kind: kind, observer: observer)
        } else if let all = try options.benchmark.pythonTasks(options.dataset) {
            plan = try PythonRunPlan(options, all: all)
        } else {
            preconditionFailure("a benchmark is either text-to-SQL or Python")
        }
        if let split, split.list.datasetSHA256 != plan.datasetSHA256 {
            throw RunError(
                .input, "\(split.file) was made from another version of \(options.dataset) (its hash differs)")
        }
        let store = try openStore(plan, split: split.map { ($0.list.side, $0.sha256) })
        let model = try makeModel(plan)
        let generation = GenerationJob(
            model: model, prompts: try plan.prompts(), samples: options.sampling.samples,
            parameters: SamplingParameters(
                temperature: options.sampling.temperature, topP: options.sampling.topP,
                maxTokens: options.sampling.maxTokens,
                // CRUXEval's inference stops at the end of the answer, which also ends chat models' repetitions.
                stop: options.benchmark.isExecutionPrediction ? [CRUXEvalPrompts.stopWord] : [],
                seed: options.sampling.seed),
            extract: plan.extract, maxOutstanding: max(1, options.model.concurrency),
            cache: model is ReplayModel ? nil : try options.generationCache.open())
        if let file = options.exportPrompts {
            _ = try generation.fillFromCache(store: store)
            let planned = try generation.plan(store: store)
            // With refinement, a run whose first answers are all in goes on to export its next round's repairs.
            if !planned.isEmpty || options.refinement.rounds == 0 {
                let count = try BatchCompletions.export(planned, parameters: generation.parameters, to: file)
                return .exported(requests: count, file: file)
            }
        }
        try RunPhases(plan: plan, generation: generation, store: store, observer: observer).run()
        if options.refinement.rounds > 0 {
            let loop = try refinementLoop(
                plan, store: store, model: model, modelName: options.model.name, modelVersion: options.modelVersion,
                cache: generation.cache)
            if case .exported(let requests, let file) = try loop.run() {
                return .exported(requests: requests, file: file)
            }
        }
        try recordEnvironment(store, plan: plan)
        var provenance = SQLScoreOutput.Provenance(
            dataset: options.dataset, predictions: model.identifier, timeout: options.effectiveTimeout,
            modelVersion: options.modelVersion)
        if let stored = try store.configuration() { provenance.identify(stored) }
        provenance.commands = try store.commands()
        let directory = options.directory
        return .finished(
            summary: try plan.writeOutputs(store: store, provenance: provenance, directory: directory),
            directory: directory)
    }

    /// Refinement rounds repair programs; an execution-prediction benchmark asks for predictions instead.
    static func requireRepairable(_ benchmark: Benchmark) throws(RunError) {
        guard !benchmark.isExecutionPrediction else {
            throw RunError(
                .input,
                "refinement rounds repair programs, and \(benchmark.rawValue) asks for predictions of a program's "
                    + "behaviour: they are not offered for it")
        }
    }

    /// The refinement rounds of this run, asked of `model`.
    func refinementLoop(
        _ plan: any BenchmarkRunPlan, store: RunStore, model: any LanguageModel, modelName: String,
        modelVersion: String?, cache: GenerationCache?
    ) throws -> RefinementLoop {
        try Self.requireRepairable(options.benchmark)
        let refinement = options.refinement
        let isSQL = options.benchmark.sqlKind != nil
        guard refinement.feedback.applies(toSQL: isSQL) else {
            let kinds = FeedbackKind.allCases.filter { $0.applies(toSQL: isSQL) }.map(\.rawValue)
            throw RunError(
                .input,
                "--feedback \(refinement.feedback.rawValue) is not for \(options.benchmark.rawValue); use one of "
                    + kinds.joined(separator: ", "))
        }
        if refinement.oracleFeedback && !isSQL {
            throw RunError(.input, "--oracle-feedback shows a gold result, which only text-to-SQL benchmarks have")
        }
        let template = try FeedbackTemplate(kind: refinement.feedback, file: refinement.feedbackTemplate)
        let settings = RoundSettings(
            model: modelName, modelVersion: modelVersion, repair: refinement.repair, feedback: refinement.feedback,
            feedbackTemplateSHA256: template.fileSHA256, oracleFeedback: refinement.oracleFeedback,
            refinePassing: refinement.refinePassing)
        let replay = model as? ReplayModel
        let imported = options.importCompletions != nil
        return RefinementLoop(
            plan: plan, store: store, model: model, settings: settings, template: template, rounds: refinement.rounds,
            parameters: SamplingParameters(
                temperature: options.sampling.temperature, topP: options.sampling.topP,
                maxTokens: options.sampling.maxTokens, seed: options.sampling.seed),
            maxOutstanding: max(1, options.model.concurrency), cache: cache,
            transcript: imported ? nil : replay, imported: imported ? replay : nil,
            exportPrompts: options.exportPrompts, observer: observer)
    }

    /// What identifies this run; resuming requires the same.
    func configuration(_ plan: any BenchmarkRunPlan, split: (side: TaskSplit.Side, sha256: String)? = nil) throws
        -> RunConfiguration
    {
        let template = try options.promptTemplate.map { try FileHashes.sha256($0) }
        var configuration = RunConfiguration(
            benchmark: options.benchmark,
            dataset: URL(fileURLWithPath: options.dataset).standardizedFileURL.path,
            datasetSHA256: plan.datasetSHA256, shard: options.selection.shard?.description,
            model: options.model.name, endpoint: options.model.endpoint.rawValue,
            samples: options.sampling.samples, tasks: options.selection.tasks ?? "", limit: options.selection.limit,
            promptTemplateSHA256: template, temperature: options.sampling.temperature,
            topP: options.sampling.topP, maxTokens: options.sampling.maxTokens, seed: options.sampling.seed,
            timeout: options.effectiveTimeout, modelVersion: options.modelVersion, sql: plan.sqlSettings)
        configuration.parentVersion = options.parentVersion
        configuration.split = split?.side
        configuration.splitSHA256 = split?.sha256
        if options.benchmark.isExecutionPrediction {
            configuration.promptStyle = options.promptStyle
            configuration.hidesCode = options.hidesCode
        }
        return configuration
    }

    /// The run directory's store, checked against (or started with) this run's configuration and tasks.
    func openStore(_ plan: any BenchmarkRunPlan, split: (side: TaskSplit.Side, sha256: String)? = nil) throws
        -> RunStore
    {
        let directory = options.directory
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw RunError(.output, "cannot make the run directory \(directory): \(error.localizedDescription)")
        }
        let store = try RunStore(path: directory + "/run.sqlite")
        try store.requireConfiguration(try configuration(plan, split: split))
        try store.setTasks(positioned: plan.positioned.map { ($0.position, $0.id, $0.category) })
        if !plan.unavailable.isEmpty || options.benchmark.sqlKind != nil {
            try store.setUnavailableTasks(plan.unavailable)
        }
        return store
    }

    /// The model `--model` names, or the completions `--import-completions` brings.
    func makeModel(_ plan: any BenchmarkRunPlan) throws -> any LanguageModel {
        if let file = options.importCompletions {
            return ReplayModel(
                identifier: "imported:\(file)", recordings: try BatchCompletions.read(file), source: file)
        }
        return try options.model.make { _ in plan.recorded ?? RecordedCompletions() }
    }

    func recordEnvironment(_ store: RunStore, plan: any BenchmarkRunPlan) throws {
        if let command = options.commandLine { try store.appendCommand(command) }
        let python = plan.workerEnvironment
        if let python { try store.setWorkerEnvironment(python) }
        let stored = try store.value(for: "environment")
        if python != nil || stored == nil {
            let commit = options.harness.commit.map { (hash: $0, modified: options.harness.modified) }
            try store.setValue(
                RunEnvironment.json(crucibleVersion: options.harness.version, commit: commit, python: python),
                for: "environment")
        }
    }
}

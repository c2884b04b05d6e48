import CrucibleBenchmarks
import CrucibleCore
import CrucibleModels
import CruciblePython
import CrucibleSQL
import Foundation

/// A text-to-SQL run's part of the pipeline: the split and its databases, schema prompts with few-shot examples,
/// predictions executed with their golds and judged under the benchmark's rules.
struct SQLRunPlan: BenchmarkRunPlan {
    let options: RunOptions
    let kind: SQLBenchmarkKind
    let loaded: SQLDataset
    let chosen: [SQLTask]
    let positioned: [PlannedTask]
    let rules: [SQLRuleName]
    let pool: FewShotPool?
    let settings: RunConfiguration.SQLSettings
    let datasetSHA256: String
    let recorded: RecordedCompletions?

    init(_ options: RunOptions, kind: SQLBenchmarkKind, observer: any RunObserver) throws {
        self.options = options
        self.kind = kind
        loaded = try kind.load(directory: options.dataset, questions: options.questions)
        let selected = try options.selection.apply(loaded.tasks, id: { $0.id.rawValue }, dataset: options.dataset)
        let missing = selected.map(\.item).filter { !$0.isAvailable }
        if !missing.isEmpty && !options.allowUnavailable {
            let databases = Set(missing.map(\.databaseID)).sorted().joined(separator: ", ")
            throw DatasetError(
                .missingDatabase, file: options.dataset,
                "no database file for \(databases) (\(missing.count) tasks); restore it, or pass --allow-unavailable "
                    + "to run the other tasks and report these as unavailable")
        }
        chosen = selected.map(\.item)
        positioned = selected.map {
            PlannedTask(position: $0.position, id: $0.item.id, category: $0.item.category)
        }
        rules = options.rules ?? [kind == .spider ? .spider : .bird]
        let loaded = self.loaded
        pool = try options.fewShot.map { try FewShotPool(file: $0, evaluated: loaded) }
        if let pool, pool.excludedOverlaps > 0 {
            observer.notice(
                "left out \(pool.excludedOverlaps) examples of \(pool.file) whose question is also in the evaluated split"
            )
        }
        // All selected tasks' databases (before the shard is taken), so every shard records the same set.
        let everySelected = try options.selection.withoutShard.apply(
            loaded.tasks, id: { $0.id.rawValue }, dataset: options.dataset
        ).map(\.item)
        settings = RunConfiguration.SQLSettings(
            questions: options.questions, rules: rules, keepDistinct: options.keepDistinct,
            exampleRows: options.exampleRows, shots: pool == nil ? 0 : options.shots,
            shotSelection: options.shotSelection, fewShotSHA256: try options.fewShot.map(FileHashes.sha256),
            databasesSHA256: try FileHashes.databases(everySelected, root: loaded.directory))
        datasetSHA256 = try FileHashes.sha256(loaded.questionsFile)
        if options.importCompletions == nil, options.model.kind == .replay,
            ReplayTranscript.isTranscript(options.model.target)
        {
            recorded = try ReplayTranscript.read(
                options.model.target, tasks: Set(chosen.map(\.id)), samples: options.sampling.samples)
        } else if options.importCompletions == nil, options.model.kind == .replay {
            let reading = try SQLPredictionsReader.readWithFindings(options.model.target, dataset: loaded)
            if !reading.findings.isEmpty {
                let count = reading.findings.count
                let lines = reading.findings.prefix(10).map { String($0.line) }.joined(separator: ", ")
                observer.notice(
                    "\(options.model.target) has TABs inside the SQL of line\(count == 1 ? "" : "s") \(lines)"
                        + (count > 10 ? ", ..." : "") + "; each is scored by its first TAB field, as the official "
                        + "evaluator does (`crucible score` lists them with the whole line judged)")
            }
            let predictions = reading.predictions
            var recorded: [String: [String]] = [:]
            for task in chosen { recorded[task.id.rawValue] = [predictions[task.index]] }
            self.recorded = RecordedCompletions(firstAnswers: recorded)
        } else {
            recorded = nil
        }
    }

    var unavailable: Set<TaskID> { Set(chosen.filter { !$0.isAvailable }.map(\.id)) }
    var sqlSettings: RunConfiguration.SQLSettings? { settings }

    func prompts() throws -> [GenerationJob.TaskPrompt] {
        let builder = try SQLPromptBuilder(
            template: options.promptTemplate.map {
                try PromptTemplate(file: $0, allowed: BenchmarkPrompts.sqlPlaceholders)
            },
            exampleRows: options.exampleRows, fewShot: pool, shots: options.shots, selection: options.shotSelection)
        let available = chosen.filter(\.isAvailable)
        return zip(available, try builder.prompts(for: available)).map { task, text in
            GenerationJob.TaskPrompt(
                taskID: task.id, requestID: task.id.rawValue, prompt: options.model.prompt(text))
        }
    }

    /// Recorded predictions are SQL already (scored as written, as `crucible score` does); completions from a
    /// model are text around a query.
    var extract: @Sendable (String) -> String {
        if recorded != nil { return { $0 } }
        return CompletionCode.sql
    }

    var job: SQLExecutionJob {
        SQLExecutionJob(
            dataset: SQLDataset(
                kind: kind, directory: loaded.directory, questionsFile: loaded.questionsFile, tasks: chosen),
            options: SQLScoreOptions(
                rules: rules, keepDistinct: options.keepDistinct,
                limits: SQLExecutionLimits(timeout: options.effectiveTimeout), workers: options.workers,
                allowUnavailable: true))
    }

    func execute(
        store: RunStore, round: Int, feed: GenerationFeed?, progress: @escaping @Sendable (Int, Int) -> Void
    ) throws(RunError) {
        var job = self.job
        job.round = round
        _ = try job.run(store: store, feed: feed, progress: progress)
    }

    var workerEnvironment: WorkerEnvironment? { nil }

    func writeOutputs(store: RunStore, provenance: SQLScoreOutput.Provenance, directory: String) throws -> String {
        try RunOutputs.sql(
            job, ks: options.ks, samples: options.sampling.samples, store: store, provenance: provenance,
            directory: directory)
    }
}

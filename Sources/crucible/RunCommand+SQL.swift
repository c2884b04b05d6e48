import ArgumentParser
import CrucibleBenchmarks
import CrucibleCore
import CrucibleModels
import CrucibleRuns
import CrucibleSQL
import Dispatch
import Foundation
import Synchronization

extension RunCommand {
    /// Spider, BIRD: schema prompts (with few-shot examples from a training split), predictions executed with their
    /// golds on the task's databases and judged under the benchmark's official rule.
    func runSQL(_ kind: SQLBenchmarkKind) throws {
        let loaded = try SQLRunSetup.load(kind, directory: dataset, questions: questions)
        let selected = try selectTasks(loaded.tasks, id: { String($0.index) })
        let missing = selected.filter { !$0.isAvailable }
        if !missing.isEmpty && !allowUnavailable {
            let databases = Set(missing.map(\.databaseID)).sorted().joined(separator: ", ")
            throw DatasetError(
                .missingDatabase, file: dataset,
                "no database file for \(databases) (\(missing.count) tasks); restore it, or pass --allow-unavailable "
                    + "to run the other tasks and report these as unavailable")
        }
        let positioned = try shardTasks(selected)
        let chosen = positioned.map(\.element)
        let ks = try parseKs()
        let rules = try SQLRunSetup.rules(rulesOption, rule: nil, kind: kind)
        let chosenIDs = Set(chosen.map(\.index))
        let languageModel = try makeModel { file in
            let predictions = try SQLPredictionsReader.read(file, dataset: loaded)
            var recorded: [String: [String]] = [:]
            for task in loaded.tasks where chosenIDs.contains(task.index) {
                recorded[String(task.index)] = [predictions[task.index]]
            }
            return recorded
        }
        let pool = try fewShot.map { try FewShotPool(file: $0, evaluated: loaded) }
        if let pool, pool.excludedOverlaps > 0, !quiet {
            FileHandle.standardError.write(
                Data(
                    ("crucible run: left out \(pool.excludedOverlaps) examples of \(pool.file) whose question is "
                        + "also in the evaluated split\n").utf8))
        }
        let timeout = timeoutOption ?? benchmark.defaultTimeout
        var extras: [(String, JSONValue)] = [
            ("questions", .string(questions)), ("rules", .array(rules.map { .string($0.rawValue) })),
            ("keep_distinct", .bool(keepDistinct)), ("example_rows", .number(Double(exampleRows))),
            ("shots", .number(Double(pool == nil ? 0 : shots))), ("shot_selection", .string(shotSelection.rawValue)),
        ]
        if let fewShot { extras.append(("few_shot_sha256", .string(try Self.fileHash(fewShot)))) }
        // Verdicts depend on the databases' contents as much as on the questions: a resumed run or a shard on
        // changed databases is refused. All selected tasks' databases, so every shard records the same set.
        extras.append(("databases_sha256", try Self.databaseHashes(selected, root: loaded.directory)))
        let configuration = try configurationJSON(
            datasetHash: Self.fileHash(loaded.questionsFile), timeout: timeout, extras: extras)
        let (store, directory) = try openStore(configuration: configuration)
        try store.setTasks(positioned: positioned.map { ($0.offset, String($0.element.index), $0.element.category) })
        try store.setUnavailableTasks(Set(chosen.filter { !$0.isAvailable }.map { String($0.index) }))

        let builder = try SQLPromptBuilder(
            template: promptTemplate.map { try PromptTemplate(file: $0, allowed: BenchmarkPrompts.sqlPlaceholders) },
            exampleRows: exampleRows, fewShot: pool, shots: shots, selection: shotSelection)
        let available = chosen.filter(\.isAvailable)
        let texts = try builder.prompts(for: available)
        let prompts = zip(available, texts).map { task, text in
            GenerationJob.TaskPrompt(taskID: String(task.index), requestID: String(task.index), prompt: prompt(text))
        }
        // Recorded predictions are SQL already (and scored as written, as `crucible score` does); completions
        // from a model are text around a query.
        let replaying = importCompletions == nil && model.hasPrefix("replay:")
        let extract: @Sendable (String) -> String
        if replaying { extract = { $0 } } else { extract = CompletionCode.sql }
        guard try generate(prompts, extract: extract, model: languageModel, store: store) else { return }

        let job = SQLExecutionJob(
            dataset: SQLDataset(
                kind: kind, directory: loaded.directory, questionsFile: loaded.questionsFile, tasks: chosen),
            options: SQLScoreOptions(
                rules: rules, keepDistinct: keepDistinct, limits: SQLExecutionLimits(timeout: timeout),
                workers: workers, allowUnavailable: true))
        let (running, update) = try executionProgress(
            "executing queries", store: store, total: available.count * samples)
        try job.run(store: store) { done, passed in update(done, passed) }
        running.finish()
        try recordEnvironment(store, python: nil)
        try SQLRunSetup.writeOutputs(
            job, ks: ks, samples: samples, store: store,
            provenance: .init(
                dataset: dataset, predictions: languageModel.identifier, timeout: timeout, modelVersion: modelVersion),
            directory: directory)
    }

    /// SHA-256 of every database file the tasks use, by path relative to the dataset directory, hashed in parallel.
    static func databaseHashes(_ tasks: [SQLTask], root: String) throws -> JSONValue {
        let paths = Array(Set(tasks.flatMap(\.databasePaths))).sorted()
        let hashes = Mutex([String: Result<String, any Error>]())
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let result = Result { try fileHash(paths[index]) }
            hashes.withLock { $0[paths[index]] = result }
        }
        let prefix = URL(fileURLWithPath: root).standardizedFileURL.path + "/"
        return .object(
            try paths.map { path in
                let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
                let name = standardized.hasPrefix(prefix) ? String(standardized.dropFirst(prefix.count)) : standardized
                return (name, .string(try hashes.withLock { $0[path]! }.get()))
            })
    }
}

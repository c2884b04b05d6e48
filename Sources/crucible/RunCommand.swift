import ArgumentParser
import CrucibleBenchmarks
import CrucibleCore
import CrucibleModels
import CruciblePython
import CrucibleRuns
import Dispatch
import Foundation
import Synchronization

/// `crucible run`: generate with a model, execute, score, all recorded in a resumable run store.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Ask a model for answers, run them and score them; the run is stored and resumable.",
        discussion: """
            Every prompt, completion and verdict is written to RUN_DIR/run.sqlite as it completes. Run the same \
            command again (or with --resume RUN_DIR) to continue a run that was killed or stopped: completed \
            generations and executions are never repeated. Python benchmarks (humaneval, mbpp, ds1000) for now.
            """)

    @Option(help: "The benchmark: humaneval, mbpp or ds1000.")
    var benchmark: BenchmarkName

    @Option(help: "The benchmark file (HumanEval.jsonl.gz, mbpp.jsonl, ds1000.jsonl.gz).")
    var dataset: String

    @Option(help: "openai:MODEL (an OpenAI-compatible server), replay:FILE (recorded answers), command:PROGRAM.")
    var model: String

    @Option(name: .customLong("base-url"), help: "openai: the server root, e.g. http://localhost:8000/v1 (repeatable).")
    var baseURLs: [String] = []

    @Option(help: "openai: the environment variable that holds the API key.")
    var apiKeyEnv = "OPENAI_API_KEY"

    @Option(help: "openai: chat or completions.")
    var endpoint = "chat"

    @Option(help: "Completions per task.")
    var samples = 1

    @Option(help: "Sampling temperature.")
    var temperature: Double?

    @Option(help: "Nucleus sampling probability.")
    var topP: Double?

    @Option(help: "Most tokens per completion.")
    var maxTokens: Int?

    @Option(help: "Sampling seed, when the server supports one.")
    var seed: Int?

    @Option(help: "openai: requests in flight at once.")
    var concurrency = 8

    @Option(help: "openai: seconds a request may wait for its answer.")
    var requestTimeout = 600.0

    @Option(help: "Only the first N tasks.")
    var limit: Int?

    @Option(help: "Only these task ids (comma-separated).")
    var tasks: String?

    @Option(help: "Run only shard I of N (every N-th task, from the I-th), e.g. 2/3; merge shards with crucible merge.")
    var shard: String?

    @Option(help: "The run directory (default Reports/runs/<benchmark>-<model>).")
    var runDir: String?

    @Option(help: "Continue the run in this directory (the same as giving it as --run-dir).")
    var resume: String?

    @Option(help: "A prompt template file (placeholders: README, \"Prompts\").")
    var promptTemplate: String?

    @Option(help: "Write the prompts the run still needs to FILE (JSON lines) and stop, for batch generation.")
    var exportPrompts: String?

    @Option(help: "Take the completions from FILE (answers to --export-prompts' lines) instead of asking the model.")
    var importCompletions: String?

    @Option(help: "The k values of pass@k, comma-separated.")
    var k = "1"

    @Option(name: .customLong("timeout"), help: "Seconds a program may run.")
    var timeoutOption: Double?

    @Option(name: .customLong("python-path"), help: "A directory of cp311 packages (see crucible score --help).")
    var pythonPaths: [String] = []

    @Option(help: "DS-1000: the folder of seaborn's datasets (default: $SEABORN_DATA).")
    var seabornData: String?

    @Option(help: "Sandbox worker processes (default: all cores).")
    var workers: Int?

    mutating func validate() throws {
        guard benchmark.sqlKind == nil else {
            throw ValidationError("crucible run does not run text-to-SQL benchmarks yet; use crucible score")
        }
        if samples <= 0 { throw ValidationError("--samples must be positive") }
        if !["chat", "completions"].contains(endpoint) { throw ValidationError("--endpoint is chat or completions") }
        if exportPrompts != nil && importCompletions != nil {
            throw ValidationError("give --export-prompts or --import-completions, not both")
        }
    }

    func run() throws {
        do {
            try runAll()
        } catch let error as DatasetError {
            FileHandle.standardError.write(Data("crucible run: \(error)\n".utf8))
            throw ExitCode(2)
        } catch let error as RunError {
            FileHandle.standardError.write(Data("crucible run: \(error)\n".utf8))
            throw ExitCode(1)
        } catch let error as RunStoreError {
            FileHandle.standardError.write(Data("crucible run: \(error)\n".utf8))
            throw ExitCode(1)
        } catch let error as ModelError {
            FileHandle.standardError.write(Data("crucible run: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    private func runAll() throws {
        let allTasks = try PythonBenchmarkSetup.tasks(benchmark, dataset: dataset)
        let selected = try selectTasks(allTasks)
        let (shardIndex, shardCount) = try parseShard()
        let positioned = selected.enumerated().filter { $0.offset % shardCount == shardIndex - 1 }
        let chosen = positioned.map(\.element)
        let ks = try parseKs()
        let languageModel: any LanguageModel =
            try importCompletions.map { file in
                ReplayModel(identifier: "imported:\(file)", samples: try BatchCompletions.read(file), source: file)
            } ?? makeModel(tasks: chosen)
        let directory = resume ?? runDir ?? "Reports/runs/\(benchmark.rawValue)-\(Self.slug(model))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let store = try RunStore(path: directory + "/run.sqlite")
        try store.requireValue(try configurationJSON(datasetHash: Self.fileHash(dataset)), for: "configuration")
        try store.setTasks(positioned: positioned.map { ($0.offset, $0.element.id, $0.element.category) })

        let template = try promptTemplate.map {
            try PromptTemplate(file: $0, allowed: BenchmarkPrompts.pythonPlaceholders)
        }
        let prompts = try chosen.map { task in
            let text = try
                (template
                ?? PromptTemplate(
                    BenchmarkPrompts.template(for: task), allowed: BenchmarkPrompts.pythonPlaceholders,
                    source: "default"))
                .render(BenchmarkPrompts.values(for: task))
            return GenerationJob.TaskPrompt(
                taskID: task.id, requestID: task.id, prompt: endpoint == "chat" ? .chat([.user(text)]) : .text(text))
        }
        let extract: @Sendable (String) -> String =
            benchmark == .ds1000 ? CompletionCode.ds1000 : CompletionCode.python
        let generation = GenerationJob(
            model: languageModel, prompts: prompts, samples: samples,
            parameters: SamplingParameters(temperature: temperature, topP: topP, maxTokens: maxTokens, seed: seed),
            extract: extract, maxOutstanding: max(1, concurrency))
        if let exportPrompts {
            let count = try BatchCompletions.export(
                try generation.plan(store: store), parameters: generation.parameters, to: exportPrompts)
            print("wrote \(count) prompts to \(exportPrompts); answer them and run again with --import-completions")
            return
        }
        let progress = ProgressLine(label: "generating")
        let total = chosen.count * samples
        let alreadyStored = try store.generations(round: 0).count
        let counter = Mutex(alreadyStored)
        _ = try Self.blocking {
            try await generation.run(store: store) { count in
                let done = counter.withLock { value in
                    value += count
                    return value
                }
                progress.update(done: done, total: total)
            }
        }
        progress.finish()

        let sandbox = PythonSandbox(
            options: PythonBenchmarkSetup.sandboxOptions(
                benchmark, pythonPaths: pythonPaths, seabornData: seabornData, workers: workers))
        let execution = PythonExecutionJob(
            tasks: chosen, timeout: timeoutOption ?? benchmark.defaultTimeout, sandbox: sandbox)
        let running = ProgressLine(label: "running programs")
        let pending = try store.unexecuted(round: 0).count
        try execution.run(store: store) { done in running.update(done: done, total: pending) }
        if let environment = sandbox.workerEnvironment {
            try store.setValue(
                RunEnvironment.json(crucibleVersion: CrucibleVersion.string, python: environment), for: "environment")
        } else if try store.value(for: "environment") == nil {
            try store.setValue(
                RunEnvironment.json(crucibleVersion: CrucibleVersion.string, python: nil), for: "environment")
        }
        running.finish()

        try RunOutputs.write(
            benchmark: benchmark, tasks: chosen, ks: ks, store: store, environment: sandbox.workerEnvironment,
            dataset: dataset, model: languageModel.identifier, timeout: timeoutOption ?? benchmark.defaultTimeout,
            directory: directory)
    }

    private func selectTasks(_ all: [PythonTask]) throws -> [PythonTask] {
        var chosen = all
        if let tasks {
            let wanted = tasks.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let known = Set(all.map(\.id))
            if let unknown = wanted.first(where: { !known.contains($0) }) {
                throw ValidationError("--tasks: \(unknown) is not a task of \(dataset)")
            }
            let set = Set(wanted)
            chosen = all.filter { set.contains($0.id) }
        }
        if let limit { chosen = Array(chosen.prefix(max(0, limit))) }
        return chosen
    }

    private func parseShard() throws -> (Int, Int) {
        guard let shard else { return (1, 1) }
        guard let parsed = MergeCommand.parse(shard) else {
            throw ValidationError("--shard is I/N with 1 <= I <= N, e.g. 2/3")
        }
        return parsed
    }

    private func parseKs() throws -> [Int] {
        let values = try PythonBenchmarkSetup.ks(k)
        if let largest = values.max(), largest > samples {
            throw ValidationError("pass@\(largest) needs --samples \(largest) or more")
        }
        return values
    }

    private func makeModel(tasks: [PythonTask]) throws -> any LanguageModel {
        let parts = model.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[1].isEmpty else {
            throw ValidationError("--model is openai:MODEL, replay:FILE or command:PROGRAM")
        }
        switch parts[0] {
        case "openai":
            let urls = (baseURLs.isEmpty ? ["http://localhost:8000/v1"] : baseURLs).compactMap(URL.init(string:))
            guard urls.count == max(1, baseURLs.count) else { throw ValidationError("--base-url is not a URL") }
            return OpenAICompatibleModel(
                configuration: .init(
                    baseURLs: urls, model: parts[1], apiKey: ProcessInfo.processInfo.environment[apiKeyEnv],
                    endpoint: endpoint == "chat" ? .chat : .completions, concurrency: concurrency,
                    requestTimeout: requestTimeout))
        case "replay":
            let answers = try PythonAnswersReader.read(parts[1], tasks: tasks)
            var recorded: [String: [String]] = [:]
            for (task, list) in zip(tasks, answers) { recorded[task.id] = list.map(\.code) }
            return ReplayModel(identifier: "replay:\(parts[1])", recorded: recorded, source: parts[1])
        case "command":
            return try CommandModel(identifier: "command:\(parts[1])", executable: parts[1])
        default:
            throw ValidationError("--model is openai:MODEL, replay:FILE or command:PROGRAM, not \(parts[0]):")
        }
    }

    /// What identifies the run: resuming requires the same values.
    private func configurationJSON(datasetHash: String) throws -> String {
        let template = try promptTemplate.map { try String(contentsOfFile: $0, encoding: .utf8) }
        var object: [(String, JSONValue)] = [
            ("benchmark", .string(benchmark.rawValue)),
            ("dataset", .string(URL(fileURLWithPath: dataset).standardizedFileURL.path)),
            ("dataset_sha256", .string(datasetHash)), ("shard", shard.map(JSONValue.string) ?? .null),
            ("model", .string(model)), ("endpoint", .string(endpoint)), ("samples", .number(Double(samples))),
            ("tasks", .string(tasks ?? "")), ("limit", limit.map { .number(Double($0)) } ?? .null),
            ("prompt_template_sha256", template.map { .string(SHA256.hex($0)) } ?? .null),
        ]
        object.append(("temperature", temperature.map(JSONValue.number) ?? .null))
        object.append(("top_p", topP.map(JSONValue.number) ?? .null))
        object.append(("max_tokens", maxTokens.map { .number(Double($0)) } ?? .null))
        object.append(("seed", seed.map { .number(Double($0)) } ?? .null))
        // Canonical (sorted keys, JSONSerialization's numbers), as `crucible merge` writes a merged configuration.
        let parsed = try JSONSerialization.jsonObject(with: Data(JSONValue.object(object).serialized().utf8))
        return MergeCommand.canonical(parsed as? [String: Any] ?? [:])
    }

    static func fileHash(_ path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DatasetError(.missingFile, file: path, "cannot read the dataset")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(chunk) }
        return hasher.hexDigest()
    }

    static func slug(_ text: String) -> String {
        String(text.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" })
    }

    /// Runs async work to completion from this synchronous command (the root command stays synchronous so that
    /// sandbox workers, the same executable, never start Swift's concurrency runtime before they fork).
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let outcome = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let result: Result<T, any Error>
            do { result = .success(try await work()) } catch { result = .failure(error) }
            outcome.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return try outcome.withLock { $0! }.get()
    }
}

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
            generations and executions are never repeated. Identical requests made by earlier runs are taken from \
            the generation cache (--generation-cache).
            """)

    @Option(help: "The benchmark: spider, bird, humaneval, mbpp or ds1000.")
    var benchmark: BenchmarkName

    @Option(
        help: """
            Spider/BIRD: the benchmark's directory (dev.json, tables.json, database/; dev.json, dev_databases/). \
            Python: the problems file (HumanEval.jsonl.gz, mbpp.jsonl, ds1000.jsonl.gz).
            """)
    var dataset: String

    @Option(help: "Spider/BIRD: the questions file inside --dataset.")
    var questions = "dev.json"

    @Option(
        help: "Spider/BIRD: a training split's questions file (Spider or BIRD format) to draw few-shot examples from.")
    var fewShot: String?

    @Option(help: "Spider/BIRD: few-shot examples per prompt (with --few-shot).")
    var shots = 3

    @Option(help: "Spider/BIRD: how examples are chosen: similar (most words in common with the question) or first.")
    var shotSelection: FewShotPool.Selection = .similar

    @Option(help: "Spider/BIRD: example rows shown per table in the prompt.")
    var exampleRows = 3

    @Option(
        name: .customLong("rules"),
        help:
            "Spider/BIRD: the rules to judge with (`all` or a list); the first is the primary one (default: official).")
    var rulesOption: String?

    @Flag(help: "Spider rule: keep DISTINCT instead of removing it from both queries.")
    var keepDistinct = false

    @Flag(help: "Spider/BIRD: run the tasks whose database exists and report the others as unavailable.")
    var allowUnavailable = false

    @Option(help: "The model version evaluated (a checkpoint or training round), recorded in the outputs.")
    var modelVersion: String?

    @Flag(help: "No progress output (for logs); the summary line is still printed.")
    var quiet = false

    @Option(
        name: .customLong("generation-cache"),
        help:
            "The generation cache file, or `off` (default: $CRUCIBLE_GENERATION_CACHE, else ~/.cache/crucible/generations.sqlite)."
    )
    var generationCachePath: String?

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
        if benchmark.sqlKind == nil {
            let sqlOnly = [
                ("--few-shot", fewShot != nil), ("--rules", rulesOption != nil), ("--keep-distinct", keepDistinct),
                ("--allow-unavailable", allowUnavailable),
            ]
            if let given = sqlOnly.first(where: { $0.1 }) {
                throw ValidationError("\(given.0) is for spider and bird runs")
            }
        }
        if shots < 0 || exampleRows < 0 { throw ValidationError("--shots and --example-rows cannot be negative") }
        if let timeoutOption, timeoutOption <= 0 { throw ValidationError("--timeout must be positive") }
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
        if let kind = benchmark.sqlKind { try runSQL(kind) } else { try runPython() }
    }

    /// The run directory and its store, checked against (or started with) this command's configuration.
    func openStore(configuration: String) throws -> (RunStore, String) {
        let directory = resume ?? runDir ?? "Reports/runs/\(benchmark.rawValue)-\(Self.slug(model))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let store = try RunStore(path: directory + "/run.sqlite")
        try store.requireValue(configuration, for: "configuration")
        return (store, directory)
    }

    /// The generation phase: exports the prompts still needed (returns false: the run stops there), or asks the
    /// model (or the imported completions) for every missing sample, showing progress.
    func generate(
        _ prompts: [GenerationJob.TaskPrompt], extract: @escaping @Sendable (String) -> String,
        model languageModel: any LanguageModel, store: RunStore
    ) throws -> Bool {
        let generation = GenerationJob(
            model: languageModel, prompts: prompts, samples: samples,
            parameters: SamplingParameters(temperature: temperature, topP: topP, maxTokens: maxTokens, seed: seed),
            extract: extract, maxOutstanding: max(1, concurrency),
            cache: languageModel is ReplayModel ? nil : try generationCache())
        if let exportPrompts {
            _ = try generation.fillFromCache(store: store)
            let count = try BatchCompletions.export(
                try generation.plan(store: store), parameters: generation.parameters, to: exportPrompts)
            print("wrote \(count) prompts to \(exportPrompts); answer them and run again with --import-completions")
            return false
        }
        let progress = ProgressLine(label: "generating", quiet: quiet)
        let total = prompts.count * samples
        let counter = Mutex(try store.generations(round: 0).count)
        let report = try Self.blocking {
            try await generation.run(store: store) { stored, inFlight in
                let done = counter.withLock { value in
                    value += stored
                    return value
                }
                progress.update(done: done, total: total, inFlight: inFlight)
            }
        }
        progress.finish()
        if report.cached > 0 && !quiet {
            FileHandle.standardError.write(
                Data("crucible run: \(report.cached) samples taken from the generation cache\n".utf8))
        }
        return true
    }

    /// `--generation-cache`, else `$CRUCIBLE_GENERATION_CACHE`, else `$XDG_CACHE_HOME/crucible/generations.sqlite`
    /// (`~/.cache/...`); `off` turns it off.
    func generationCache() throws -> GenerationCache? {
        let environment = ProcessInfo.processInfo.environment
        let root =
            environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? NSHomeDirectory() + "/.cache"
        let path =
            generationCachePath ?? environment["CRUCIBLE_GENERATION_CACHE"] ?? root + "/crucible/generations.sqlite"
        return path == "off" ? nil : try GenerationCache(path: path)
    }

    /// The execution phase's progress: programs or queries judged, and the accuracy so far.
    func executionProgress(
        _ label: String, store: RunStore, total: Int
    ) throws -> (ProgressLine, @Sendable (Int, Int) -> Void) {
        let line = ProgressLine(label: label, quiet: quiet)
        let stored = try store.executions(round: 0)
        let storedPassed = stored.filter { $0.passed == true }.count
        let storedJudged = stored.filter { $0.passed != nil }.count
        return (
            line,
            { done, passed in
                line.update(
                    done: stored.count + done, total: total, passed: storedPassed + passed,
                    judged: storedJudged + done)
            }
        )
    }

    func recordEnvironment(_ store: RunStore, python: WorkerEnvironment?) throws {
        let stored = try store.value(for: "environment")
        if python != nil || stored == nil {
            try store.setValue(
                RunEnvironment.json(
                    crucibleVersion: CrucibleVersion.string,
                    commit: SourceCommit.current.map { ($0.commit, $0.modified) }, python: python),
                for: "environment")
        }
    }

    /// `--tasks` (ids: Python task ids, SQL dataset indexes) and `--limit`, in dataset order.
    func selectTasks<Task>(_ all: [Task], id: (Task) -> String) throws -> [Task] {
        var chosen = all
        if let tasks {
            let wanted = tasks.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let known = Set(all.map(id))
            if let unknown = wanted.first(where: { !known.contains($0) }) {
                throw ValidationError("--tasks: \(unknown) is not a task of \(dataset)")
            }
            let set = Set(wanted)
            chosen = all.filter { set.contains(id($0)) }
        }
        if let limit { chosen = Array(chosen.prefix(max(0, limit))) }
        return chosen
    }

    /// `--shard I/N`: every N-th task from the I-th, with its position among the selected tasks.
    func shardTasks<Task>(_ selected: [Task]) throws -> [(offset: Int, element: Task)] {
        var index = 1
        var count = 1
        if let shard {
            guard let parsed = MergeCommand.parse(shard) else {
                throw ValidationError("--shard is I/N with 1 <= I <= N, e.g. 2/3")
            }
            (index, count) = parsed
        }
        return selected.enumerated().filter { $0.offset % count == index - 1 }.map { ($0.offset, $0.element) }
    }

    func prompt(_ text: String) -> Prompt {
        endpoint == "chat" ? .chat([.user(text)]) : .text(text)
    }

    func parseKs() throws -> [Int] {
        let values = try PythonBenchmarkSetup.ks(k)
        if let largest = values.max(), largest > samples {
            throw ValidationError("pass@\(largest) needs --samples \(largest) or more")
        }
        return values
    }

    /// The model `--model` names, or the completions `--import-completions` brings; `replay` reads a recorded
    /// answers file into completions by task id.
    func makeModel(replay: (String) throws -> [String: [String]]) throws -> any LanguageModel {
        if let importCompletions {
            return ReplayModel(
                identifier: "imported:\(importCompletions)", samples: try BatchCompletions.read(importCompletions),
                source: importCompletions)
        }
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
            return ReplayModel(identifier: "replay:\(parts[1])", recorded: try replay(parts[1]), source: parts[1])
        case "command":
            return try CommandModel(identifier: "command:\(parts[1])", executable: parts[1])
        default:
            throw ValidationError("--model is openai:MODEL, replay:FILE or command:PROGRAM, not \(parts[0]):")
        }
    }

    /// What identifies the run: resuming requires the same values.
    func configurationJSON(datasetHash: String, timeout: Double, extras: [(String, JSONValue)] = []) throws -> String {
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
        object.append(("timeout", .number(timeout)))
        object.append(("model_version", modelVersion.map(JSONValue.string) ?? .null))
        object += extras
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

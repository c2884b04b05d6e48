import ArgumentParser
import CrucibleBenchmarks
import CrucibleRuns
import CrucibleSQL
import Foundation

/// `crucible merge`: the shards of a run (`crucible run --shard I/N`), run anywhere, become one run.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the run directories of a run's shards into one run.",
        discussion: """
            Every shard must be finished and all must share one configuration and dataset (only --shard differs); \
            shards 1..N must all be there, each once. The merged run has the unsharded configuration, so it equals \
            a run made in one go, and can be reported or resumed like one.
            """)

    @Argument(help: "The shards' run directories.")
    var shards: [String]

    @Option(help: "The merged run's directory.")
    var into: String

    @Option(help: "The k values of pass@k, comma-separated.")
    var k = "1"

    func run() throws {
        do {
            try merge()
        } catch let error as RunStoreError {
            FileHandle.standardError.write(Data("crucible merge: \(error)\n".utf8))
            throw ExitCode(1)
        } catch let error as DatasetError {
            FileHandle.standardError.write(Data("crucible merge: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    private func merge() throws {
        var configuration: [String: Any]?
        var seen: [Int: String] = [:]
        var total: Int?
        var stores: [RunStore] = []
        var unavailableTasks = Set<String>()
        for directory in shards {
            let path = directory + "/run.sqlite"
            guard FileManager.default.fileExists(atPath: path) else {
                throw ValidationError("\(directory) holds no run.sqlite")
            }
            let store = try RunStore(path: path)
            guard let text = try store.value(for: "configuration"),
                var object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            else { throw ValidationError("\(path) holds no run configuration") }
            guard let shard = object["shard"] as? String, let (index, count) = Self.parse(shard) else {
                throw ValidationError("\(directory) is not a shard (it was not run with --shard)")
            }
            object["shard"] = NSNull()
            if let configuration {
                guard Self.canonical(configuration) == Self.canonical(object) else {
                    throw ValidationError(
                        "\(directory) was run with another configuration or dataset than \(shards[0]); only --shard may differ"
                    )
                }
            } else {
                configuration = object
            }
            if let total, total != count { throw ValidationError("\(directory) is shard \(shard), not of \(total)") }
            total = count
            if let other = seen[index] { throw ValidationError("\(directory) and \(other) are both shard \(shard)") }
            seen[index] = directory
            let samples = (object["samples"] as? Int) ?? 1
            // Text-to-SQL tasks without a database are never asked for (`crucible run --allow-unavailable`).
            let unavailable = try store.unavailableTasks()
            unavailableTasks.formUnion(unavailable)
            let missing = try store.missingSamples(round: 0, samples: samples).filter {
                !unavailable.contains($0.taskID)
            }
            guard missing.isEmpty, try store.unexecuted(round: 0).isEmpty else {
                throw ValidationError("shard \(shard) in \(directory) is not finished: run it again to complete it")
            }
            stores.append(store)
        }
        guard let configuration, let total else { throw ValidationError("give the shards' run directories") }
        let missing = (1...total).filter { seen[$0] == nil }
        guard missing.isEmpty else {
            throw ValidationError(
                "shard\(missing.count > 1 ? "s" : "") \(missing.map { "\($0)/\(total)" }.joined(separator: ", ")) missing"
            )
        }

        try FileManager.default.createDirectory(atPath: into, withIntermediateDirectories: true)
        let merged = try RunStore(path: into + "/run.sqlite")
        try merged.requireValue(Self.canonical(configuration), for: "configuration")
        try merged.setTasks(positioned: try stores.flatMap { try $0.positionedTasks() })
        try merged.setUnavailableTasks(unavailableTasks)
        for store in stores {
            try merged.record(try store.generations(round: 0))
            try merged.record(try store.executions(round: 0))
        }

        guard let benchmarkName = configuration["benchmark"] as? String,
            let benchmark = BenchmarkName(rawValue: benchmarkName),
            let dataset = configuration["dataset"] as? String
        else { throw ValidationError("the shards' configuration names no benchmark or dataset") }
        let ids = Set(try merged.taskIDs())
        let ks = try PythonBenchmarkSetup.ks(k)
        let timeout = configuration["timeout"] as? Double ?? benchmark.defaultTimeout
        let provenance = SQLScoreOutput.Provenance(
            dataset: dataset, predictions: configuration["model"] as? String ?? "", timeout: timeout,
            modelVersion: configuration["model_version"] as? String)
        if let kind = benchmark.sqlKind {
            let loaded = try SQLRunSetup.load(
                kind, directory: dataset, questions: configuration["questions"] as? String ?? "dev.json")
            try Self.requireUnchanged(loaded.questionsFile, configuration)
            let rules = (configuration["rules"] as? [String] ?? []).compactMap(SQLRuleName.init(rawValue:))
            let job = SQLExecutionJob(
                dataset: SQLDataset(
                    kind: kind, directory: loaded.directory, questionsFile: loaded.questionsFile,
                    tasks: loaded.tasks.filter { ids.contains(String($0.index)) }),
                options: SQLScoreOptions(
                    rules: rules.isEmpty ? [kind == .spider ? .spider : .bird] : rules,
                    keepDistinct: configuration["keep_distinct"] as? Bool ?? false,
                    limits: SQLExecutionLimits(timeout: timeout), allowUnavailable: true))
            try SQLRunSetup.writeOutputs(
                job, ks: ks, samples: configuration["samples"] as? Int ?? 1, store: merged, provenance: provenance,
                directory: into)
            return
        }
        try Self.requireUnchanged(dataset, configuration)
        let all = try PythonBenchmarkSetup.tasks(benchmark, dataset: dataset)
        try RunOutputs.write(
            benchmark: benchmark, tasks: all.filter { ids.contains($0.id) }, ks: ks, store: merged,
            environment: nil, provenance: provenance, directory: into)
    }

    private static func requireUnchanged(_ file: String, _ configuration: [String: Any]) throws {
        guard try RunCommand.fileHash(file) == configuration["dataset_sha256"] as? String else {
            throw ValidationError("\(file) changed since the shards were run")
        }
    }

    static func parse(_ shard: String) -> (Int, Int)? {
        let parts = shard.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2, parts[1] >= 1, (1...parts[1]).contains(parts[0]) else { return nil }
        return (parts[0], parts[1])
    }

    /// The configuration as `crucible run` stores it: keys in order, compact.
    static func canonical(_ object: [String: Any]) -> String {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])).map {
            String(decoding: $0, as: UTF8.self)
        } ?? ""
    }
}

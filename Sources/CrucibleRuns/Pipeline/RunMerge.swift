import CrucibleBenchmarks
import CrucibleCore
import CruciblePython
import CrucibleSQL
import Foundation

/// `crucible merge` as a library: the shards of a run (`--shard I/N`), run anywhere, become one run equal to the
/// unsharded one. Every shard must be finished; all must share one configuration (only the shard differs), the
/// dataset and databases must be unchanged since, and the Python environment the same on every shard.
public struct RunMerge: Sendable {
    public var shards: [String]
    public var into: String
    public var ks: [Int]

    public init(shards: [String], into: String, ks: [Int] = [1]) {
        self.shards = shards
        self.into = into
        self.ks = ks
    }

    /// Merges and writes the outputs; returns the one-line summary.
    public func run() throws -> String {
        let checked = try checkShards()
        let configuration = checked.configuration
        do {
            try FileManager.default.createDirectory(atPath: into, withIntermediateDirectories: true)
        } catch {
            throw RunError(.output, "cannot make \(into): \(error.localizedDescription)")
        }
        let merged = try RunStore(path: into + "/run.sqlite")
        try merged.requireConfiguration(configuration)
        try merged.setTasks(positioned: try checked.stores.flatMap { try $0.positionedTasks() })
        try merged.setUnavailableTasks(checked.unavailable)
        for (round, settings) in checked.rounds.sorted(by: { $0.key < $1.key }) {
            try merged.beginRound(round, settings: settings)
        }
        for store in checked.stores {
            for round in [0] + checked.rounds.keys.sorted() {
                try merged.record(try store.generations(round: round))
                try merged.record(try store.repairs(round: round))
                try merged.record(try store.executions(round: round))
            }
        }
        for round in checked.rounds.keys { try merged.finishRound(round) }
        try MergedEnvironment.record(from: checked.stores, shards: shards, into: merged)
        let ids = Set(try merged.taskIDs())
        var provenance = SQLScoreOutput.Provenance(
            dataset: configuration.dataset, predictions: configuration.model, timeout: configuration.timeout,
            modelVersion: configuration.modelVersion)
        provenance.identify(configuration)
        provenance.commands = try merged.commands()
        if let kind = configuration.benchmark.sqlKind, let sql = configuration.sql {
            let loaded = try kind.load(directory: configuration.dataset, questions: sql.questions)
            try requireUnchanged(loaded.questionsFile, configuration.datasetSHA256)
            let tasks = loaded.tasks.filter { ids.contains($0.id) }
            guard try FileHashes.databases(tasks, root: loaded.directory).allSatisfy({ sql.databasesSHA256[$0] == $1 })
            else {
                throw RunError(.input, "the databases of \(configuration.dataset) changed since the shards were run")
            }
            let job = SQLExecutionJob(
                dataset: SQLDataset(
                    kind: kind, directory: loaded.directory, questionsFile: loaded.questionsFile, tasks: tasks),
                options: SQLScoreOptions(
                    rules: sql.rules, keepDistinct: sql.keepDistinct,
                    limits: SQLExecutionLimits(timeout: configuration.timeout), allowUnavailable: true))
            return try RunOutputs.sql(
                job, ks: ks, samples: configuration.samples, store: merged, provenance: provenance, directory: into)
        }
        try requireUnchanged(configuration.dataset, configuration.datasetSHA256)
        let all = try configuration.benchmark.pythonTasks(configuration.dataset) ?? []
        return try RunOutputs.python(
            benchmark: configuration.benchmark, tasks: all.filter { ids.contains($0.id) }, ks: ks, store: merged,
            environment: nil, provenance: provenance, directory: into)
    }

    struct CheckedShards {
        var configuration: RunConfiguration
        var stores: [RunStore]
        var unavailable: Set<TaskID>
        /// Refinement rounds, each with the settings every shard that has it made it with.
        var rounds: [Int: RoundSettings]
    }

    /// One configuration, shards 1..N each once, each finished.
    func checkShards() throws -> CheckedShards {
        var configuration: RunConfiguration?
        var seen: [Int: String] = [:]
        var total: Int?
        var stores: [RunStore] = []
        var unavailable = Set<TaskID>()
        var rounds: [Int: RoundSettings] = [:]
        for directory in shards {
            let path = directory + "/run.sqlite"
            guard FileManager.default.fileExists(atPath: path) else {
                throw RunError(.input, "\(directory) holds no run.sqlite")
            }
            let store = try RunStore(path: path)
            guard var shardConfiguration = try store.configuration() else {
                throw RunError(.input, "\(path) holds no run configuration")
            }
            guard let text = shardConfiguration.shard, let shard = Shard(text) else {
                throw RunError(.input, "\(directory) is not a shard (it was not run with --shard)")
            }
            shardConfiguration.shard = nil
            if let configuration, configuration != shardConfiguration {
                throw RunError(
                    .input,
                    "\(directory) was run with another configuration or dataset than \(shards[0]) ("
                        + shardConfiguration.differences(from: configuration).joined(separator: ", ")
                        + " differ); only --shard may differ")
            }
            configuration = shardConfiguration
            if let total, total != shard.count {
                throw RunError(.input, "\(directory) is shard \(shard), not of \(total)")
            }
            total = shard.count
            if let other = seen[shard.index] {
                throw RunError(.input, "\(directory) and \(other) are both shard \(shard)")
            }
            seen[shard.index] = directory
            // Text-to-SQL tasks without a database are never asked for (`crucible run --allow-unavailable`).
            let shardUnavailable = try store.unavailableTasks()
            unavailable.formUnion(shardUnavailable)
            let missing = try store.missingSamples(round: 0, samples: shardConfiguration.samples).filter {
                !shardUnavailable.contains($0.taskID)
            }
            guard missing.isEmpty, try store.unexecuted(round: 0).isEmpty else {
                throw RunError(.input, "shard \(shard) in \(directory) is not finished: run it again to complete it")
            }
            // A shard may have stopped refining early (nothing of it failed); the rounds it has must be finished
            // and made as the other shards made them.
            for round in try store.rounds() {
                guard round.finished else {
                    throw RunError(
                        .input,
                        "shard \(shard) in \(directory) has not finished refinement round \(round.round): run it again")
                }
                if let other = rounds[round.round], other != round.settings {
                    throw RunError(
                        .input,
                        "round \(round.round) of \(directory) was made with other settings than another shard's ("
                            + round.settings.differences(from: other).joined(separator: ", ") + " differ)")
                }
                rounds[round.round] = round.settings
            }
            stores.append(store)
        }
        guard let configuration, let total else { throw RunError(.input, "give the shards' run directories") }
        let missing = (1...total).filter { seen[$0] == nil }
        guard missing.isEmpty else {
            let names = missing.map { "\($0)/\(total)" }.joined(separator: ", ")
            throw RunError(.input, "shard\(missing.count > 1 ? "s" : "") \(names) missing")
        }
        return CheckedShards(
            configuration: configuration, stores: stores, unavailable: unavailable, rounds: rounds)
    }

    private func requireUnchanged(_ file: String, _ hash: String) throws {
        guard try FileHashes.sha256(file) == hash else {
            throw RunError(.input, "\(file) changed since the shards were run")
        }
    }
}

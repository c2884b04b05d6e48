public import CrucibleCore

/// One scored result as reports and comparisons see it, whether it came from `crucible run` or `crucible score`:
/// who was evaluated, on what data, and every task's verdicts (each sample's, and after each refinement round).
public struct EvaluatedRun: Sendable {
    public var directory: String
    public var benchmark: String
    /// The model or the predictions file.
    public var model: String
    public var modelVersion: String?
    public var parentVersion: String?
    public var identity: DataIdentity
    /// The name of the benchmark's main grouping (`hardness`, `difficulty`, `library`), nil when it has none.
    public var categoryName: String?
    public var tasks: [EvaluatedTask]
    public var details = RunDetails()

    public init(
        directory: String, benchmark: String, model: String, modelVersion: String? = nil,
        parentVersion: String? = nil, identity: DataIdentity = DataIdentity(), categoryName: String? = nil,
        tasks: [EvaluatedTask]
    ) {
        self.directory = directory
        self.benchmark = benchmark
        self.model = model
        self.modelVersion = modelVersion
        self.parentVersion = parentVersion
        self.identity = identity
        self.categoryName = categoryName
        self.tasks = tasks
    }

    /// How tables name it: the model version when there is one, else the model, a file by its name only.
    public var label: String {
        if let modelVersion { return modelVersion }
        let kind = model.firstIndex(of: ":").map { String(model[..<$0]) }
        let target = kind.map { String(model.dropFirst($0.count + 1)) } ?? model
        let name = target.split(separator: "/").last.map(String.init) ?? target
        return kind == "openai" || kind == nil ? name : "\(kind!):\(name)"
    }

    /// Refinement rounds after the first answers (0 when none).
    public var refinementRounds: Int { (tasks.map(\.rounds.count).max() ?? 1) - 1 }

    /// Tasks that could be judged here.
    public var scoredTasks: [EvaluatedTask] { tasks.filter { $0.samples != nil } }
}

/// One task's verdicts.
public struct EvaluatedTask: Sendable {
    /// As `results.jsonl` writes it (a number for text-to-SQL, a string otherwise).
    public var id: JSONValue
    public var category: String?
    /// Further groupings (DS-1000's perturbation).
    public var groups: [String: String]
    /// Each sample's verdict in round 0; nil when the task is unavailable here.
    public var samples: [Bool]?
    /// Each sample's state after each round (round 0 first); empty when unavailable.
    public var rounds: [[Bool]]

    public init(
        id: JSONValue, category: String? = nil, groups: [String: String] = [:], samples: [Bool]?,
        rounds: [[Bool]]? = nil
    ) {
        self.id = id
        self.category = category
        self.groups = groups
        self.samples = samples
        self.rounds = rounds ?? samples.map { [$0] } ?? []
    }

    /// The id as text (for keys and display).
    public var key: String {
        if case .string(let text) = id { return text }
        return id.serialized()
    }

    /// The task's pass@1 estimate after `round` (fraction of passing samples); nil when unavailable.
    public func passRate(round: Int = 0) -> Double? {
        guard round < rounds.count, !rounds[round].isEmpty else { return nil }
        return Double(rounds[round].filter { $0 }.count) / Double(rounds[round].count)
    }

    /// The first sample's verdict after `round`: the binary outcome paired tests use.
    public func firstPassed(round: Int = 0) -> Bool? {
        guard round < rounds.count else { return nil }
        return rounds[round].first
    }
}

/// What a result's verdicts depend on: comparing results judged on different data is refused.
public struct DataIdentity: Sendable, Equatable {
    public var datasetSHA256: String?
    public var goldSHA256: String?
    /// Database files by path relative to the dataset directory.
    public var databasesSHA256: [String: String]

    public init(datasetSHA256: String? = nil, goldSHA256: String? = nil, databasesSHA256: [String: String] = [:]) {
        self.datasetSHA256 = datasetSHA256
        self.goldSHA256 = goldSHA256
        self.databasesSHA256 = databasesSHA256
    }

    /// What differs from `other`: the dataset, the gold, or a database both used; unknown hashes count as
    /// differing, since sameness cannot be shown.
    public func differences(from other: DataIdentity) -> [String] {
        var found: [String] = []
        if datasetSHA256 == nil || datasetSHA256 != other.datasetSHA256 { found.append("dataset") }
        if goldSHA256 != other.goldSHA256 { found.append("gold") }
        let shared = Set(databasesSHA256.keys).intersection(other.databasesSHA256.keys)
        for path in shared.sorted() where databasesSHA256[path] != other.databasesSHA256[path] {
            found.append("database \(path)")
        }
        return found
    }
}

public import CrucibleBenchmarks
public import CrucibleSQL
import Foundation

/// What identifies a run: stored in `run.sqlite` the first time, and required to be equal on every resume and
/// across the shards of a merge. A typed value: a key that is missing or misspelt in a stored configuration is
/// an error when it is read, never a default silently standing in for it.
public struct RunConfiguration: Codable, Sendable, Equatable {
    public var benchmark: Benchmark
    /// The dataset as given (standardized path): the problems file, or the text-to-SQL benchmark's directory.
    public var dataset: String
    /// SHA-256 of the problems file (text-to-SQL: of the questions file).
    public var datasetSHA256: String
    /// `I/N` for a shard of a run, nil for a whole run (and for a merged one).
    public var shard: String?
    public var model: String
    public var endpoint: String
    public var samples: Int
    /// `--tasks` as given ("" for all).
    public var tasks: String
    public var limit: Int?
    public var promptTemplateSHA256: String?
    public var temperature: Double?
    public var topP: Double?
    public var maxTokens: Int?
    public var seed: Int?
    public var timeout: Double
    public var modelVersion: String?
    /// The model version this one was trained from (`--parent-version`): reports lay versions out along this line.
    public var parentVersion: String?
    /// `--tasks-file`: the side of a `crucible split` the run took, and the SHA-256 of that file.
    public var split: TaskSplit.Side?
    public var splitSHA256: String?
    /// Text-to-SQL only (nil for Python benchmarks).
    public var sql: SQLSettings?
    /// Execution prediction (CRUXEval) only: which of its prompts the run sends.
    public var promptStyle: CRUXEvalPrompts.Style?
    public var hidesCode: Bool?

    /// The text-to-SQL settings that change prompts or verdicts.
    public struct SQLSettings: Codable, Sendable, Equatable {
        public var questions: String
        public var rules: [SQLRuleName]
        public var keepDistinct: Bool
        public var exampleRows: Int
        public var shots: Int
        public var shotSelection: FewShotPool.Selection
        public var fewShotSHA256: String?
        /// Every database file the selected tasks use, by path relative to the dataset directory: verdicts depend
        /// on the databases as much as on the questions.
        public var databasesSHA256: [String: String]

        public init(
            questions: String, rules: [SQLRuleName], keepDistinct: Bool, exampleRows: Int, shots: Int,
            shotSelection: FewShotPool.Selection, fewShotSHA256: String?, databasesSHA256: [String: String]
        ) {
            self.questions = questions
            self.rules = rules
            self.keepDistinct = keepDistinct
            self.exampleRows = exampleRows
            self.shots = shots
            self.shotSelection = shotSelection
            self.fewShotSHA256 = fewShotSHA256
            self.databasesSHA256 = databasesSHA256
        }
    }

    public init(
        benchmark: Benchmark, dataset: String, datasetSHA256: String, shard: String? = nil, model: String,
        endpoint: String = "chat", samples: Int = 1, tasks: String = "", limit: Int? = nil,
        promptTemplateSHA256: String? = nil, temperature: Double? = nil, topP: Double? = nil, maxTokens: Int? = nil,
        seed: Int? = nil, timeout: Double, modelVersion: String? = nil, sql: SQLSettings? = nil
    ) {
        self.benchmark = benchmark
        self.dataset = dataset
        self.datasetSHA256 = datasetSHA256
        self.shard = shard
        self.model = model
        self.endpoint = endpoint
        self.samples = samples
        self.tasks = tasks
        self.limit = limit
        self.promptTemplateSHA256 = promptTemplateSHA256
        self.temperature = temperature
        self.topP = topP
        self.maxTokens = maxTokens
        self.seed = seed
        self.timeout = timeout
        self.modelVersion = modelVersion
        self.sql = sql
    }

    // The stored form is flat, with the text-to-SQL settings beside the others, as runs have always stored it
    // (docs/run-store.md), so that earlier runs still resume.
    enum CodingKeys: String, CodingKey {
        case benchmark, dataset, shard, model, endpoint, samples, tasks, limit, temperature, seed, timeout
        case datasetSHA256 = "dataset_sha256"
        case promptTemplateSHA256 = "prompt_template_sha256"
        case topP = "top_p"
        case maxTokens = "max_tokens"
        case modelVersion = "model_version"
        case parentVersion = "parent_version"
        case split
        case splitSHA256 = "split_sha256"
        case promptStyle = "prompt_style"
        case hidesCode = "hide_code"
        case questions, rules
        case keepDistinct = "keep_distinct"
        case exampleRows = "example_rows"
        case shots
        case shotSelection = "shot_selection"
        case fewShotSHA256 = "few_shot_sha256"
        case databasesSHA256 = "databases_sha256"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        benchmark = try container.decode(Benchmark.self, forKey: .benchmark)
        dataset = try container.decode(String.self, forKey: .dataset)
        datasetSHA256 = try container.decode(String.self, forKey: .datasetSHA256)
        shard = try container.decodeIfPresent(String.self, forKey: .shard)
        model = try container.decode(String.self, forKey: .model)
        endpoint = try container.decode(String.self, forKey: .endpoint)
        samples = try container.decode(Int.self, forKey: .samples)
        tasks = try container.decode(String.self, forKey: .tasks)
        limit = try container.decodeIfPresent(Int.self, forKey: .limit)
        promptTemplateSHA256 = try container.decodeIfPresent(String.self, forKey: .promptTemplateSHA256)
        temperature = try container.decodeIfPresent(Double.self, forKey: .temperature)
        topP = try container.decodeIfPresent(Double.self, forKey: .topP)
        maxTokens = try container.decodeIfPresent(Int.self, forKey: .maxTokens)
        seed = try container.decodeIfPresent(Int.self, forKey: .seed)
        timeout = try container.decode(Double.self, forKey: .timeout)
        modelVersion = try container.decodeIfPresent(String.self, forKey: .modelVersion)
        parentVersion = try container.decodeIfPresent(String.self, forKey: .parentVersion)
        split = try container.decodeIfPresent(TaskSplit.Side.self, forKey: .split)
        splitSHA256 = try container.decodeIfPresent(String.self, forKey: .splitSHA256)
        promptStyle = try container.decodeIfPresent(CRUXEvalPrompts.Style.self, forKey: .promptStyle)
        hidesCode = try container.decodeIfPresent(Bool.self, forKey: .hidesCode)
        guard benchmark.sqlKind != nil else {
            sql = nil
            return
        }
        sql = SQLSettings(
            questions: try container.decode(String.self, forKey: .questions),
            rules: try container.decode([SQLRuleName].self, forKey: .rules),
            keepDistinct: try container.decode(Bool.self, forKey: .keepDistinct),
            exampleRows: try container.decode(Int.self, forKey: .exampleRows),
            shots: try container.decode(Int.self, forKey: .shots),
            shotSelection: try container.decode(FewShotPool.Selection.self, forKey: .shotSelection),
            fewShotSHA256: try container.decodeIfPresent(String.self, forKey: .fewShotSHA256),
            databasesSHA256: try container.decode([String: String].self, forKey: .databasesSHA256))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(benchmark, forKey: .benchmark)
        try container.encode(dataset, forKey: .dataset)
        try container.encode(datasetSHA256, forKey: .datasetSHA256)
        try container.encode(shard, forKey: .shard)
        try container.encode(model, forKey: .model)
        try container.encode(endpoint, forKey: .endpoint)
        try container.encode(samples, forKey: .samples)
        try container.encode(tasks, forKey: .tasks)
        try container.encode(limit, forKey: .limit)
        try container.encode(promptTemplateSHA256, forKey: .promptTemplateSHA256)
        try container.encode(temperature, forKey: .temperature)
        try container.encode(topP, forKey: .topP)
        try container.encode(maxTokens, forKey: .maxTokens)
        try container.encode(seed, forKey: .seed)
        try container.encode(timeout, forKey: .timeout)
        try container.encode(modelVersion, forKey: .modelVersion)
        // Absent rather than null when unused, so runs made before these keys existed store the same text.
        try container.encodeIfPresent(parentVersion, forKey: .parentVersion)
        try container.encodeIfPresent(split, forKey: .split)
        try container.encodeIfPresent(splitSHA256, forKey: .splitSHA256)
        try container.encodeIfPresent(promptStyle, forKey: .promptStyle)
        try container.encodeIfPresent(hidesCode, forKey: .hidesCode)
        guard let sql else { return }
        try container.encode(sql.questions, forKey: .questions)
        try container.encode(sql.rules, forKey: .rules)
        try container.encode(sql.keepDistinct, forKey: .keepDistinct)
        try container.encode(sql.exampleRows, forKey: .exampleRows)
        try container.encode(sql.shots, forKey: .shots)
        try container.encode(sql.shotSelection, forKey: .shotSelection)
        try container.encode(sql.fewShotSHA256, forKey: .fewShotSHA256)
        try container.encode(sql.databasesSHA256, forKey: .databasesSHA256)
    }

    /// The stored text: sorted keys, so equal configurations are equal text.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Reads a stored configuration; `path` names the store in the error.
    public static func decode(_ text: String, path: String) throws(RunStoreError) -> RunConfiguration {
        do {
            return try JSONDecoder().decode(RunConfiguration.self, from: Data(text.utf8))
        } catch {
            throw RunStoreError(.mismatch, path: path, "the stored run configuration cannot be read: \(error)")
        }
    }

    /// The names of the fields that differ from `other`, for messages that say what changed.
    public func differences(from other: RunConfiguration) -> [String] {
        func object(_ configuration: RunConfiguration) -> [String: Any] {
            let data = Data(configuration.json().utf8)
            return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        }
        let mine = object(self)
        let theirs = object(other)
        return Set(mine.keys).union(theirs.keys).sorted().filter { key in
            let left = mine[key].map { "\($0)" } ?? "nil"
            let right = theirs[key].map { "\($0)" } ?? "nil"
            return left != right
        }
    }
}

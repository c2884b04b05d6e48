public import CrucibleBenchmarks
import CrucibleCore
import Foundation

/// The execution phase of a text-to-SQL run: every stored generation without a verdict is executed with its gold
/// and judged under the run's rules (`ChunkedExecution`).
public struct SQLExecutionJob: Sendable {
    /// The run's tasks, with their dataset indexes (a run may hold a part of the dataset).
    public var dataset: SQLDataset
    public var round: Int
    public var options: SQLScoreOptions
    /// Samples judged between two writes to the store.
    public var chunkSize: Int

    public init(dataset: SQLDataset, round: Int = 0, options: SQLScoreOptions, chunkSize: Int = 1024) {
        self.dataset = dataset
        self.round = round
        self.options = options
        self.chunkSize = chunkSize
    }

    /// Judges what has no verdict yet; returns how many samples were judged. `progress` receives the samples
    /// judged so far in this call and how many of them passed. With a `feed`, it judges answers while generation
    /// stores them, until generation ends.
    @discardableResult
    public func run(
        store: RunStore, progress: (@Sendable (_ done: Int, _ passed: Int) -> Void)? = nil
    ) throws(RunError) -> Int {
        try run(store: store, feed: nil, progress: progress)
    }

    func run(
        store: RunStore, feed: GenerationFeed?, progress: (@Sendable (_ done: Int, _ passed: Int) -> Void)?
    ) throws(RunError) -> Int {
        let byID = Dictionary(dataset.tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var options = self.options
        // Gold checks are made once for the whole run (`goldChecks`), not per chunk.
        options.checkGoldDeterminism = false
        options.allowUnavailable = true
        return try ChunkedExecution.run(
            store: store, round: round, chunkSize: chunkSize, feed: feed, progress: progress
        ) { chunk throws(RunError) in
            // A stored answer for a task the run does not know would otherwise stay unjudged forever.
            if let unknown = chunk.first(where: { byID[$0.taskID] == nil }) {
                throw RunError(
                    .dataset,
                    "\(store.path) holds an answer for task \(unknown.taskID), which is not a task of this run's "
                        + "dataset (\(dataset.questionsFile))")
            }
            let result = Self.score(
                chunk.map { byID[$0.taskID]! }, predictions: chunk.map(\.code), kind: dataset.kind, options: options)
            return zip(chunk, result.scores).map { generation, score in
                StoredExecution(
                    taskID: generation.taskID, round: round, sample: generation.sample, status: .sql(score.status),
                    passed: score.passed, detail: SQLSampleVerdict(score).json, seconds: score.predictedSeconds)
            }
        }
    }

    /// Executes every gold of the run once (and probes order-dependent ones), as `crucible score` does before
    /// scoring: failing and nondeterministic golds and the maximum reachable accuracy.
    public func goldChecks() throws(RunError) -> GoldCheckReport {
        var options = self.options
        options.allowUnavailable = true
        return Self.score(
            dataset.tasks, predictions: dataset.tasks.map(\.gold), kind: dataset.kind, options: options
        ).goldChecks
    }

    /// Scores `tasks` (any of the dataset's, repeats allowed) with one prediction each.
    static func score(
        _ tasks: [SQLTask], predictions: [String], kind: SQLBenchmarkKind, options: SQLScoreOptions
    ) -> SQLScoreResult {
        SQLScoreJob(
            kind: kind, items: zip(tasks, predictions).map { SQLScoreJob.Item(task: $0, prediction: $1) },
            options: options
        ).run()
    }
}

public import CrucibleBenchmarks
import CrucibleCore
import Foundation

/// `crucible split` as a library: a benchmark's tasks split into train and eval lists written to a folder as
/// `train.json` and `eval.json`.
public struct DatasetSplit: Sendable {
    public var benchmark: Benchmark
    public var dataset: String
    public var questions = "dev.json"
    public var evalFraction: Double
    public var seed: UInt64
    public var out: String

    public init(benchmark: Benchmark, dataset: String, evalFraction: Double, seed: UInt64, out: String) {
        self.benchmark = benchmark
        self.dataset = dataset
        self.evalFraction = evalFraction
        self.seed = seed
        self.out = out
    }

    /// Writes both files; returns a one-line summary.
    public func run() throws -> String {
        guard evalFraction > 0 && evalFraction < 1 else {
            throw RunError(.input, "--eval-fraction is between 0 and 1 (exclusive), not \(evalFraction)")
        }
        let (tasks, hash) = try Self.tasks(benchmark: benchmark, dataset: dataset, questions: questions)
        let (train, eval) = TaskSplit.make(
            benchmark: benchmark, datasetSHA256: hash, tasks: tasks, evalFraction: evalFraction, seed: seed)
        try RunOutputs.writing(out) {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            try train.json().write(toFile: out + "/train.json", atomically: true, encoding: .utf8)
            try eval.json().write(toFile: out + "/eval.json", atomically: true, encoding: .utf8)
        }
        return "\(benchmark.rawValue): \(train.tasks.count) train and \(eval.tasks.count) eval tasks written to "
            + "\(out)/train.json and \(out)/eval.json"
    }

    /// A benchmark's tasks (id and category) in dataset order, and the hash runs record for the dataset.
    static func tasks(benchmark: Benchmark, dataset: String, questions: String) throws -> (
        [(id: TaskID, category: String?)], String
    ) {
        if let kind = benchmark.sqlKind {
            let loaded = try kind.load(directory: dataset, questions: questions)
            return (loaded.tasks.map { ($0.id, $0.category) }, try FileHashes.sha256(loaded.questionsFile))
        }
        let tasks = try benchmark.pythonTasks(dataset) ?? []
        return (tasks.map { ($0.id, $0.category) }, try FileHashes.sha256(dataset))
    }
}

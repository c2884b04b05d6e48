public import CrucibleBenchmarks
public import CrucibleCore
import Foundation

/// One side of a train/eval split of a benchmark's tasks (`crucible split`), as the file `run --tasks-file` reads:
/// which dataset it was made from (by hash), how, and its task ids. Runs record which split they used, and exports
/// of training data refuse runs over the evaluation split, so that it stays clean (CodeLutra trains on part of
/// DS-1000 and evaluates on the rest).
public struct TaskSplit: Codable, Sendable, Equatable {
    public enum Side: String, Codable, Sendable {
        case train, eval
    }

    public var benchmark: Benchmark
    public var datasetSHA256: String
    public var side: Side
    public var seed: UInt64
    public var evalFraction: Double
    public var tasks: [String]

    enum CodingKeys: String, CodingKey {
        case benchmark, seed, tasks
        case datasetSHA256 = "dataset_sha256"
        case side = "split"
        case evalFraction = "eval_fraction"
    }

    /// Splits `tasks` (in dataset order) with `evalFraction` of each category in the evaluation side, chosen by a
    /// seeded shuffle: the same seed gives the same split on any machine.
    public static func make(
        benchmark: Benchmark, datasetSHA256: String, tasks: [(id: TaskID, category: String?)], evalFraction: Double,
        seed: UInt64
    ) -> (train: TaskSplit, eval: TaskSplit) {
        var generator = SplitMix64(seed: seed)
        var categories: [String] = []
        var byCategory: [String: [TaskID]] = [:]
        for task in tasks {
            let category = task.category ?? ""
            if byCategory[category] == nil { categories.append(category) }
            byCategory[category, default: []].append(task.id)
        }
        var evaluated = Set<TaskID>()
        for category in categories {
            var ids = byCategory[category]!
            // Fisher–Yates with the seeded generator (Swift's own shuffle may change between releases).
            for index in stride(from: ids.count - 1, to: 0, by: -1) {
                let other = Int(generator.next() % UInt64(index + 1))
                ids.swapAt(index, other)
            }
            let count = Int((Double(ids.count) * evalFraction).rounded())
            evaluated.formUnion(ids.prefix(count))
        }
        func side(_ side: Side, _ ids: [TaskID]) -> TaskSplit {
            TaskSplit(
                benchmark: benchmark, datasetSHA256: datasetSHA256, side: side, seed: seed, evalFraction: evalFraction,
                tasks: ids.map(\.rawValue))
        }
        return (
            side(.train, tasks.map(\.id).filter { !evaluated.contains($0) }),
            side(.eval, tasks.map(\.id).filter { evaluated.contains($0) })
        )
    }

    /// Reads a split file; errors name it.
    public static func read(_ path: String) throws(DatasetError) -> TaskSplit {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DatasetError(.missingFile, file: path, "cannot read the task list")
        }
        do {
            return try JSONDecoder().decode(TaskSplit.self, from: data)
        } catch {
            throw DatasetError(.malformed, file: path, "not a task list written by crucible split: \(error)")
        }
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) + "\n" } ?? "{}"
    }
}

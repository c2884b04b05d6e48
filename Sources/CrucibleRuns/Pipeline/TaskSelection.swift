import Foundation

/// Which of a benchmark's tasks a run takes: `--tasks`, `--limit`, then `--shard`.
public struct TaskSelection: Sendable, Equatable {
    /// Task ids as given (comma-separated); nil for all.
    public var tasks: String?
    public var limit: Int?
    public var shard: Shard?

    public init(tasks: String? = nil, limit: Int? = nil, shard: Shard? = nil) {
        self.tasks = tasks
        self.limit = limit
        self.shard = shard
    }

    /// The same selection over the whole run, not one shard of it.
    var withoutShard: TaskSelection { TaskSelection(tasks: tasks, limit: limit) }

    /// The chosen tasks with their positions among the selected ones (a merge puts shards back in order by them),
    /// in dataset order. An id that is not a task of the dataset is an error naming it.
    func apply<Item>(_ all: [Item], id: (Item) -> String, dataset: String) throws(RunError) -> [(
        position: Int, item: Item
    )] {
        var chosen = all
        if let tasks {
            let wanted = tasks.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let known = Set(all.map(id))
            if let unknown = wanted.first(where: { !known.contains($0) }) {
                throw RunError(.input, "--tasks: \(unknown) is not a task of \(dataset)")
            }
            let set = Set(wanted)
            chosen = all.filter { set.contains(id($0)) }
        }
        if let limit { chosen = Array(chosen.prefix(max(0, limit))) }
        let shard = self.shard ?? Shard(index: 1, count: 1)
        return chosen.enumerated().filter { $0.offset % shard.count == shard.index - 1 }.map { ($0.offset, $0.element) }
    }
}

/// Shard `index` of `count` (1-based): every `count`-th task from the `index`-th.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// `I/N` with 1 <= I <= N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/").map { Int($0) }
        guard parts.count == 2, let index = parts[0], let count = parts[1], count >= 1, (1...count).contains(index)
        else { return nil }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }
}

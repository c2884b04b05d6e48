import ArgumentParser
import CrucibleRuns

/// Which tasks a run takes.
struct SelectionOptions: ParsableArguments {
    @Option(help: "Only the first N tasks.")
    var limit: Int?

    @Option(help: "Only these task ids (comma-separated).")
    var tasks: String?

    @Option(help: "Run only shard I of N (every N-th task, from the I-th), e.g. 2/3; merge shards with crucible merge.")
    var shard: String?

    func validate() throws {
        if let shard, Shard(shard) == nil { throw ValidationError("--shard is I/N with 1 <= I <= N, e.g. 2/3") }
    }

    var selection: TaskSelection {
        TaskSelection(tasks: tasks, limit: limit, shard: shard.flatMap(Shard.init))
    }
}

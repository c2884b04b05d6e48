import ArgumentParser
import CrucibleRuns

/// `crucible merge`: the shards of a run (`crucible run --shard I/N`), run anywhere, become one run.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the run directories of a run's shards into one run.",
        discussion: """
            Every shard must be finished and all must share one configuration and dataset (only --shard differs); \
            shards 1..N must all be there, each once, and the dataset and databases unchanged since. The merged run \
            has the unsharded configuration, so it equals a run made in one go, and can be reported or resumed like \
            one.
            """)

    @Argument(help: "The shards' run directories.")
    var shards: [String]

    @Option(help: "The merged run's directory.")
    var into: String

    @Option(help: "The k values of pass@k, comma-separated.")
    var k = "1"

    func run() throws {
        try CommandFailures.report(command: "merge") {
            print(try RunMerge(shards: shards, into: into, ks: try JudgingOptions.ks(k)).run())
        }
    }
}

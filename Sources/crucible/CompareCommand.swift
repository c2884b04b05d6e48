import ArgumentParser
import CrucibleRuns

/// `crucible compare`: is version B really better than version A?
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare results paired on the tasks both scored: difference, interval, McNemar's test, flips.",
        discussion: """
            Each directory is made by crucible run or crucible score --out. With more than two, each is compared \
            with the first and the p-values are Holm-adjusted. Results judged on different data (dataset, gold or \
            database hashes) are refused unless --allow-different-data.
            """)

    @Argument(help: "Run or score directories: A, then B (and more).")
    var directories: [String]

    @Option(help: "Write compare.md and compare.json to this folder.")
    var out: String?

    @Flag(help: "Print the comparison as JSON instead of markdown.")
    var json = false

    @Option(help: "Compare the verdicts after this refinement round (0: the first answers).")
    var round = 0

    @Option(help: "Bootstrap resamples for the interval of the difference.")
    var resamples = 10_000

    @Option(help: "The bootstrap's seed.")
    var seed: UInt64 = 0

    @Flag(help: "Compare results judged on different data anyway (the report says so).")
    var allowDifferentData = false

    func validate() throws {
        if directories.count < 2 { throw ValidationError("give two or more directories") }
        if resamples < 100 { throw ValidationError("--resamples must be 100 or more") }
        if round < 0 { throw ValidationError("--round must be 0 or more") }
    }

    func run() throws {
        try CommandFailures.report(command: "compare") {
            var pipeline = ComparePipeline(directories: directories)
            pipeline.out = out
            pipeline.round = round
            pipeline.resamples = resamples
            pipeline.seed = seed
            pipeline.allowDifferentData = allowDifferentData
            let outcome = try pipeline.run()
            print(json ? outcome.json.serialized(pretty: true) : outcome.markdown, terminator: json ? "\n" : "")
        }
    }
}

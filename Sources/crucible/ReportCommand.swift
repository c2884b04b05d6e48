import ArgumentParser
import CrucibleRuns

/// `crucible report`: the tables researchers paste into papers.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write paper-style tables (with intervals), breakdowns, refinement and version tables.",
        discussion: """
            Each directory is made by crucible run or crucible score --out. One row per model or model version, \
            one column per benchmark metric; accuracy with its 95 % interval (Wilson for one sample per task, a \
            bootstrap over tasks otherwise), the best of each column in bold, and how to reproduce every result.
            """)

    @Argument(help: "Run or score directories.")
    var directories: [String]

    @Option(help: "The folder to write to.")
    var out = "Reports/report"

    @Option(help: "md, json or latex; repeatable.")
    var format: [ReportPipeline.Format] = [.md]

    @Option(help: "Bootstrap resamples for intervals over tasks.")
    var resamples = 10_000

    @Option(help: "The bootstrap's seed.")
    var seed: UInt64 = 0

    func validate() throws {
        if resamples < 100 { throw ValidationError("--resamples must be 100 or more") }
    }

    func run() throws {
        try CommandFailures.report(command: "report") {
            var pipeline = ReportPipeline(directories: directories)
            pipeline.out = out
            pipeline.formats = format
            pipeline.resamples = resamples
            pipeline.seed = seed
            let (_, files) = try pipeline.run()
            print("wrote " + files.joined(separator: ", "))
        }
    }
}

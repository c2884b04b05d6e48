import ArgumentParser

@main
struct Crucible: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crucible",
        abstract: "Evaluate code-generating models by running what they write.",
        version: CrucibleVersion.string,
        subcommands: [
            ScoreCommand.self, RunCommand.self, RefineCommand.self, MergeCommand.self, CompareCommand.self,
            ReportCommand.self,
            SplitCommand.self, ExportCommand.self, MakeDatabasesCommand.self, WorkerCommand.self,
        ]
    )
}

enum CrucibleVersion {
    static let string = "0.1.0"
}

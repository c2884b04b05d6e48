import ArgumentParser
import CrucibleRuns

/// `crucible export`: a run's candidates as training data for the next model version.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a run's passing and failing candidates as training data (TRL's JSON lines).",
        discussion: """
            preferences: chosen = a passing candidate, rejected = a failing one of the same task (DPO). \
            sft: passing candidates as prompt/completion; --repairs: repair conversations whose fix passed \
            (LEDEX); --format kto: every candidate with a label. Identical candidates are never paired. The run \
            must be over the train side of crucible split (or --allow-unsplit); runs over the eval side are refused.
            """)

    @Argument(help: "preferences or sft.")
    var kind: TrainingExport.Kind

    @Option(name: .customLong("run"), help: "The run directory.")
    var runDirectory: String

    @Option(help: "The output file (default RUN/<kind>.jsonl).")
    var out: String?

    @Option(help: "standard (strings), conversational (chat messages), or kto (sft only).")
    var format: TrainingExport.Format = .standard

    @Flag(help: "sft: the repair conversations whose fix passed, instead of passing first answers.")
    var repairs = false

    @Option(help: "preferences: at most N pairs per task.")
    var maxPairsPerTask: Int?

    @Option(help: "preferences: the seed that chooses the pairs.")
    var seed: UInt64 = 0

    @Flag(help: "Allow a run over no split (the metadata says so).")
    var allowUnsplit = false

    func validate() throws {
        if repairs && kind != .sft { throw ValidationError("--repairs is for sft exports") }
        if let maxPairsPerTask, maxPairsPerTask < 1 { throw ValidationError("--max-pairs-per-task must be positive") }
    }

    func run() throws {
        try CommandFailures.report(command: "export") {
            var export = TrainingExport(run: runDirectory, kind: kind)
            export.format = format
            export.repairs = repairs
            export.out = out
            export.maxPairsPerTask = maxPairsPerTask
            export.seed = seed
            export.allowUnsplit = allowUnsplit
            print(try export.export())
        }
    }
}

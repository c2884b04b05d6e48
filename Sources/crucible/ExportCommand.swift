import ArgumentParser
import CrucibleBenchmarks
import CrucibleRuns

/// `crucible export`: a run's candidates as training data for the next model version.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Write a run's passing and failing candidates, or a split's CRUXEval functions, as training data (TRL's JSON lines).",
        discussion: """
            preferences: chosen = a passing candidate, rejected = a failing one of the same task (DPO). \
            sft: passing candidates as prompt/completion; --repairs: repair conversations whose fix passed \
            (LEDEX); --format kto: every candidate with a label. Identical candidates are never paired. The run \
            must be over the train side of crucible split (or --allow-unsplit); runs over the eval side are refused. \
            programs: the source of the CRUXEval functions of a split's train side, renamed cruxeval_<id>, as \
            {"text": ...} lines (Programming by Backprop; evaluate with crucible run --hide-code on the eval side).
            """)

    @Argument(help: "preferences, sft or programs.")
    var kind: ExportKind

    @Option(name: .customLong("run"), help: "preferences, sft: the run directory.")
    var runDirectory: String?

    @Option(help: "programs: cruxeval-o or cruxeval-i.")
    var benchmark: Benchmark?

    @Option(help: "programs: the problems file (cruxeval.jsonl).")
    var dataset: String?

    @Option(help: "programs: the train side of crucible split (train.json).")
    var split: String?

    @Option(help: "The output file (default RUN/<kind>.jsonl; programs: programs.jsonl beside the split).")
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
        if kind == .programs {
            if benchmark == nil || dataset == nil || split == nil {
                throw ValidationError("export programs needs --benchmark, --dataset and --split")
            }
            if runDirectory != nil { throw ValidationError("export programs reads a split, not a run: drop --run") }
        } else if runDirectory == nil {
            throw ValidationError("export \(kind.rawValue) needs --run")
        }
        if repairs && kind != .sft { throw ValidationError("--repairs is for sft exports") }
        if let maxPairsPerTask, maxPairsPerTask < 1 { throw ValidationError("--max-pairs-per-task must be positive") }
    }

    func run() throws {
        try CommandFailures.report(command: "export") {
            guard let runDirectory, let trainingKind = kind.training else {
                let export = ProgramsExport(benchmark: benchmark!, dataset: dataset!, split: split!, out: out)
                print(try export.export())
                return
            }
            var export = TrainingExport(run: runDirectory, kind: trainingKind)
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

/// What `crucible export` writes: a run's candidates (`TrainingExport.Kind`) or a split's programs.
enum ExportKind: String, CaseIterable, ExpressibleByArgument {
    case preferences, sft, programs

    var training: TrainingExport.Kind? { TrainingExport.Kind(rawValue: rawValue) }
}

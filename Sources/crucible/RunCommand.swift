import ArgumentParser
import CruciblePython
import CrucibleRuns

/// `crucible run`: generate with a model, execute, score, all recorded in a resumable run store.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Ask a model for answers, run them and score them; the run is stored and resumable.",
        discussion: """
            Every prompt, completion and verdict is written to RUN_DIR/run.sqlite as it completes. Run the same \
            command again (or with --resume RUN_DIR) to continue a run that was killed or stopped: completed \
            generations and executions are never repeated. Identical requests made by earlier runs are taken from \
            the generation cache (--generation-cache).
            """)

    @OptionGroup var benchmark: BenchmarkOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var sampling: SamplingOptions
    @OptionGroup var prompts: PromptOptions
    @OptionGroup var selection: SelectionOptions
    @OptionGroup var judging: JudgingOptions
    @OptionGroup var execution: ExecutionOptions
    @OptionGroup var refinement: RefinementArguments

    @Option(help: "The run directory (default Reports/runs/<benchmark>-<model>).")
    var runDir: String?

    @Option(help: "A task list written by crucible split (train.json or eval.json): the run takes its tasks.")
    var tasksFile: String?

    @Option(help: "Continue the run in this directory (the same as giving it as --run-dir).")
    var resume: String?

    @Option(help: "Write the prompts the run still needs to FILE (JSON lines) and stop, for batch generation.")
    var exportPrompts: String?

    @Option(help: "Take the completions from FILE (answers to --export-prompts' lines) instead of asking the model.")
    var importCompletions: String?

    @Option(
        name: .customLong("generation-cache"),
        help:
            "The generation cache file, or `off` (default: $CRUCIBLE_GENERATION_CACHE, else ~/.cache/crucible/generations.sqlite)."
    )
    var generationCachePath: String?

    @Flag(help: "No progress output (for logs); the summary line is still printed.")
    var quiet = false

    func validate() throws {
        if model.model == nil { throw ValidationError("Missing expected argument '--model <model>'") }
        if benchmark.benchmark.sqlKind == nil {
            let sqlOnly = [
                ("--few-shot", prompts.fewShot != nil), ("--rules", judging.rules != nil || judging.rule != nil),
                ("--keep-distinct", judging.keepDistinct), ("--allow-unavailable", judging.allowUnavailable),
            ]
            if let given = sqlOnly.first(where: { $0.1 }) {
                throw ValidationError("\(given.0) is for spider and bird runs")
            }
        }
        if exportPrompts != nil && importCompletions != nil {
            throw ValidationError("give --export-prompts or --import-completions, not both")
        }
        if let largest = try judging.ks().max(), largest > sampling.samples {
            throw ValidationError("pass@\(largest) needs --samples \(largest) or more")
        }
    }

    func run() throws {
        try CommandFailures.report(command: "run") {
            let pipeline = RunPipeline(options: try options(), observer: ConsoleRunObserver(quiet: quiet))
            switch try pipeline.run() {
            case .exported(let requests, let file):
                print("wrote \(requests) prompts to \(file); answer them and run again with --import-completions")
            case .finished(let summary, _):
                print(summary)
            }
        }
    }

    func options() throws -> RunOptions {
        var options = RunOptions(
            benchmark: benchmark.benchmark, dataset: benchmark.dataset, model: try model.specification()!,
            workerExecutable: PythonSandbox.Options.ownExecutable, harness: .crucible)
        options.questions = benchmark.questions
        options.modelVersion = model.modelVersion
        options.parentVersion = model.parentVersion
        options.tasksFile = tasksFile
        options.sampling = sampling.sampling
        options.refinement = refinement.options
        options.selection = selection.selection
        options.runDirectory = resume ?? runDir
        options.promptTemplate = prompts.promptTemplate
        options.promptStyle = prompts.promptStyle
        options.hidesCode = prompts.hideCode
        options.exportPrompts = exportPrompts
        options.importCompletions = importCompletions
        options.ks = try judging.ks()
        options.timeout = execution.timeout
        options.generationCache = GenerationCacheLocation(argument: generationCachePath)
        options.fewShot = prompts.fewShot
        options.shots = prompts.shots
        options.shotSelection = prompts.shotSelection
        options.exampleRows = prompts.exampleRows
        options.rules = try benchmark.benchmark.sqlKind.flatMap { try judging.chosenRules(for: $0) }
        options.keepDistinct = judging.keepDistinct
        options.allowUnavailable = judging.allowUnavailable
        options.pythonPaths = execution.pythonPaths
        options.seabornData = execution.seabornData
        options.stabilityRuns = execution.checkStability
        options.workers = execution.workers
        options.commandLine = CommandLineText.current
        return options
    }
}

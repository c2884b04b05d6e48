import ArgumentParser
import CruciblePython
import CrucibleRuns

/// `crucible refine`: repair rounds added to a stored run.
struct RefineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refine",
        abstract: "Add repair rounds to a run: every failing sample is shown feedback and asked for a fix.",
        discussion: """
            RUN_DIR is a directory made by crucible run, a replayed one included. The dataset, tasks, samples, \
            sampling, rules and timeout are the run's own. --model asks another model (default: the run's; an \
            openai: model needs its --base-url again). Rounds already finished keep their model and feedback; \
            --rounds K makes the run end with rounds 1..K. Run the same command again to resume.
            """)

    @Argument(help: "The run directory.")
    var runDirectory: String

    @OptionGroup var model: ModelOptions
    @OptionGroup var refinement: RefinementArguments
    @OptionGroup var execution: ExecutionOptions

    @Option(help: "Write the repair requests still needed to FILE (JSON lines) and stop, for batch generation.")
    var exportPrompts: String?

    @Option(help: "Take the repairs from FILE (answers to --export-prompts' lines) instead of asking the model.")
    var importCompletions: String?

    @Option(
        name: .customLong("generation-cache"),
        help: "The generation cache file, or `off` (default: $CRUCIBLE_GENERATION_CACHE, else ~/.cache/crucible).")
    var generationCachePath: String?

    @Option(help: "The k values of pass@k, comma-separated.")
    var k = "1"

    @Flag(help: "No progress output (for logs); the summary line is still printed.")
    var quiet = false

    func validate() throws {
        if execution.timeout != nil {
            throw ValidationError("--timeout is the run's own: repairs are judged as its first answers were")
        }
        if refinement.rounds < 1 { throw ValidationError("--rounds must be 1 or more") }
        if exportPrompts != nil && importCompletions != nil {
            throw ValidationError("give --export-prompts or --import-completions, not both")
        }
        _ = try JudgingOptions.ks(k)
    }

    func run() throws {
        try CommandFailures.report(command: "refine") {
            var pipeline = RefinePipeline(
                directory: runDirectory, refinement: refinement.options,
                workerExecutable: PythonSandbox.Options.ownExecutable, harness: .crucible,
                observer: ConsoleRunObserver(quiet: quiet))
            pipeline.model = try model.specification()
            pipeline.server = try model.server(ModelSpecification("openai:run-model"))
            pipeline.modelVersion = model.modelVersion
            pipeline.exportPrompts = exportPrompts
            pipeline.importCompletions = importCompletions
            pipeline.ks = try JudgingOptions.ks(k)
            pipeline.generationCache = GenerationCacheLocation(argument: generationCachePath)
            pipeline.pythonPaths = execution.pythonPaths
            pipeline.seabornData = execution.seabornData
            pipeline.workers = execution.workers
            pipeline.commandLine = CommandLineText.current
            switch try pipeline.run() {
            case .exported(let requests, let file):
                print(
                    "wrote \(requests) repair prompts to \(file); answer them and run again with --import-completions")
            case .finished(let summary, _):
                print(summary)
            }
        }
    }
}

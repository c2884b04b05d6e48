import CrucibleCore
import CruciblePython

/// One task of a run: its position among the selected tasks (shards keep every N-th, and a merge puts them back in
/// order by it), its id and its category.
struct PlannedTask: Sendable {
    var position: Int
    var id: TaskID
    var category: String?
}

/// What differs between a text-to-SQL run and a Python run, behind the one interface `RunPipeline` drives: the
/// tasks, their prompts, how answers are executed and judged, and the outputs.
protocol BenchmarkRunPlan: Sendable {
    /// The run's tasks (selection and shard applied), in order.
    var positioned: [PlannedTask] { get }
    /// Tasks that cannot be run here (no database): never asked for, reported as unavailable.
    var unavailable: Set<TaskID> { get }
    var datasetSHA256: String { get }
    var sqlSettings: RunConfiguration.SQLSettings? { get }
    /// A replayed answers file read into completions by task id (nil when the model is not `replay:`).
    var recorded: [String: [String]]? { get }
    /// The code to execute, from a completion.
    var extract: @Sendable (String) -> String { get }
    /// What the sandbox workers reported, once programs ran in this process.
    var workerEnvironment: WorkerEnvironment? { get }

    func prompts() throws -> [GenerationJob.TaskPrompt]
    /// Judges every stored answer without a verdict; with a `feed`, while generation goes on.
    func execute(
        store: RunStore, feed: GenerationFeed?, progress: @escaping @Sendable (_ done: Int, _ passed: Int) -> Void
    ) throws(RunError)
    /// Writes results.jsonl, summary.json and report.md from the store; returns the one-line summary.
    func writeOutputs(store: RunStore, provenance: SQLScoreOutput.Provenance, directory: String) throws -> String
}

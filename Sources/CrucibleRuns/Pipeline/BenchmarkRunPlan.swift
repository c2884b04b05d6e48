import CrucibleCore
import CrucibleModels
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
    /// A replayed answers file or transcript read into completions (nil when the model is not `replay:`).
    var recorded: RecordedCompletions? { get }
    /// The code to execute, from a completion.
    var extract: @Sendable (String) -> String { get }
    /// What the sandbox workers reported, once programs ran in this process.
    var workerEnvironment: WorkerEnvironment? { get }

    func prompts() throws -> [GenerationJob.TaskPrompt]
    /// Judges every stored answer of `round` without a verdict; with a `feed`, while generation goes on.
    func execute(
        store: RunStore, round: Int, feed: GenerationFeed?,
        progress: @escaping @Sendable (_ done: Int, _ passed: Int) -> Void
    ) throws(RunError)
    /// The code to execute from a refinement round's completion: recorded answers are code already.
    func extract(replayed: Bool) -> @Sendable (String) -> String
    /// Whether a candidate can be repaired at all: not when its task cannot be judged here, or its gold fails
    /// (no answer can pass then).
    func isRepairable(_ candidate: RepairCandidate) -> Bool
    /// What the feedback of `kind` says about each candidate (the template's `{details}`), never the gold answer
    /// or the reference solution, unless `oracle` asks for the gold result.
    func feedbackDetails(_ candidates: [RepairCandidate], kind: FeedbackKind, oracle: Bool) throws -> [String]
    /// Writes results.jsonl, summary.json and report.md from the store; returns the one-line summary.
    func writeOutputs(store: RunStore, provenance: SQLScoreOutput.Provenance, directory: String) throws -> String
}

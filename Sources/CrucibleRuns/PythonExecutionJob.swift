public import CrucibleBenchmarks
public import CrucibleCore
public import CruciblePython
import Foundation

/// The execution phase of a Python run: every stored generation without a verdict is run in the sandbox
/// (`ChunkedExecution`).
public struct PythonExecutionJob: Sendable {
    public var tasks: [PythonTask]
    public var round: Int
    public var timeout: Double
    public var sandbox: PythonSandbox
    /// Programs run between two writes to the store.
    public var chunkSize: Int
    /// Whether a (task, sample)'s answer is a whole program (an EvalPlus `solution`) rather than a completion of
    /// the prompt, as `crucible score` reads it from the answers file.
    public var isFullSolution: @Sendable (_ taskID: TaskID, _ sample: Int) -> Bool

    public init(
        tasks: [PythonTask], round: Int = 0, timeout: Double, sandbox: PythonSandbox, chunkSize: Int = 64,
        isFullSolution: @escaping @Sendable (_ taskID: TaskID, _ sample: Int) -> Bool = { _, _ in false }
    ) {
        self.isFullSolution = isFullSolution
        self.tasks = tasks
        self.round = round
        self.timeout = timeout
        self.sandbox = sandbox
        self.chunkSize = chunkSize
    }

    /// Runs what has no verdict yet; returns how many programs ran. `progress` receives the programs run so far
    /// in this call and how many of them passed.
    @discardableResult
    public func run(
        store: RunStore, progress: (@Sendable (_ done: Int, _ passed: Int) -> Void)? = nil
    ) throws(RunError) -> Int {
        try run(store: store, feed: nil, progress: progress)
    }

    /// With a `feed`, programs run while generation stores answers, until generation ends.
    func run(
        store: RunStore, feed: GenerationFeed?, progress: (@Sendable (_ done: Int, _ passed: Int) -> Void)?
    ) throws(RunError) -> Int {
        let byID = Dictionary(tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return try ChunkedExecution.run(
            store: store, round: round, chunkSize: chunkSize, feed: feed, progress: progress
        ) { chunk throws(RunError) in
            var programs: [PythonProgram] = []
            var run: [StoredGeneration] = []
            for generation in chunk {
                // A stored answer for a task the run does not know would otherwise be judged as a failure.
                guard let task = byID[generation.taskID] else {
                    throw RunError(
                        .dataset,
                        "\(store.path) holds an answer for task \(generation.taskID), which is not a task of this run")
                }
                if task.officiallySkips(generation.code) { continue }
                run.append(generation)
                let whole = isFullSolution(generation.taskID, generation.sample)
                programs.append(
                    task.sandboxProgram(
                        id: "\(generation.taskID)#\(generation.sample)", answer: generation.code,
                        isFullSolution: whole, timeout: timeout))
            }
            var outcomes = Dictionary(
                zip(run.map { "\($0.taskID)#\($0.sample)" }, sandbox.run(programs)),
                uniquingKeysWith: { first, _ in first })
            return chunk.map { generation in
                let outcome =
                    outcomes.removeValue(forKey: "\(generation.taskID)#\(generation.sample)") ?? OfficialSkips.outcome
                return StoredExecution(
                    taskID: generation.taskID, round: round, sample: generation.sample, status: .python(outcome.status),
                    passed: outcome.status == .unavailable ? nil : outcome.status == .passed,
                    detail: Self.detail(outcome), seconds: outcome.seconds)
            }
        }
    }

    /// A text-to-SQL verdict in a Python run's store cannot be a program's outcome: it counts as an error.
    static func pythonStatus(_ status: ExecutionStatus) -> PythonOutcome.Status {
        if case .python(let status) = status { return status }
        return .error
    }

    static func detail(_ outcome: PythonOutcome) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(outcome)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The run's result as `crucible score` reports it, from the store.
    public static func result(
        benchmark: String, tasks: [PythonTask], ks: [Int], round: Int = 0, store: RunStore,
        environment: WorkerEnvironment?, stability: (runs: Int, samples: [String: PythonOutcome.Stability])? = nil
    ) throws(RunError) -> PythonScoreResult {
        let executions: [StoredExecution]
        do {
            executions = try store.executions(round: round)
        } catch {
            throw RunError(store: error)
        }
        var outcomes: [TaskID: [PythonOutcome]] = [:]
        let decoder = JSONDecoder()
        for execution in executions {
            var outcome =
                (try? decoder.decode(PythonOutcome.self, from: Data(execution.detail.utf8)))
                ?? PythonOutcome(status: Self.pythonStatus(execution.status))
            if let stability { outcome.stability = stability.samples["\(execution.taskID)#\(execution.sample)"] }
            outcomes[execution.taskID, default: []].append(outcome)
        }
        let scores = tasks.map { task in
            PythonTaskScore(
                taskID: task.id, category: task.category, groups: task.groups,
                samples: OfficialSkips.counted(outcomes[task.id] ?? [], task: task))
        }
        var result = PythonScoreResult(
            benchmark: benchmark, ks: ks, tasks: scores, environment: environment,
            // As text-to-SQL runs count it: the programs' own run times, added up (a run's wall time is spread
            // over resumptions and shards).
            seconds: executions.reduce(0) { $0 + $1.seconds })
        result.stabilityRuns = stability?.runs
        return result
    }
}

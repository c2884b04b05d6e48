import CrucibleBenchmarks
import CrucibleCore
import CrucibleModels
import CruciblePython
import Foundation

/// A Python run's part of the pipeline (HumanEval, MBPP, DS-1000): the benchmark's prompts, programs run in the
/// sandbox the benchmark needs.
struct PythonRunPlan: BenchmarkRunPlan {
    let options: RunOptions
    let tasks: [PythonTask]
    let positioned: [PlannedTask]
    let datasetSHA256: String
    let recorded: RecordedCompletions?
    /// (task, sample) of replayed answers that are whole programs (EvalPlus `solution`), as `crucible score` reads
    /// them.
    let fullSolutions: Set<SampleKey>
    let sandbox: PythonSandbox
    /// The model is `replay:` an answers file (not a transcript of completions).
    let replaysAnswersFile: Bool

    struct SampleKey: Hashable, Sendable {
        var taskID: TaskID
        var sample: Int
    }

    init(_ options: RunOptions, all: [PythonTask]) throws {
        self.options = options
        let selected = try options.selection.apply(all, id: \.id.rawValue, dataset: options.dataset)
        tasks = selected.map(\.item)
        positioned = selected.map { PlannedTask(position: $0.position, id: $0.item.id, category: $0.item.category) }
        datasetSHA256 = try FileHashes.sha256(options.dataset)
        if options.importCompletions == nil, options.model.kind == .replay,
            ReplayTranscript.isTranscript(options.model.target)
        {
            recorded = try ReplayTranscript.read(
                options.model.target, tasks: Set(tasks.map(\.id)), samples: options.sampling.samples)
            fullSolutions = []
            replaysAnswersFile = false
        } else if options.importCompletions == nil, options.model.kind == .replay {
            // The answers file covers the whole benchmark; the run may take a part of it.
            let answers = try PythonAnswersReader.read(options.model.target, tasks: all)
            let wanted = Set(tasks.map(\.id))
            var recorded: [String: [String]] = [:]
            var whole = Set<SampleKey>()
            for (task, list) in zip(all, answers) where wanted.contains(task.id) {
                recorded[task.id.rawValue] = list.map(\.code)
                for (sample, answer) in list.enumerated() where answer.isFullSolution {
                    whole.insert(SampleKey(taskID: task.id, sample: sample))
                }
            }
            self.recorded = RecordedCompletions(firstAnswers: recorded)
            fullSolutions = whole
            replaysAnswersFile = true
        } else {
            recorded = nil
            fullSolutions = []
            replaysAnswersFile = false
        }
        var sandboxOptions = PythonSandbox.Options.benchmark(
            options.benchmark, executable: options.workerExecutable, pythonPaths: options.pythonPaths,
            seabornData: options.seabornData, workers: options.workers)
        // Answers are judged a chunk at a time, while generation goes on: the workers stay between chunks.
        sandboxOptions.keepsWorkers = true
        sandbox = PythonSandbox(options: sandboxOptions)
    }

    var unavailable: Set<TaskID> { [] }
    var sqlSettings: RunConfiguration.SQLSettings? { nil }
    var workerEnvironment: WorkerEnvironment? { sandbox.workerEnvironment }

    var extract: @Sendable (String) -> String {
        switch options.benchmark {
        case .ds1000: return CompletionCode.ds1000
        case .cruxevalOutput, .cruxevalInput:
            // A replayed answers file holds answers as the official scorer reads them, already extracted.
            if replaysAnswersFile { return { $0 } }
            let predicting: ExecutionPrediction = options.benchmark == .cruxevalOutput ? .output : .input
            let style = options.promptStyle
            let hidesCode = options.hidesCode
            return { CRUXEvalAnswer.extract($0, predicting: predicting, style: style, hidesCode: hidesCode) }
        default: return CompletionCode.python
        }
    }

    func prompts() throws -> [GenerationJob.TaskPrompt] {
        let custom = try options.promptTemplate.map {
            try PromptTemplate(file: $0, allowed: BenchmarkPrompts.pythonPlaceholders)
        }
        return try tasks.map { task in
            let template = try custom ?? defaultTemplate(for: task)
            let text = template.render(BenchmarkPrompts.values(for: task))
            return GenerationJob.TaskPrompt(
                taskID: task.id, requestID: task.id.rawValue, prompt: options.model.prompt(text))
        }
    }

    private func defaultTemplate(for task: PythonTask) throws(DatasetError) -> PromptTemplate {
        var text = BenchmarkPrompts.template(for: task)
        if case .cruxeval(_, _, _, let predicting) = task.assembly {
            text = CRUXEvalPrompts.template(
                predicting: predicting, style: options.promptStyle, hidesCode: options.hidesCode)
        }
        return try PromptTemplate(text, allowed: BenchmarkPrompts.pythonPlaceholders, source: "default")
    }

    func execute(
        store: RunStore, round: Int, feed: GenerationFeed?, progress: @escaping @Sendable (Int, Int) -> Void
    ) throws(RunError) {
        // Only a replayed answers file's first answers can be whole programs; repairs complete the prompt.
        let whole = round == 0 ? fullSolutions : []
        let job = PythonExecutionJob(
            tasks: tasks, round: round, timeout: options.effectiveTimeout, sandbox: sandbox,
            isFullSolution: { whole.contains(SampleKey(taskID: $0, sample: $1)) })
        defer { sandbox.stopWorkers() }
        _ = try job.run(store: store, feed: feed, progress: progress)
    }

    func writeOutputs(store: RunStore, provenance: SQLScoreOutput.Provenance, directory: String) throws -> String {
        var stability: (runs: Int, samples: [String: PythonOutcome.Stability])?
        if let runs = options.stabilityRuns {
            // The first answers, as replayed answers files give them: whole programs where the file says so.
            let whole = fullSolutions
            let job = PythonExecutionJob(
                tasks: tasks, round: 0, timeout: options.effectiveTimeout, sandbox: sandbox,
                isFullSolution: { whole.contains(SampleKey(taskID: $0, sample: $1)) })
            let check = StabilityCheck(extraRuns: runs)
            stability = (runs + 1, try job.stability(check, store: store))
        }
        return try RunOutputs.python(
            benchmark: options.benchmark, tasks: tasks, ks: options.ks, store: store,
            environment: workerEnvironment, provenance: provenance, directory: directory, stability: stability)
    }
}

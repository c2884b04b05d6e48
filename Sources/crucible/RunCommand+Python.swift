import CrucibleBenchmarks
import CrucibleModels
import CruciblePython
import CrucibleRuns
import Foundation

extension RunCommand {
    /// HumanEval, MBPP, DS-1000: prompts from the benchmark, programs run in the sandbox.
    func runPython() throws {
        let all = try PythonBenchmarkSetup.tasks(benchmark, dataset: dataset)
        let selected = try selectTasks(all, id: \.id)
        let positioned = try shardTasks(selected)
        let chosen = positioned.map(\.element)
        let ks = try parseKs()
        let timeout = timeoutOption ?? benchmark.defaultTimeout
        let languageModel = try makeModel { file in
            // The answers file covers the whole benchmark; the run may take a part of it (--limit, --tasks, --shard).
            let answers = try PythonAnswersReader.read(file, tasks: all)
            let wanted = Set(chosen.map(\.id))
            var recorded: [String: [String]] = [:]
            for (task, list) in zip(all, answers) where wanted.contains(task.id) {
                recorded[task.id] = list.map(\.code)
            }
            return recorded
        }
        let (store, directory) = try openStore(
            configuration: try configurationJSON(datasetHash: Self.fileHash(dataset), timeout: timeout))
        try store.setTasks(positioned: positioned.map { ($0.offset, $0.element.id, $0.element.category) })

        let template = try promptTemplate.map {
            try PromptTemplate(file: $0, allowed: BenchmarkPrompts.pythonPlaceholders)
        }
        let prompts = try chosen.map { task in
            let text = try
                (template
                ?? PromptTemplate(
                    BenchmarkPrompts.template(for: task), allowed: BenchmarkPrompts.pythonPlaceholders,
                    source: "default"))
                .render(BenchmarkPrompts.values(for: task))
            return GenerationJob.TaskPrompt(taskID: task.id, requestID: task.id, prompt: prompt(text))
        }
        let extract: @Sendable (String) -> String =
            benchmark == .ds1000 ? CompletionCode.ds1000 : CompletionCode.python
        guard try generate(prompts, extract: extract, model: languageModel, store: store) else { return }

        let sandbox = PythonSandbox(
            options: PythonBenchmarkSetup.sandboxOptions(
                benchmark, pythonPaths: pythonPaths, seabornData: seabornData, workers: workers))
        let execution = PythonExecutionJob(tasks: chosen, timeout: timeout, sandbox: sandbox)
        let (running, update) = try executionProgress("running programs", store: store, total: chosen.count * samples)
        try execution.run(store: store) { done, passed in update(done, passed) }
        running.finish()
        try recordEnvironment(store, python: sandbox.workerEnvironment)

        try RunOutputs.write(
            benchmark: benchmark, tasks: chosen, ks: ks, store: store, environment: sandbox.workerEnvironment,
            provenance: .init(
                dataset: dataset, predictions: languageModel.identifier, timeout: timeout, modelVersion: modelVersion),
            directory: directory)
    }
}

import CrucibleBenchmarks
import CrucibleModels
import CrucibleRuns
import Dispatch
import Foundation

/// Does a run overlap generation and execution? A benchmark (DS-1000 with codex002's answers by default, or Spider
/// dev with DAIL-SQL's) against a stand-in model that answers each request after a fixed latency with the recorded
/// answer, timed three ways in one process: generation alone (the generation job into an empty store), execution alone (a replayed run: answers
/// at once, then every query executed and judged, outputs written) and the whole run. Without overlap the whole
/// run takes their sum; with it, about the larger of the two.
@main
enum RunOverlap {
    static func main() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let shared = root.appendingPathComponent("../shared/datasets").standardizedFileURL.path
        let environment = ProcessInfo.processInfo.environment
        let benchmark = Benchmark(rawValue: environment["OVERLAP_BENCHMARK"] ?? "ds1000") ?? .ds1000
        let latency = environment["OVERLAP_LATENCY"] ?? (benchmark == .ds1000 ? "1.0" : "0.1")
        let concurrency = Int(environment["OVERLAP_CONCURRENCY"] ?? "8") ?? 8
        let limit = Int(environment["OVERLAP_LIMIT"] ?? "200") ?? 200
        let binary = environment["CRUCIBLE_BIN"] ?? root.appendingPathComponent(".build/release/crucible").path
        let scratch = NSTemporaryDirectory() + "crucible-overlap-\(getpid())"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }

        // The recorded answers, which the replayed run reads and the stand-in model returns.
        let dataset: String
        let recordedFile: String
        var prompts: [GenerationJob.TaskPrompt] = []
        var answers: [String: String] = [:]
        if benchmark == .spider {
            dataset = shared + "/spider"
            recordedFile = shared + "/spider-predictions/dail-sql-gpt4.txt"
            let loaded = try SQLBenchmarkKind.spider.load(directory: dataset)
            let predictions = try SQLPredictionsReader.read(recordedFile, dataset: loaded)
            let tasks = Array(loaded.tasks.filter(\.isAvailable).prefix(limit))
            for (task, text) in zip(tasks, try SQLPromptBuilder().prompts(for: tasks)) {
                prompts.append(
                    .init(taskID: task.id, requestID: task.id.rawValue, prompt: .chat([.user(text)])))
                answers[task.id.rawValue] = predictions[task.index]
            }
        } else {
            dataset = shared + "/ds1000/ds1000.jsonl.gz"
            recordedFile = shared + "/ds1000/answers/codex002-answers.jsonl"
            let all = try PythonDatasetLoader.ds1000(dataset)
            let recorded = try PythonAnswersReader.read(recordedFile, tasks: all)
            for (task, list) in zip(all, recorded).prefix(limit) {
                let template = try PromptTemplate(
                    BenchmarkPrompts.template(for: task), allowed: BenchmarkPrompts.pythonPlaceholders,
                    source: "default")
                let text = template.render(BenchmarkPrompts.values(for: task))
                prompts.append(.init(taskID: task.id, requestID: task.id.rawValue, prompt: .chat([.user(text)])))
                answers[task.id.rawValue] = list[0].code
            }
        }
        try JSONSerialization.data(withJSONObject: answers).write(to: URL(fileURLWithPath: scratch + "/answers.json"))
        let wrapper = scratch + "/model.sh"
        let script = root.appendingPathComponent("Benchmarks/RunOverlap/slow_model.py").path
        try "#!/bin/sh\nexec python3 '\(script)' '\(scratch)/answers.json' \(latency)\n".write(
            toFile: wrapper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper)

        func options(_ model: String, _ directory: String) throws -> RunOptions {
            var options = RunOptions(
                benchmark: benchmark, dataset: dataset, model: try ModelSpecification(model), workerExecutable: binary,
                harness: HarnessIdentity(version: "benchmark"))
            options.model.concurrency = concurrency
            options.allowUnavailable = benchmark == .spider
            options.selection.limit = limit
            options.runDirectory = scratch + "/" + directory
            options.generationCache = .off
            if benchmark == .ds1000 {
                options.pythonPaths = [root.appendingPathComponent(".python/ds1000").path]
                options.seabornData = shared + "/ds1000/seaborn-data"
            }
            return options
        }

        // Generation alone: the same requests to the same stand-in model, into a store, nothing executed.
        let generationSeconds = try timed {
            let store = try RunStore(path: scratch + "/generation-only.sqlite")
            try store.setTasks(prompts.map { ($0.taskID, nil) })
            let model = try CommandModel(identifier: "command:stand-in", executable: wrapper)
            let job = GenerationJob(
                model: model, prompts: prompts, samples: 1, extract: { $0 }, maxOutstanding: concurrency)
            _ = try blocking { try await job.run(store: store) }
        }
        // Execution alone: the recorded answers replayed (no waiting), every program or query run and judged.
        var replayed = ""
        let executionSeconds = try timed {
            if case .finished(let line, _) = try RunPipeline(options: try options("replay:\(recordedFile)", "replayed"))
                .run()
            {
                replayed = line
            }
        }
        var whole = ""
        let wholeSeconds = try timed {
            if case .finished(let line, _) = try RunPipeline(options: try options("command:\(wrapper)", "whole")).run()
            {
                whole = line
            }
        }
        let sum = generationSeconds + executionSeconds
        print(
            "run overlap: \(benchmark.rawValue), \(prompts.count) tasks, stand-in model latency \(latency) s, concurrency \(concurrency)"
        )
        print(String(format: "  generation alone      %7.2f s", generationSeconds))
        print(String(format: "  execution alone       %7.2f s", executionSeconds))
        print(String(format: "  sum                   %7.2f s", sum))
        print(
            String(
                format: "  whole run             %7.2f s  (%.0f %% of the sum; the larger of the two: %.2f s)",
                wholeSeconds, wholeSeconds / sum * 100, max(generationSeconds, executionSeconds)))
        print("  replayed: " + replayed)
        print("  whole:    " + whole)
    }

    static func timed(_ work: () throws -> Void) throws -> Double {
        let start = DispatchTime.now()
        try work()
        return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    static func blocking<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { box.result = .success(try await work()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }
}

/// Written once by the task before the semaphore is signalled, read after.
final class ResultBox<T: Sendable>: @unchecked Sendable {
    var result: Result<T, any Error>?
}

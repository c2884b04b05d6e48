import CrucibleBenchmarks
import CrucibleCore
import CrucibleRuns
import CrucibleSQL
import Foundation
import Testing

/// A text-to-SQL run's prompt and execution phases on the BIRD-layout fixture (real SQLite files): the prompt
/// shows the schema, example rows and BIRD's evidence; stored samples are judged in chunks with the verdicts
/// `crucible score` gives the same predictions.
@Suite("Text-to-SQL runs: prompts and execution")
struct SQLExecutionJobTests {
    @Test func promptsShowSchemaRowsEvidenceAndQuestion() throws {
        let folder = try BIRDLayoutTests.fixture()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dataset = try BIRDDatasetLoader.load(directory: folder)
        let prompts = try SQLPromptBuilder(exampleRows: 2).prompts(for: dataset.tasks)
        #expect(
            prompts[0].hasPrefix("CREATE TABLE customer(name TEXT, city TEXT);\n/* 2 example rows from customer:\n"))
        #expect(prompts[0].contains("Ann | Oslo\nBo | Oslo\n*/"))
        #expect(prompts[0].contains("-- External knowledge: city refers to customer.city\n"))
        #expect(prompts[0].contains("-- Question: Which cities have customers?\n"))
        // An empty evidence adds no line.
        #expect(!prompts[1].contains("External knowledge"))
    }

    @Test func storedSamplesAreJudgedAsScoreJudgesThem() throws {
        let folder = try BIRDLayoutTests.fixture()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dataset = try BIRDDatasetLoader.load(directory: folder)
        let predictions = try SQLPredictionsReader.read("\(folder)/predict_dev.json", dataset: dataset)
        let store = try RunStore(path: "\(folder)/run.sqlite")
        try store.setTasks(dataset.tasks.map { ($0.id, $0.category) })
        // Sample 0: the recorded prediction; sample 1: the gold itself.
        try store.record(
            dataset.tasks.flatMap { task in
                [predictions[task.index], task.gold].enumerated().map { sample, sql in
                    StoredGeneration(
                        taskID: task.id, round: 0, sample: sample, requestID: String(task.index),
                        model: "test", promptHash: "", prompt: "", raw: sql, code: sql, finishReason: nil,
                        promptTokens: nil, completionTokens: nil, seconds: 0)
                }
            })
        let options = SQLScoreOptions(rules: [.bird, .spider])
        let job = SQLExecutionJob(dataset: dataset, options: options, chunkSize: 3)
        #expect(try job.run(store: store) == 8)
        #expect(try store.unexecuted(round: 0).isEmpty)
        #expect(try job.run(store: store) == 0)

        let result = try job.result(ks: [1, 2], samples: 2, store: store, goldChecks: try job.goldChecks())
        let direct = try SQLScoreJob(dataset: dataset, predictions: predictions, options: options).run()
        #expect(result.score.scores.map(\.statuses) == direct.scores.map(\.statuses))
        #expect(result.score.scores.map(\.error) == direct.scores.map(\.error))
        #expect(result.sampleStatuses.map { $0[1] } == [.match, .match, .match, .match])
        #expect(result.passAtK(2) == 1.0)
        #expect(result.passAtK(1) == 0.75)
        #expect(result.score.goldChecks.failures.isEmpty)
    }

    @Test func anAnswerForATaskTheJobDoesNotKnowIsAnErrorNamingIt() throws {
        let folder = try BIRDLayoutTests.fixture()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var dataset = try BIRDDatasetLoader.load(directory: folder)
        let store = try RunStore(path: "\(folder)/run.sqlite")
        try store.setTasks(dataset.tasks.map { ($0.id, $0.category) })
        try store.record(
            dataset.tasks.map { task in
                StoredGeneration(
                    taskID: task.id, round: 0, sample: 0, requestID: String(task.index), model: "test",
                    promptHash: "", prompt: "", raw: task.gold, code: task.gold, seconds: 0)
            })
        // The job knows one task fewer than the store holds answers for: that answer must not stay unjudged.
        let last = try #require(dataset.tasks.last)
        dataset.tasks.removeLast()
        let job = SQLExecutionJob(dataset: dataset, options: SQLScoreOptions(rules: [.bird]))
        let error = #expect(throws: RunError.self) { try job.run(store: store) }
        #expect(error?.message.contains("task \(last.index)") == true, "\(String(describing: error))")
    }
}

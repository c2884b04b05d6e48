import CrucibleBenchmarks
import CrucibleCore
import CruciblePython
import CrucibleRuns
import CrucibleTestSupport
import Foundation
import Testing

/// Real data: every benchmark's own solutions must pass in the sandbox.
@Suite("Reference solutions pass", .serialized, SharedDatasets.required)
struct PythonReferenceSolutionTests {
    static var executable: String { CrucibleExecutable.path }

    static func score(_ benchmark: String, _ tasks: [PythonTask]) throws -> PythonScoreResult {
        let sandbox = PythonSandbox(options: .init(executable: executable))
        let answers = tasks.map { [PythonAnswer(code: $0.reference)] }
        return try PythonScoreJob(
            benchmark: benchmark, tasks: tasks, answers: answers, ks: [1], timeout: 20, sandbox: sandbox
        ).run()
    }

    static func failures(_ result: PythonScoreResult) -> [String] {
        result.tasks.filter { $0.correct == 0 }.map { task in
            "\(task.taskID): \(task.samples[0].status) \(task.samples[0].message ?? "")"
        }
    }

    @Test func humanEvalCanonicalSolutions() throws {
        let tasks = try PythonDatasetLoader.humanEval("\(SharedData.datasets)/humaneval/HumanEval.jsonl.gz")
        #expect(tasks.count == 164)
        let result = try Self.score("humaneval", tasks)
        #expect(Self.failures(result) == [])
        #expect(result.passAtK(1) == 1)
    }

    @Test func mbppReferenceSolutionsFullAndSanitized() throws {
        let full = try PythonDatasetLoader.mbpp("\(SharedData.datasets)/mbpp/mbpp.jsonl")
        let sanitized = try PythonDatasetLoader.mbpp("\(SharedData.datasets)/mbpp/sanitized-mbpp.json")
        #expect(full.count == 974)
        #expect(sanitized.count == 427)
        #expect(Self.failures(try Self.score("mbpp", full)) == [])
        #expect(Self.failures(try Self.score("mbpp-sanitized", sanitized)) == [])
    }

    @Test func aWrongCompletionFailsWithItsAssertion() throws {
        let tasks = try PythonDatasetLoader.humanEval("\(SharedData.datasets)/humaneval/HumanEval.jsonl.gz")
        let sandbox = PythonSandbox(options: .init(executable: Self.executable, workers: 1))
        let answers = [[PythonAnswer(code: "    return False\n"), PythonAnswer(code: tasks[0].reference)]]
        let result = try PythonScoreJob(
            benchmark: "humaneval", tasks: [tasks[0]], answers: answers, ks: [1, 2], timeout: 10, sandbox: sandbox
        ).run()
        #expect(result.tasks[0].samples.map(\.status) == [.failed, .passed])
        #expect(result.tasks[0].samples[0].traceback.contains { $0.contains("assert") })
        #expect(result.passAtK(1) == 0.5)
        #expect(result.passAtK(2) == 1)
    }
}

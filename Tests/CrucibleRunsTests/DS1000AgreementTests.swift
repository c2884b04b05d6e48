import CrucibleBenchmarks
import CrucibleCore
import CruciblePython
import CrucibleRuns
import CrucibleTestSupport
import Foundation
import Testing

/// Real DS-1000 with the pinned environment `scripts/python-env.sh ds1000` builds under `.python/ds1000`
/// (`make test` builds it first): reference solutions pass, and two published answer sets get the official verdicts.
@Suite("DS-1000 against the official evaluator", .serialized, SharedDatasets.required)
struct DS1000AgreementTests {
    static let environment = "\(SharedData.packageRoot)/.python/ds1000"
    static let seabornData = "\(SharedData.datasets)/ds1000/seaborn-data"

    static func score(_ answers: [[PythonAnswer]], _ tasks: [PythonTask]) throws -> PythonScoreResult {
        try #require(
            FileManager.default.fileExists(atPath: "\(environment)/pandas"),
            "run scripts/python-env.sh ds1000 first (make test does)")
        // The sandbox `crucible score --benchmark ds1000` uses: the same preloads, optional modules and warm-up.
        let sandbox = PythonSandbox(
            options: .benchmark(
                .ds1000, executable: PythonReferenceSolutionTests.executable, pythonPaths: [environment],
                seabornData: seabornData))
        return try PythonScoreJob(
            benchmark: "ds1000", tasks: tasks, answers: answers, ks: [1], timeout: 120, sandbox: sandbox
        ).run()
    }

    static func verdicts(_ result: PythonScoreResult) -> [Int?] {
        result.tasks.map { task in task.isAvailable ? (task.correct > 0 ? 1 : 0) : nil }
    }

    @Test func referenceSolutionsPassExceptWhereTheyCannotRunOffline() throws {
        let tasks = try PythonDatasetLoader.ds1000("\(SharedData.datasets)/ds1000/ds1000.jsonl.gz")
        #expect(tasks.count == 1000)
        let result = try Self.score(tasks.map { [PythonAnswer(code: $0.reference)] }, tasks)
        let failed = result.availableTasks.filter { $0.correct == 0 }.map(\.taskID)
        // Matplotlib tasks 525 and 526 once failed in one of six full runs under heavy parallel load and passed
        // alone; until that is understood, a failure is run again and only a repeated one fails the test (the
        // retried ids are printed, so a flake is seen, not hidden).
        var stillFailing: [TaskID] = []
        if !failed.isEmpty {
            print("DS-1000 reference solutions that failed once and were run again: \(failed)")
            let retried = failed.map { id in tasks.first { $0.id == id }! }
            let again = try Self.score(retried.map { [PythonAnswer(code: $0.reference)] }, retried)
            stillFailing = again.availableTasks.filter { $0.correct == 0 }.map(\.taskID)
        }
        #expect(stillFailing == [])
        let unavailable = result.tasks.filter { !$0.isAvailable }
        // Every Pytorch and Tensorflow problem, 377–380 (Numpy problems whose tests import torch or tensorflow),
        // 819 (downloads California housing), 837–838 (xgboost).
        let expected: Set<TaskID> = ["377", "378", "379", "380", "819", "837", "838"]
        let surprising = unavailable.filter {
            !["Pytorch", "Tensorflow"].contains($0.category) && !expected.contains($0.taskID)
        }
        #expect(surprising.map(\.taskID) == [])
        #expect(unavailable.contains { $0.taskID == "819" })
        #expect(result.environment?.libraries["pandas"] == "1.5.3")
    }

    @Test(arguments: ["codex002", "gpt-3.5-turbo-0613"])
    func publishedAnswersGetTheOfficialVerdicts(model: String) throws {
        let tasks = try PythonDatasetLoader.ds1000("\(SharedData.datasets)/ds1000/ds1000.jsonl.gz")
        let answers = try PythonAnswersReader.read(
            "\(SharedData.datasets)/ds1000/answers/\(model)-answers.jsonl", tasks: tasks)
        let official = try SharedData.json(
            [Int?].self, "\(SharedData.datasets)/ds1000/official-verdicts/\(model).verdicts.json")
        let mine = Self.verdicts(try Self.score(answers, tasks))
        // 376 and 546 use unseeded randomness; 325 and 897 depend on Python's hash seed (checked: the official
        // program passes under some PYTHONHASHSEED values and fails under others; Crucible fixes it at 0);
        // 276 passes here under every hash seed while the official run failed it (sort order of ties in
        // pandas); 837–838 need xgboost, which the pinned environment leaves out.
        let excused: Set<Int> = [276, 325, 376, 546, 837, 838, 897]
        let disagreements = (0..<1000).filter { index in
            !excused.contains(index) && official[index] != nil && mine[index] != official[index]
        }
        #expect(
            disagreements == [],
            "\(model): \(disagreements.map { "\($0): official \(official[$0]!), crucible \(String(describing: mine[$0]))" })"
        )
        let unexpectedlyUnavailable = (0..<1000).filter {
            mine[$0] == nil && official[$0] != nil && !excused.contains($0)
        }
        #expect(unexpectedlyUnavailable == [])
    }
}

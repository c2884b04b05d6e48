import CrucibleBenchmarks
import CrucibleCore
import CrucibleRuns
import CrucibleSQL
import Foundation
import Testing

/// A score job takes any tasks, in any order, repeated: the verdicts are those of the whole split at the same ids.
@Suite("Score jobs on any subset of tasks")
struct SQLScoreJobSubsetTests {
    @Test func aSubsetOutOfOrderWithRepeatsGetsTheWholeSplitsVerdicts() throws {
        let folder = try BIRDLayoutTests.fixture()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dataset = try BIRDDatasetLoader.load(directory: folder)
        let predictions = try SQLPredictionsReader.read("\(folder)/predict_dev.json", dataset: dataset)
        let options = SQLScoreOptions(rules: [.bird, .spider])
        let whole = try SQLScoreJob(dataset: dataset, predictions: predictions, options: options).run()
        let byID = Dictionary(uniqueKeysWithValues: whole.scores.map { ($0.taskID, $0) })

        let picked = [dataset.tasks.count - 1, 0, dataset.tasks.count - 1]
        let subset = SQLScoreJob(
            kind: dataset.kind,
            items: picked.map { SQLScoreJob.Item(task: dataset.tasks[$0], prediction: predictions[$0]) },
            options: options
        ).run()
        #expect(subset.scores.map(\.taskID) == picked.map { dataset.tasks[$0].id })
        for score in subset.scores {
            let expected = try #require(byID[score.taskID])
            #expect(score.statuses == expected.statuses, "task \(score.taskID)")
            #expect(score.error == expected.error, "task \(score.taskID)")
        }
    }
}

import CrucibleBenchmarks
import CrucibleCore
import CrucibleRuns
import CrucibleSQL
import CrucibleTestSupport
import Testing

/// Real Spider dev data: every verdict must be the official evaluator's.
@Suite("Spider dev verdicts equal the official evaluator's", .serialized, SharedDatasets.required)
struct SpiderOfficialAgreementTests {
    static func score(_ predictionsFile: String, rules: [SQLRuleName]) throws -> SQLScoreResult {
        let dataset = try SpiderDatasetLoader.load(directory: SharedData.spider)
        let predictions = try SQLPredictionsReader.read(predictionsFile, dataset: dataset)
        let job = try SQLScoreJob(
            dataset: dataset, predictions: predictions, options: SQLScoreOptions(rules: rules, allowUnavailable: true))
        return job.run()
    }

    static func verdict(_ status: ScoreStatus) -> Int? {
        status.passed.map { $0 ? 1 : 0 }
    }

    @Test func dailSQLGPT4VerdictsMatchTaskByTaskUnderBothRules() throws {
        let result = try Self.score("\(SharedData.spiderPredictions)/dail-sql-gpt4.txt", rules: [.spider, .bird])
        let official = try SharedData.json(
            [Int?].self, "\(SharedData.spiderPredictions)/dail-sql-gpt4.official-verdicts.json")
        let birdOfficial = try SharedData.json(
            [Int?].self, "\(SharedData.spiderPredictions)/dail-sql-gpt4.bird-rule-verdicts.json")
        #expect(result.scores.count == 1034)
        #expect(official.count == 1034)
        let spiderDisagreements = result.scores.filter { Self.verdict($0.statuses[0].status) != official[$0.taskID] }
        let birdDisagreements = result.scores.filter { Self.verdict($0.statuses[1].status) != birdOfficial[$0.taskID] }
        #expect(spiderDisagreements.map(\.taskID) == [])
        #expect(birdDisagreements.map(\.taskID) == [])
        let all = result.breakdown().all
        #expect(all.scored == 972)
        #expect(all.passed == 809)
        #expect(all.unavailable == 62)
        #expect(result.breakdown(ruleIndex: 1).all.passed == 788)
        #expect(result.ruleDisagreements.count == 59)
        #expect(result.goldChecks.failures.isEmpty)
    }

    @Test func goldQueriesAsPredictionsScoreEveryAvailableTask() throws {
        let result = try Self.score("\(SharedData.spider)/dev_gold.sql", rules: [.spider])
        let all = result.breakdown().all
        #expect(all.scored == 972)
        #expect(all.passed == 972)
        #expect(result.scores.filter { $0.status == .unavailable }.allSatisfy { $0.databaseID == "wta_1" })
    }

    @Test func hardnessFollowsTheOfficialCounts() throws {
        let dataset = try SpiderDatasetLoader.load(directory: SharedData.spider)
        let counts = Dictionary(grouping: dataset.tasks, by: { $0.category ?? "none" }).mapValues(\.count)
        #expect(counts == ["easy": 248, "medium": 446, "hard": 174, "extra": 166])
    }

    @Test func aMissingDatabaseStopsTheRunUnlessAllowed() throws {
        let dataset = try SpiderDatasetLoader.load(directory: SharedData.spider)
        let predictions = dataset.tasks.map(\.gold)
        let error = #expect(throws: DatasetError.self) {
            try SQLScoreJob(dataset: dataset, predictions: predictions, options: SQLScoreOptions(rules: [.spider]))
        }
        #expect(error?.code == .missingDatabase)
        #expect(error?.description.contains("wta_1") == true)
        #expect(error?.description.contains("--allow-unavailable") == true)
    }
}

extension Array where Element == Int? {
    /// The official verdicts file lists one verdict per question, in question order: a question's id is its index.
    fileprivate subscript(_ id: TaskID) -> Int? {
        self[id.index!]
    }
}

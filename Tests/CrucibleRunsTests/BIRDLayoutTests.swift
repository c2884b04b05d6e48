import CrucibleBenchmarks
import CrucibleCore
import CrucibleRuns
import CrucibleSQL
import Foundation
import Testing

/// A small BIRD-layout fixture (the real BIRD databases are not available here): loading, the prediction file
/// format, and BIRD's set rule on real execution.
@Suite("BIRD layout and rule")
struct BIRDLayoutTests {
    static let questions = """
        [
          {"question_id": 0, "db_id": "shop", "question": "Which cities have customers?",
           "evidence": "city refers to customer.city", "SQL": "SELECT city FROM customer", "difficulty": "simple"},
          {"question_id": 1, "db_id": "shop", "question": "Name and city of each customer",
           "evidence": "", "SQL": "SELECT name, city FROM customer", "difficulty": "moderate"},
          {"question_id": 2, "db_id": "shop", "question": "Total spent by Ann",
           "evidence": "spent = SUM(amount)", "SQL": "SELECT SUM(amount) FROM orders WHERE customer = 'Ann'",
           "difficulty": "challenging"},
          {"question_id": 3, "db_id": "shop", "question": "How many orders?",
           "evidence": "", "SQL": "SELECT COUNT(*) FROM orders", "difficulty": "simple"}
        ]
        """

    static let predictions = """
        {"0": "SELECT DISTINCT city FROM customer ORDER BY city DESC\\t----- bird -----\\tshop",
         "1": "SELECT city, name FROM customer\\t----- bird -----\\tshop",
         "2": "SELECT SUM(amount) * 1.0 FROM orders WHERE customer = 'Ann'\\t----- bird -----\\tshop",
         "3": "SELECT COUNT(*) FROM order\\t----- bird -----\\tshop"}
        """

    static func fixture() throws -> String {
        let folder = NSTemporaryDirectory() + "crucible-bird-\(UUID().uuidString)"
        try SQLiteScriptRunner.build(
            script: """
                CREATE TABLE customer(name TEXT, city TEXT);
                INSERT INTO customer VALUES ('Ann', 'Oslo'), ('Bo', 'Oslo'), ('Cy', 'Bergen');
                CREATE TABLE orders(customer TEXT, amount INTEGER);
                INSERT INTO orders VALUES ('Ann', 10), ('Ann', 5), ('Bo', 7);
                """, at: "\(folder)/dev_databases/shop/shop.sqlite")
        try Data(questions.utf8).write(to: URL(fileURLWithPath: "\(folder)/dev.json"))
        try Data(predictions.utf8).write(to: URL(fileURLWithPath: "\(folder)/predict_dev.json"))
        return folder
    }

    @Test func setRuleVerdictsAndDifficultyBreakdown() throws {
        let folder = try Self.fixture()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dataset = try BIRDDatasetLoader.load(directory: folder)
        #expect(dataset.tasks.map(\.category) == ["simple", "moderate", "challenging", "simple"])
        #expect(dataset.tasks[0].evidence == "city refers to customer.city")
        let predictions = try SQLPredictionsReader.read("\(folder)/predict_dev.json", dataset: dataset)
        let result = try SQLScoreJob(
            dataset: dataset, predictions: predictions, options: SQLScoreOptions(rules: [.bird])
        )
        .run()
        // Duplicates and order are ignored; swapped columns are not; 15 == 15.0; an error is wrong.
        #expect(result.scores.map(\.status) == [.match, .mismatch, .match, .error])
        let breakdown = result.breakdown()
        #expect(breakdown.order == ["simple", "moderate", "challenging"])
        #expect(breakdown["simple"] == AccuracyTally(total: 2, scored: 2, passed: 1))
        #expect(breakdown["challenging"].passed == 1)
    }

    @Test func textThatIsNotUTF8FailsUnderBIRDsStrictDecodingOnly() throws {
        let folder = try Self.fixture()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try SQLiteScriptRunner.build(
            script: """
                CREATE TABLE customer(name TEXT, city TEXT);
                INSERT INTO customer VALUES (CAST(X'416EFF6E' AS TEXT), 'Oslo');
                CREATE TABLE orders(customer TEXT, amount INTEGER);
                """, at: "\(folder)/dev_databases/shop/shop.sqlite")
        let dataset = try BIRDDatasetLoader.load(directory: folder)
        let predictions = dataset.tasks.map(\.gold)
        let result = try SQLScoreJob(
            dataset: dataset, predictions: predictions, options: SQLScoreOptions(rules: [.bird, .spider])
        ).run()
        #expect(result.scores[1].statuses.map(\.status) == [.error, .match])
        #expect(result.scores[3].statuses.map(\.status) == [.match, .match])
    }

    @Test func aPredictionForAnotherDatabaseIsRefused() throws {
        let folder = try Self.fixture()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dataset = try BIRDDatasetLoader.load(directory: folder)
        let path = "\(folder)/wrong.json"
        try Data(#"{"0": "SELECT 1\t----- bird -----\tother", "1": "x", "2": "x", "3": "x"}"#.utf8)
            .write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: DatasetError.self) { try SQLPredictionsReader.read(path, dataset: dataset) }
        #expect(error?.code == .mismatch)
        #expect(error?.description.contains("task 0") == true)
    }
}

import CrucibleBenchmarks
import Foundation
import Testing

/// The official evaluator scores the first TAB field of a Spider line; TABs inside the SQL are reported, not refused.
@Suite("TABs inside a Spider prediction line")
struct TabInSQLReaderTests {
    /// The fixture's three zoo tasks and a fourth on `farm`, so that another known db_id exists.
    static func twoDatabases() throws -> Fixture {
        let fixture = try Fixture()
        try fixture.write(
            "dev.json",
            """
            [
              {"db_id": "zoo", "question": "How many animals?", "query": "SELECT count(*) FROM animal"},
              {"db_id": "zoo", "question": "Names?", "query": "SELECT name FROM animal"},
              {"db_id": "zoo", "question": "Oldest?", "query": "SELECT name FROM animal ORDER BY age DESC LIMIT 1"},
              {"db_id": "farm", "question": "How many farms?", "query": "SELECT count(*) FROM farm"}
            ]
            """)
        return fixture
    }

    @Test func theFirstFieldIsScoredAndTheWholeLineIsReported() throws {
        let fixture = try Fixture()
        let dataset = try SpiderDatasetLoader.load(directory: fixture.folder)
        let path = try fixture.write(
            "pred.txt", "SELECT count(*)\tFROM\tanimal\tzoo\nSELECT name\tFROM animal  \nSELECT 3\tzoo\n")
        let reading = try SQLPredictionsReader.readWithFindings(path, dataset: dataset)
        #expect(reading.predictions == ["SELECT count(*)", "SELECT name", "SELECT 3"])
        #expect(try SQLPredictionsReader.read(path, dataset: dataset) == reading.predictions)
        #expect(
            reading.findings == [
                SQLInputFinding(
                    kind: .tabInSQL, line: 1, taskID: 0, scoredSQL: "SELECT count(*)",
                    wholeLineSQL: "SELECT count(*)\tFROM\tanimal"),
                SQLInputFinding(
                    kind: .tabInSQL, line: 2, taskID: 1, scoredSQL: "SELECT name",
                    wholeLineSQL: "SELECT name\tFROM animal"),
            ])
    }

    @Test func anotherKnownDatabaseAfterTheOnlyTabIsStillRefused() throws {
        let fixture = try Self.twoDatabases()
        let dataset = try SpiderDatasetLoader.load(directory: fixture.folder)
        let path = try fixture.write("pred.txt", "SELECT 1\tzoo\nSELECT 2\tfarm\nSELECT 3\nSELECT 4\tfarm\n")
        let error = #expect(throws: DatasetError.self) {
            try SQLPredictionsReader.readWithFindings(path, dataset: dataset)
        }
        #expect(error?.line == 2)
        #expect(error?.description.contains("pred.txt:2: prediction for task 1 names db_id `farm`") == true)
    }

    /// With two TABs or more the SQL certainly holds one, and its last word may be a table named like a database.
    @Test func anotherKnownDatabaseAfterSeveralTabsIsReported() throws {
        let fixture = try Self.twoDatabases()
        let dataset = try SpiderDatasetLoader.load(directory: fixture.folder)
        let path = try fixture.write("pred.txt", "SELECT 1\nSELECT\tcount(*)\tFROM\tfarm\nSELECT 3\nSELECT 4\tfarm\n")
        let reading = try SQLPredictionsReader.readWithFindings(path, dataset: dataset)
        #expect(reading.predictions == ["SELECT 1", "SELECT", "SELECT 3", "SELECT 4"])
        #expect(reading.findings.map(\.line) == [2])
        #expect(reading.findings.first?.wholeLineSQL == "SELECT\tcount(*)\tFROM\tfarm")
    }

    /// A single word after the only TAB has the shape of `SQL<TAB>db_id`, so it is refused, with the way out named.
    @Test func oneWordAfterTheOnlyTabReadsAsADatabaseID() throws {
        let fixture = try Fixture()
        let dataset = try SpiderDatasetLoader.load(directory: fixture.folder)
        let path = try fixture.write("pred.txt", "SELECT 1\nSELECT name FROM\tanimal\nSELECT 3\n")
        let error = #expect(throws: DatasetError.self) {
            try SQLPredictionsReader.readWithFindings(path, dataset: dataset)
        }
        #expect(error?.line == 2)
        #expect(error?.description.contains("if that TAB is part of the SQL, write a space instead") == true)
    }

    @Test func emptyFieldsBeforeTheDatabaseIDAreNoFinding() throws {
        let fixture = try Fixture()
        let dataset = try SpiderDatasetLoader.load(directory: fixture.folder)
        let path = try fixture.write("pred.txt", "SELECT 1\t\tzoo\nSELECT 2 \t zoo\nSELECT 3\t1\n")
        let reading = try SQLPredictionsReader.readWithFindings(path, dataset: dataset)
        #expect(reading.predictions == ["SELECT 1", "SELECT 2 ", "SELECT 3"])
        #expect(reading.findings.map(\.line) == [3])
        #expect(reading.findings.first?.wholeLineSQL == "SELECT 3\t1")
    }
}

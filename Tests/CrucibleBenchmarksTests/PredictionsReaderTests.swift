import CrucibleBenchmarks
import Foundation
import Testing

@Suite("Reading predictions refuses anything ambiguous")
struct PredictionsReaderTests {
    @Test func spiderLinesWithOptionalDatabaseIDs() throws {
        let fixture = try Fixture()
        let dataset = try SpiderDatasetLoader.load(directory: fixture.folder)
        let path = try fixture.write("pred.txt", "SELECT 1\tzoo\n  SELECT 2  \nSELECT 3\tzoo\n\n")
        #expect(try SQLPredictionsReader.read(path, dataset: dataset) == ["SELECT 1", "SELECT 2", "SELECT 3"])
    }

    @Test func aBlankLineInsideASpiderFileIsAnErrorNamingTheLine() throws {
        let fixture = try Fixture()
        let dataset = try SpiderDatasetLoader.load(directory: fixture.folder)
        let path = try fixture.write("pred.txt", "SELECT 1\n\nSELECT 3\n")
        let error = #expect(throws: DatasetError.self) { try SQLPredictionsReader.read(path, dataset: dataset) }
        #expect(error?.line == 2)
        #expect(error?.description.contains("blank line") == true)
    }

    @Test func aWrongCountIsAnError() throws {
        let fixture = try Fixture()
        let dataset = try SpiderDatasetLoader.load(directory: fixture.folder)
        let path = try fixture.write("pred.txt", "SELECT 1\nSELECT 2\n")
        let error = #expect(throws: DatasetError.self) { try SQLPredictionsReader.read(path, dataset: dataset) }
        #expect(error?.code == .mismatch)
        #expect(error?.description.contains("2 predictions") == true)
        #expect(error?.description.contains("3 tasks") == true)
    }

    @Test func aDatabaseIDThatDisagreesIsAnErrorNamingTheLine() throws {
        let fixture = try Fixture()
        let dataset = try SpiderDatasetLoader.load(directory: fixture.folder)
        let path = try fixture.write("pred.txt", "SELECT 1\tzoo\nSELECT 2\tzoo\nSELECT 3\tfarm\n")
        let error = #expect(throws: DatasetError.self) { try SQLPredictionsReader.read(path, dataset: dataset) }
        #expect(error?.line == 3)
        #expect(error?.description.contains("farm") == true)
    }

    @Test func jsonLinesByTaskIDInAnyOrder() throws {
        let fixture = try Fixture()
        let dataset = try SpiderDatasetLoader.load(directory: fixture.folder)
        let path = try fixture.write(
            "p.jsonl",
            "{\"task_id\": 2, \"sql\": \"c\"}\n{\"task_id\": \"0\", \"sql\": \"a\"}\n{\"task_id\": 1, \"sql\": \"b\"}\n"
        )
        #expect(try SQLPredictionsReader.read(path, dataset: dataset) == ["a", "b", "c"])
    }

    @Test(
        arguments: [
            (
                "{\"task_id\": 0, \"sql\": \"a\"}\n{\"task_id\": 0, \"sql\": \"b\"}\n{\"task_id\": 1, \"sql\": \"c\"}\n",
                "appears twice", 2
            ),
            ("{\"task_id\": 0, \"sql\": \"a\"}\n{\"task_id\": 7, \"sql\": \"b\"}\n", "is not a task", 2),
            ("{\"task_id\": 0, \"sql\": \"a\"}\n{\"task_id\": 1, \"sql\": }\n", "invalid JSON", 2),
            ("{\"task_id\": 0, \"sql\": \"a\"}\n", "no prediction for 2 of 3 tasks", nil),
        ] as [(String, String, Int?)])
    func jsonLinesProblems(text: String, message: String, line: Int?) throws {
        let fixture = try Fixture()
        let dataset = try SpiderDatasetLoader.load(directory: fixture.folder)
        let path = try fixture.write("p.jsonl", text)
        let error = #expect(throws: DatasetError.self) { try SQLPredictionsReader.read(path, dataset: dataset) }
        #expect(error?.description.contains(message) == true, "\(String(describing: error))")
        #expect(error?.line == line)
    }

    @Test func csvWithANamedColumnQuotedFieldsAndLineBreaks() throws {
        let fixture = try Fixture()
        let dataset = try SpiderDatasetLoader.load(directory: fixture.folder)
        let path = try fixture.write(
            "p.csv", "task_id,prediction\n1,\"SELECT name,\nage FROM animal\"\n0,\"SELECT \"\"x\"\"\"\n2,SELECT 3\n")
        #expect(
            try SQLPredictionsReader.read(path, csvColumn: "prediction", dataset: dataset)
                == ["SELECT \"x\"", "SELECT name,\nage FROM animal", "SELECT 3"])
        let error = #expect(throws: DatasetError.self) { try SQLPredictionsReader.read(path, dataset: dataset) }
        #expect(error?.description.contains("no column named `sql`") == true)
    }

    @Test func birdJSONNeedsEveryIndex() throws {
        let fixture = try Fixture()
        let dataset = try SpiderDatasetLoader.load(directory: fixture.folder)
        let path = try fixture.write("p.json", #"{"0": "SELECT 1\t----- bird -----\tzoo", "2": "SELECT 3"}"#)
        let error = #expect(throws: DatasetError.self) { try SQLPredictionsReader.read(path, dataset: dataset) }
        #expect(error?.description.contains("task ids 1") == true)
    }
}

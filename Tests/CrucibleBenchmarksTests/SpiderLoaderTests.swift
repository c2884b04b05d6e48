import CrucibleBenchmarks
import CrucibleTestSupport
import Foundation
import Testing

@Suite("Loading Spider-layout datasets")
struct SpiderLoaderTests {
    @Test(SharedDatasets.required) func realSpiderDevLoadsWithWta1Unavailable() throws {
        let dataset = try SpiderDatasetLoader.load(directory: "\(SharedDatasets.path)/spider")
        #expect(dataset.tasks.count == 1034)
        #expect(dataset.missingDatabases == ["wta_1"])
        #expect(dataset.tasks.filter { !$0.isAvailable }.count == 62)
        #expect(
            dataset.tasks.allSatisfy { !$0.isAvailable || FileManager.default.fileExists(atPath: $0.databasePaths[0]) })
    }

    @Test func testSuiteVariantsAreAllUsedMainFirst() throws {
        let fixture = try Fixture()
        try FileManager.default.copyItem(
            atPath: "\(fixture.folder)/database/zoo/zoo.sqlite",
            toPath: "\(fixture.folder)/database/zoo/zoo_variant1.sqlite")
        let dataset = try SpiderDatasetLoader.load(directory: fixture.folder)
        #expect(
            dataset.tasks[0].databasePaths.map { ($0 as NSString).lastPathComponent } == [
                "zoo.sqlite", "zoo_variant1.sqlite",
            ])
    }

    @Test func malformedJSONNamesFileLineAndColumn() throws {
        let fixture = try Fixture()
        try fixture.write("dev.json", "[\n  {\"db_id\": \"zoo\", \"question\": \"q\" \"query\": \"x\"}\n]")
        let error = #expect(throws: DatasetError.self) { try SpiderDatasetLoader.load(directory: fixture.folder) }
        #expect(error?.code == .malformed)
        #expect(error?.file.hasSuffix("dev.json") == true)
        #expect(error?.line == 2)
        #expect(error?.column != nil)
    }

    @Test func aMissingFieldNamesTheEntry() throws {
        let fixture = try Fixture()
        try fixture.write(
            "dev.json", #"[{"db_id": "zoo", "question": "q", "query": "x"}, {"db_id": "zoo", "question": "q"}]"#)
        let error = #expect(throws: DatasetError.self) { try SpiderDatasetLoader.load(directory: fixture.folder) }
        #expect(error?.description.contains("entry 1") == true)
        #expect(error?.description.contains("query") == true)
    }

    @Test func aMissingDatasetFileIsNamed() {
        let error = #expect(throws: DatasetError.self) {
            try SpiderDatasetLoader.load(directory: "/nonexistent/spider")
        }
        #expect(error?.code == .missingFile)
        #expect(error?.file == "/nonexistent/spider/dev.json")
    }

    @Test func goldCanComeFromDevGoldSQLAndIsChecked() throws {
        let fixture = try Fixture()
        var dataset = try SpiderDatasetLoader.load(directory: fixture.folder)
        let good = try fixture.write("gold.sql", "SELECT 1\tzoo\nSELECT 2\tzoo\nSELECT 3\tzoo\n")
        try dataset.replaceGold(fromFile: good)
        #expect(dataset.tasks.map(\.gold) == ["SELECT 1", "SELECT 2", "SELECT 3"])
        let wrong = try fixture.write("wrong.sql", "SELECT 1\tzoo\nSELECT 2\tfarm\nSELECT 3\tzoo\n")
        let error = #expect(throws: DatasetError.self) { try dataset.replaceGold(fromFile: wrong) }
        #expect(error?.line == 2)
        #expect(error?.code == .mismatch)
    }
}

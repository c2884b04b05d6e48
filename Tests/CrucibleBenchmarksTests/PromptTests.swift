import CrucibleBenchmarks
import CrucibleTestSupport
import Foundation
import Testing

@Suite("Prompt templates and schema text")
struct PromptTests {
    static let spider = "\(SharedDatasets.path)/spider"

    @Test func placeholdersAreFilledAndBracesEscaped() throws {
        let template = try PromptTemplate(
            "{{literal}} {question} on {database}: {question}", allowed: ["question", "database"], source: "t.txt")
        #expect(template.placeholders == ["question", "database"])
        #expect(
            template.render(["question": "How many?", "database": "pets"]) == "{literal} How many? on pets: How many?")
    }

    @Test func anUnknownPlaceholderNamesItAndTheFile() {
        #expect {
            _ = try PromptTemplate("{schema}\n{qestion}", allowed: BenchmarkPrompts.sqlPlaceholders, source: "mine.txt")
        } throws: { error in
            let text = "\(error)"
            return text.contains("mine.txt") && text.contains("{qestion}") && text.contains("{question}")
        }
    }

    @Test func theDefaultTemplatesUseOnlyKnownPlaceholders() throws {
        _ = try PromptTemplate(BenchmarkPrompts.sqlTemplate, allowed: BenchmarkPrompts.sqlPlaceholders, source: "sql")
        for text in [
            BenchmarkPrompts.humanEvalTemplate, BenchmarkPrompts.mbppTemplate, BenchmarkPrompts.ds1000Template,
        ] {
            _ = try PromptTemplate(text, allowed: BenchmarkPrompts.pythonPlaceholders, source: "python")
        }
    }

    @Test(SharedDatasets.required) func theSchemaShowsCreateStatementsWithForeignKeysAndExampleRows() throws {
        let schema = try SQLSchemaText.describe(
            databasePath: "\(Self.spider)/database/concert_singer/concert_singer.sqlite", exampleRows: 2)
        #expect(schema.contains("CREATE TABLE \"singer\""))
        #expect(schema.contains("FOREIGN KEY (\"Stadium_ID\") REFERENCES \"stadium\"(\"Stadium_ID\")"))
        #expect(schema.contains("/* 2 example rows from singer:"))
        let sqlTask = SQLTask(
            index: 0, databaseID: "concert_singer", question: "How many singers do we have?",
            evidence: "singer = artist",
            gold: "", category: nil, databasePaths: [])
        let template = try PromptTemplate(
            BenchmarkPrompts.sqlTemplate, allowed: BenchmarkPrompts.sqlPlaceholders, source: "default")
        let prompt = template.render(BenchmarkPrompts.values(for: sqlTask, schema: schema))
        #expect(prompt.hasPrefix("CREATE TABLE"))
        #expect(prompt.contains("-- External knowledge: singer = artist\n-- Using valid SQLite"))
        #expect(prompt.contains("-- Question: How many singers do we have?"))
    }

    @Test func aMissingDatabaseIsNamed() {
        #expect(throws: DatasetError.self) {
            _ = try SQLSchemaText.describe(databasePath: "/nonexistent/db.sqlite", exampleRows: 3)
        }
    }

    @Test func mbppPromptsListTheirTests() throws {
        let task = PythonTask(
            id: "11", prompt: "Write a function to remove first and last occurrence of a given character.",
            reference: "", assembly: .mbpp(setup: "", asserts: ["assert f('hello','l') == 'heo'"]))
        let template = try PromptTemplate(
            BenchmarkPrompts.template(for: task), allowed: BenchmarkPrompts.pythonPlaceholders, source: "mbpp")
        let prompt = template.render(BenchmarkPrompts.values(for: task))
        #expect(prompt.contains("here is your task: Write a function"))
        #expect(prompt.contains("\n\nassert f('hello','l') == 'heo'\n"))
    }
}

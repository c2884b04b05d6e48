import CrucibleBenchmarks
import Foundation
import Testing

/// Few-shot examples come from a training split, never from the evaluated one, and are chosen per question.
@Suite("Few-shot examples")
struct FewShotPoolTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Datasets/sql-sample").path

    func evaluated() -> SQLDataset {
        let tasks = [
            SQLTask(
                index: 0, databaseID: "bookshop", question: "How many books does the shop stock?",
                gold: "SELECT count(*) FROM book", category: nil, databasePaths: [])
        ]
        return SQLDataset(kind: .spider, directory: Self.sample, questionsFile: "\(Self.sample)/dev.json", tasks: tasks)
    }

    @Test func theEvaluatedSplitIsRefused() throws {
        #expect(throws: DatasetError.self) { try FewShotPool(file: "\(Self.sample)/dev.json", evaluated: evaluated()) }
        // A copy of it under another name is refused too.
        let copy = NSTemporaryDirectory() + "crucible-dev-copy-\(UUID().uuidString).json"
        try FileManager.default.copyItem(atPath: "\(Self.sample)/dev.json", toPath: copy)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let error = #expect(throws: DatasetError.self) { try FewShotPool(file: copy, evaluated: evaluated()) }
        #expect("\(error!)".contains("is the evaluated split"))
    }

    @Test func examplesWhoseQuestionIsEvaluatedAreLeftOut() throws {
        let file = NSTemporaryDirectory() + "crucible-train-\(UUID().uuidString).json"
        let records = """
            [{"db_id": "bookshop", "question": "How many books does  the shop stock?", "query": "SELECT 1"},
             {"db_id": "bookshop", "question": "How many authors are there?", "query": "SELECT count(*) FROM author"}]
            """
        try records.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let pool = try FewShotPool(file: file, evaluated: evaluated())
        #expect(pool.excludedOverlaps == 1)
        #expect(pool.examples.map(\.question) == ["How many authors are there?"])
    }

    @Test func similarExamplesShareTheMostWordsWithTheQuestion() throws {
        let pool = try FewShotPool(file: "\(Self.sample)/train.json", evaluated: evaluated())
        let chosen = pool.select(for: "How many airlines fly from Spain?", count: 2, selection: .similar)
        #expect(chosen.map(\.question) == ["How many airlines are there?", "How many authors are there?"])
        let first = pool.select(for: "How many airlines fly from Spain?", count: 2, selection: .first)
        #expect(
            first.map(\.question) == [
                "How many authors are there?", "List the titles of all books published after 2010.",
            ])
        let rendered = FewShotPool.render(chosen)
        #expect(rendered.contains("-- Question: How many airlines are there?\nSELECT count(*) FROM airline;\n"))
    }
}

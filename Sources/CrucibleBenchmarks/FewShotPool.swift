import Foundation

/// Question–SQL pairs from a training split, shown to the model as examples. They never come from the split being
/// evaluated: the file itself is refused when it is the evaluated questions file, and any pair whose question is
/// also an evaluated question is dropped (and counted, so the run can say so).
public struct FewShotPool: Sendable {
    public struct Example: Sendable, Equatable {
        public var databaseID: String
        public var question: String
        public var evidence: String?
        public var sql: String
    }

    /// How examples are chosen for a question.
    public enum Selection: String, Sendable, Codable, CaseIterable {
        /// The examples whose questions share the most words with the question (ties: the earlier example).
        case similar
        /// The first examples of the file, the same for every question.
        case first
    }

    public let file: String
    public let examples: [Example]
    /// Pairs left out because their question is one of the evaluated questions.
    public let excludedOverlaps: Int
    private let wordSets: [Set<Substring>]

    private struct Entry: Decodable {
        var db_id: String
        var question: String
        var evidence: String?
        var query: String?
        var SQL: String?
    }

    /// Reads a Spider (`query`) or BIRD (`SQL`, `evidence`) questions file.
    public init(file: String, evaluated: SQLDataset) throws(DatasetError) {
        let resolved = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
        let evaluatedFile = URL(fileURLWithPath: evaluated.questionsFile).resolvingSymlinksInPath().path
        let bytes = try JSONFile.data(at: file)
        if resolved == evaluatedFile || (try? JSONFile.data(at: evaluated.questionsFile)) == bytes {
            throw DatasetError(
                .mismatch, file: file,
                "is the evaluated split (\(evaluated.questionsFile)); few-shot examples must come from a training split"
            )
        }
        let entries = try JSONFile.decode([Entry].self, from: bytes, file: file)
        let evaluatedQuestions = Set(evaluated.tasks.map { Self.normalized($0.question) })
        var kept: [Example] = []
        var excluded = 0
        for (index, entry) in entries.enumerated() {
            guard let sql = entry.query ?? entry.SQL else {
                throw DatasetError(.malformed, file: file, "record \(index) has neither `query` nor `SQL`")
            }
            if evaluatedQuestions.contains(Self.normalized(entry.question)) {
                excluded += 1
                continue
            }
            kept.append(Example(databaseID: entry.db_id, question: entry.question, evidence: entry.evidence, sql: sql))
        }
        guard !kept.isEmpty else {
            throw DatasetError(
                .malformed, file: file, "holds no usable examples (\(excluded) overlap the evaluated split)")
        }
        self.file = file
        self.examples = kept
        self.excludedOverlaps = excluded
        self.wordSets = kept.map { Self.words($0.question) }
    }

    public func select(for question: String, count: Int, selection: Selection) -> [Example] {
        guard count > 0 else { return [] }
        switch selection {
        case .first:
            return Array(examples.prefix(count))
        case .similar:
            let wanted = Self.words(question)
            let scored = wordSets.enumerated().map { index, words -> (Int, Double) in
                let union = wanted.union(words).count
                return (index, union == 0 ? 0 : Double(wanted.intersection(words).count) / Double(union))
            }
            let best = scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(count)
            return best.map { examples[$0.0] }
        }
    }

    /// The examples as the `{examples}` placeholder shows them: each a commented question and its SQL.
    public static func render(_ examples: [Example]) -> String {
        guard !examples.isEmpty else { return "" }
        var text = "-- Examples of questions and their SQL queries:\n\n"
        for example in examples {
            text += "-- Database: \(example.databaseID)\n"
            if let evidence = example.evidence, !evidence.isEmpty { text += "-- External knowledge: \(evidence)\n" }
            text += "-- Question: \(example.question)\n"
            var sql = example.sql.trimmingCharacters(in: .whitespacesAndNewlines)
            if !sql.hasSuffix(";") { sql += ";" }
            text += sql + "\n\n"
        }
        return text
    }

    static func normalized(_ question: String) -> String {
        question.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func words(_ question: String) -> Set<Substring> {
        Set(question.lowercased().split { !$0.isLetter && !$0.isNumber })
    }
}

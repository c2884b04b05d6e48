/// A loaded text-to-SQL benchmark split.
public struct SQLDataset: Sendable {
    public var kind: SQLBenchmarkKind
    /// The directory it was loaded from.
    public var directory: String
    /// The questions file (`dev.json`).
    public var questionsFile: String
    public var tasks: [SQLTask]

    public init(kind: SQLBenchmarkKind, directory: String, questionsFile: String, tasks: [SQLTask]) {
        self.kind = kind
        self.directory = directory
        self.questionsFile = questionsFile
        self.tasks = tasks
    }

    /// The db_ids whose database file is missing.
    public var missingDatabases: [String] {
        Array(Set(tasks.filter { !$0.isAvailable }.map(\.databaseID))).sorted()
    }

    /// Replaces the gold queries with those of a `dev_gold.sql` file (`SQL<TAB>db_id` per line), checking that the
    /// file has one line per task and that each line's db_id is the task's.
    public mutating func replaceGold(fromFile path: String) throws(DatasetError) {
        let lines = try TextLines.read(path).map(TextLines.strip).filter { !$0.isEmpty }
        guard lines.count == tasks.count else {
            throw DatasetError(
                .mismatch, file: path, "has \(lines.count) gold queries but \(questionsFile) has \(tasks.count) tasks")
        }
        for (index, line) in lines.enumerated() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 2 else {
                throw DatasetError(.malformed, file: path, line: index + 1, "expected `SQL<TAB>db_id`")
            }
            let databaseID = TextLines.strip(fields[fields.count - 1])
            guard databaseID == tasks[index].databaseID else {
                throw DatasetError(
                    .mismatch, file: path, line: index + 1,
                    "db_id `\(databaseID)` but task \(index) of \(questionsFile) is on `\(tasks[index].databaseID)`")
            }
            tasks[index].gold = fields.dropLast().joined(separator: "\t")
        }
    }
}

/// One line of a Spider `pred.txt`, read as the official evaluator reads it: the stripped line split on TAB, the
/// first field scored, the rest ignored. What the rest means decides whether the line is refused or reported.
struct SpiderPredictionLine {
    /// The SQL the official evaluator scores.
    var sql: String
    /// Set when the SQL itself holds TABs, so the scored SQL is only a fragment of what the line says.
    var finding: SQLInputFinding?

    /// `line` is stripped and not empty; `task` is nil past the dataset's end, where only the count is checked.
    init(
        _ line: String, number: Int, task: SQLTask?, knownDatabaseIDs: Set<String>, path: String,
        questionsFile: String
    ) throws(DatasetError) {
        var fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        sql = fields[0]
        guard fields.count > 1, let task else { return }
        let last = TextLines.strip(fields[fields.count - 1])
        if last == task.databaseID {
            fields.removeLast()
        } else if fields.count == 2, knownDatabaseIDs.contains(last) || Self.isOneWord(last) {
            // Exactly the `SQL<TAB>db_id` shape with another database named: most likely a file that does not line up
            // with the dataset. With more TABs the SQL certainly holds some, and its last word may be a table that
            // shares a database's name (Spider's concert_singer has a table `singer`), so such lines are reported.
            throw DatasetError(
                .mismatch, file: path, line: number,
                "prediction for task \(task.index) names db_id `\(last)`, but \(questionsFile) has "
                    + "`\(task.databaseID)` (the text after a line's only TAB is read as its db_id; if that TAB is "
                    + "part of the SQL, write a space instead)")
        }
        let whole = TextLines.strip(fields.joined(separator: "\t"))
        guard whole != TextLines.strip(sql) else { return }
        finding = SQLInputFinding(
            kind: .tabInSQL, line: number, taskID: task.id, scoredSQL: sql, wholeLineSQL: whole)
    }

    /// Letters, digits and underscores, not starting with a digit: the shape of every Spider and BIRD db_id.
    static func isOneWord(_ text: String) -> Bool {
        guard let first = text.utf8.first, !(0x30...0x39).contains(first) else { return false }
        return text.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == 0x5F
        }
    }
}

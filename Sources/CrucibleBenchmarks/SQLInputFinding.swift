public import CrucibleCore

/// A prediction line that the official evaluator reads differently from how it looks. The line is scored the
/// official way, so the official number is reproduced; the finding is reported so that the difference is not silent.
public struct SQLInputFinding: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// The SQL holds TABs: the official evaluator splits the line on TAB and scores only the first field.
        case tabInSQL = "tab-in-sql"
    }

    public var kind: Kind
    /// 1-based line of the predictions file.
    public var line: Int
    public var taskID: TaskID
    /// What the official rule scores: the stripped line's first TAB-separated field.
    public var scoredSQL: String
    /// The line's SQL with its TABs kept, without a trailing `<TAB>db_id` that names the task's database.
    public var wholeLineSQL: String

    public init(kind: Kind, line: Int, taskID: TaskID, scoredSQL: String, wholeLineSQL: String) {
        self.kind = kind
        self.line = line
        self.taskID = taskID
        self.scoredSQL = scoredSQL
        self.wholeLineSQL = wholeLineSQL
    }
}

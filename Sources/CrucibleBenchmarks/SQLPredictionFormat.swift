/// The prediction file formats `crucible score` reads for text-to-SQL.
public enum SQLPredictionFormat: String, Sendable, CaseIterable {
    /// Spider's `pred.txt`: one SQL per line in dataset order, optionally followed by `<TAB>db_id`.
    case lines
    /// BIRD's `predict_dev.json`: `{"<index>": "SQL\t----- bird -----\t<db_id>"}`.
    case bird
    /// CSV with a header; the SQL in a named column, in dataset order or keyed by a `task_id` column.
    case csv
    /// JSON Lines: `{"task_id": ..., "sql": "..."}`.
    case jsonl

    /// The format a file's extension implies.
    public static func guess(path: String) -> SQLPredictionFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".jsonl") { return .jsonl }
        if lower.hasSuffix(".json") { return .bird }
        if lower.hasSuffix(".csv") { return .csv }
        return .lines
    }
}

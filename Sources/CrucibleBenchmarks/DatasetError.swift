public import CrucibleCore

/// A problem with a user's input files: always names the file, and the line, column or task where it can.
public struct DatasetError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        /// A file or directory the benchmark needs does not exist.
        case missingFile
        /// A file is not valid JSON, JSONL or CSV, or lacks a required field.
        case malformed
        /// The predictions do not line up with the dataset (count, ids, db_ids).
        case mismatch
        /// Some tasks' databases are missing and `--allow-unavailable` was not given.
        case missingDatabase
    }

    public var code: Code
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?
    public var message: String

    public init(_ code: Code, file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(message)"
    }
}

extension DatasetError: CrucibleFailure {
    public var exitStatus: ExitStatus { .badInput }
}

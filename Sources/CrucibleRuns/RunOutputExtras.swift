public import CrucibleCore

/// What a run adds to the outputs `crucible score` would write for its first answers: refinement rounds add
/// summary fields, per-round lines in results.jsonl, and sections (and, for oracle feedback, a warning first)
/// in report.md.
public struct RunOutputExtras: Sendable {
    public var summaryFields: [(String, JSONValue)] = []
    public var resultLines: [JSONValue] = []
    /// Put before the report's first line.
    public var reportPrefix = ""
    public var reportSuffix = ""

    public init() {}

    public static let none = RunOutputExtras()

    func appendLines(into out: inout [UInt8]) {
        for line in resultLines {
            line.write(into: &out)
            out.append(UInt8(ascii: "\n"))
        }
    }

    func extend(_ summary: JSONValue) -> JSONValue {
        guard !summaryFields.isEmpty, case .object(let fields) = summary else { return summary }
        return .object(fields + summaryFields)
    }

    func wrap(_ report: String) -> String {
        reportPrefix + report + reportSuffix
    }
}

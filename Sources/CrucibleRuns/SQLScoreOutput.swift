import CrucibleBenchmarks
public import CrucibleCore
import CrucibleReports
public import Foundation

/// Writes a score result as `results.jsonl`, `summary.json` and `report.md`.
public enum SQLScoreOutput {
    /// Where the inputs came from, recorded in the summary and the report.
    public struct Provenance: Sendable {
        public var dataset: String
        public var predictions: String
        public var timeout: Double
        /// The model version a run evaluated (`crucible run --model-version`), when given.
        public var modelVersion: String?
        /// What the verdicts depend on, so `crucible compare` can tell whether two results were judged on the
        /// same data: the questions or problems file, a replacing gold file, and every database file by path
        /// relative to the dataset directory.
        public var datasetSHA256: String?
        public var goldSHA256: String?
        public var databasesSHA256: [String: String]?
        public var parentVersion: String?
        /// The command lines that made the result (a run resumed or refined has several).
        public var commands: [String] = []
        /// Which crucible judged the result (a run's store records it in its environment instead).
        public var harness: HarnessIdentity?

        public init(dataset: String, predictions: String, timeout: Double, modelVersion: String? = nil) {
            self.dataset = dataset
            self.predictions = predictions
            self.timeout = timeout
            self.modelVersion = modelVersion
        }
    }

    public static func write(_ result: SQLScoreResult, provenance: Provenance, to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let folder = URL(fileURLWithPath: directory)
        try resultsLines(result).write(to: folder.appendingPathComponent("results.jsonl"))
        try Data((summary(result, provenance: provenance).serialized(pretty: true) + "\n").utf8)
            .write(to: folder.appendingPathComponent("summary.json"))
        try Data(SQLScoreReport.markdown(result, provenance: provenance).utf8)
            .write(to: folder.appendingPathComponent("report.md"))
    }

    public static func resultsLines(_ result: SQLScoreResult) -> Data {
        var out: [UInt8] = []
        for score in result.scores {
            JSONValue.object(resultLine(score, kind: result.kind)).write(into: &out)
            out.append(UInt8(ascii: "\n"))
        }
        return Data(out)
    }

    static func resultLine(_ score: SQLTaskScore, kind: SQLBenchmarkKind) -> [(String, JSONValue)] {
        var object: [(String, JSONValue)] = [
            ("task_id", score.taskID.sqlJSON),
            ("db_id", .string(score.databaseID)),
            (kind.categoryName, score.category.map(JSONValue.string) ?? .null),
            ("passed", score.passed.map(JSONValue.bool) ?? .null),
            ("status", .string(score.status.rawValue)),
            ("rule", .string(score.statuses[0].rule)),
            ("error", score.error.map(JSONValue.string) ?? .null),
            ("gold_rows", score.goldRows.map { .number(Double($0)) } ?? .null),
            ("predicted_rows", score.predictedRows.map { .number(Double($0)) } ?? .null),
            ("gold_seconds", .number(rounded(score.goldSeconds))),
            ("predicted_seconds", .number(rounded(score.predictedSeconds))),
        ]
        if score.statuses.count > 1 {
            object.append(("rules", .object(score.statuses.map { ($0.rule, .string($0.status.rawValue)) })))
        }
        return object
    }

    public static func summary(_ result: SQLScoreResult, provenance: Provenance) -> JSONValue {
        let breakdown = result.breakdown()
        let statuses = ScoreStatus.allCases.compactMap { status in
            result.statusCounts[status].map { (status.rawValue, JSONValue.number(Double($0))) }
        }
        var object: [(String, JSONValue)] = [
            ("benchmark", .string(result.kind.rawValue)),
            ("rule", .string(result.rules[0].rawValue)),
            ("dataset", .string(provenance.dataset)),
            ("predictions", .string(provenance.predictions)),
            ("timeout_seconds", .number(provenance.timeout)),
            ("total", .number(Double(breakdown.all.total))),
            ("scored", .number(Double(breakdown.all.scored))),
            ("passed", .number(Double(breakdown.all.passed))),
            ("unavailable", .number(Double(breakdown.all.unavailable))),
            ("accuracy", breakdown.all.accuracy.map(JSONValue.number) ?? .null),
            ("by_\(result.kind.categoryName)", breakdownJSON(breakdown)),
            ("statuses", .object(statuses)),
            ("gold_checks", result.goldChecks.json),
            ("distinct_queries", .number(Double(result.distinctQueries))),
            ("execution_seconds", .number(rounded(result.executionSeconds))),
        ]
        if let version = provenance.modelVersion {
            object.insert(("model_version", .string(version)), at: 4)
        }
        object += provenance.identityFields
        if !result.inputFindings.isEmpty {
            let index = object.firstIndex { $0.0 == "statuses" }.map { $0 + 1 } ?? object.count
            object.insert(("input_findings", .array(result.inputFindings.map(\.json))), at: index)
        }
        if result.rules.count > 1 {
            let perRule = result.rules.enumerated().map { index, rule -> (String, JSONValue) in
                let tally = result.breakdown(ruleIndex: index).all
                return (
                    rule.rawValue,
                    .object([
                        ("passed", .number(Double(tally.passed))),
                        ("accuracy", tally.accuracy.map(JSONValue.number) ?? .null),
                    ])
                )
            }
            object.append(("rules", .object(perRule)))
            object.append(("rule_disagreements", .array(result.ruleDisagreements.map { $0.taskID.sqlJSON })))
        }
        return .object(object)
    }

    static func breakdownJSON(_ breakdown: CategoryBreakdown) -> JSONValue {
        .object(
            breakdown.order.map { name in
                let tally = breakdown[name]
                return (
                    name,
                    .object([
                        ("total", .number(Double(tally.total))),
                        ("scored", .number(Double(tally.scored))),
                        ("passed", .number(Double(tally.passed))),
                        ("accuracy", tally.accuracy.map(JSONValue.number) ?? .null),
                    ])
                )
            })
    }

    static func rounded(_ seconds: Double) -> Double { (seconds * 1e6).rounded() / 1e6 }
}

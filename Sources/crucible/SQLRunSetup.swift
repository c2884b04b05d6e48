import ArgumentParser
import CrucibleBenchmarks
import CrucibleRuns
import CrucibleSQL
import Foundation

/// What `crucible run` and `crucible merge` share for text-to-SQL runs: loading the split and writing the outputs.
enum SQLRunSetup {
    static func load(_ kind: SQLBenchmarkKind, directory: String, questions: String) throws -> SQLDataset {
        switch kind {
        case .spider: return try SpiderDatasetLoader.load(directory: directory, questions: questions)
        case .bird: return try BIRDDatasetLoader.load(directory: directory, questions: questions)
        }
    }

    /// Checks the golds, then writes results.jsonl, summary.json and report.md from the store and prints the
    /// one-line summary.
    static func writeOutputs(
        _ job: SQLExecutionJob, ks: [Int], samples: Int, store: RunStore, provenance: SQLScoreOutput.Provenance,
        directory: String
    ) throws {
        let result = try job.result(ks: ks, samples: samples, store: store, goldChecks: try job.goldChecks())
        try SQLRunOutput.write(result, provenance: provenance, to: directory)
        let all = result.score.breakdown().all
        let accuracy = all.accuracy.map { String(format: "%.1f", $0 * 100) } ?? "–"
        var line = "\(result.score.kind.rawValue): \(all.passed)/\(all.scored) correct (\(accuracy) %)"
        if samples > 1 {
            line +=
                ", "
                + ks.map { k in
                    "pass@\(k) " + (result.passAtK(k).map { String(format: "%.1f", $0 * 100) } ?? "–") + " %"
                }
                .joined(separator: ", ")
        }
        if all.unavailable > 0 { line += ", \(all.unavailable) unavailable" }
        print(line + "; run in \(directory)")
    }

    /// `--rules` / `--rule` as `crucible score` reads them: the benchmark's official rule first by default.
    static func rules(_ list: String?, rule: SQLRuleName?, kind: SQLBenchmarkKind) throws -> [SQLRuleName] {
        let official: SQLRuleName = kind == .spider ? .spider : .bird
        if let rule { return [rule] }
        guard let list else { return [official] }
        if list == "all" { return [official] + SQLRuleName.allCases.filter { $0 != official } }
        return try list.split(separator: ",").map { name in
            guard let rule = SQLRuleName(rawValue: String(name).trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError(
                    "unknown rule `\(name)`; rules: \(SQLRuleName.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return rule
        }
    }
}

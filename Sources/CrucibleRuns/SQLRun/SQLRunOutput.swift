import CrucibleCore
import CrucibleReports
import Foundation

/// Writes a text-to-SQL run's `results.jsonl`, `summary.json` and `report.md`: with one sample per task exactly
/// what `crucible score` writes for the same predictions; with several, the first sample's verdicts plus every
/// sample's status per task and pass@k.
public enum SQLRunOutput {
    public static func write(
        _ run: SQLRunResult, provenance: SQLScoreOutput.Provenance, to directory: String,
        extras: RunOutputExtras = .none
    ) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let folder = URL(fileURLWithPath: directory)
        var lines: [UInt8] = []
        for (score, statuses) in zip(run.score.scores, run.sampleStatuses) {
            var object = SQLScoreOutput.resultLine(score, kind: run.score.kind)
            if run.samples > 1 { object.append(("samples", .array(statuses.map { .string($0.rawValue) }))) }
            JSONValue.object(object).write(into: &lines)
            lines.append(UInt8(ascii: "\n"))
        }
        extras.appendLines(into: &lines)
        try Data(lines).write(to: folder.appendingPathComponent("results.jsonl"))
        var summary = SQLScoreOutput.summary(run.score, provenance: provenance)
        if run.samples > 1, case .object(var fields) = summary {
            fields.append(("samples_per_task", .number(Double(run.samples))))
            for k in run.ks { fields.append(("pass@\(k)", run.passAtK(k).map(JSONValue.number) ?? .null)) }
            summary = .object(fields)
        }
        try Data((extras.extend(summary).serialized(pretty: true) + "\n").utf8).write(
            to: folder.appendingPathComponent("summary.json"))
        var report = SQLScoreReport.markdown(run.score, provenance: provenance)
        if run.samples > 1 {
            report += "\n## pass@k over \(run.samples) samples per task\n\n"
            report += "The table above scores each task's first sample.\n\n"
            var table = MarkdownTable(headers: ["k", "pass@k (%)"])
            for k in run.ks {
                table.append([String(k), run.passAtK(k).map { String(format: "%.1f", $0 * 100) } ?? "–"])
            }
            report += table.rendered
        }
        try Data(extras.wrap(report).utf8).write(to: folder.appendingPathComponent("report.md"))
    }
}

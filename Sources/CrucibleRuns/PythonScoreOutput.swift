public import CrucibleCore
import CruciblePython
import CrucibleReports
public import Foundation

/// Writes a Python score result as `results.jsonl` (one line per sample, then one per task), `summary.json` and
/// `report.md`.
public enum PythonScoreOutput {
    public static func write(
        _ result: PythonScoreResult, provenance: SQLScoreOutput.Provenance, to directory: String,
        extras: RunOutputExtras = .none
    ) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let folder = URL(fileURLWithPath: directory)
        var lines = [UInt8](resultsLines(result))
        extras.appendLines(into: &lines)
        try Data(lines).write(to: folder.appendingPathComponent("results.jsonl"))
        try Data((extras.extend(summary(result, provenance: provenance)).serialized(pretty: true) + "\n").utf8)
            .write(to: folder.appendingPathComponent("summary.json"))
        try Data(extras.wrap(markdown(result, provenance: provenance)).utf8).write(
            to: folder.appendingPathComponent("report.md"))
    }

    public static func resultsLines(_ result: PythonScoreResult) -> Data {
        var out: [UInt8] = []
        func line(_ value: JSONValue) {
            value.write(into: &out)
            out.append(UInt8(ascii: "\n"))
        }
        for task in result.tasks {
            for (index, sample) in task.samples.enumerated() {
                let stability: [(String, JSONValue)] =
                    sample.stability.map { [("stability", PythonReportSections.stabilityJSON($0))] } ?? []
                line(
                    .object(
                        [
                            ("record", .string("sample")), ("task_id", .string(task.taskID.rawValue)),
                            ("sample", .number(Double(index))),
                            ("passed", sample.status == .unavailable ? .null : .bool(sample.status == .passed)),
                            ("status", .string(sample.status.rawValue)),
                            ("exception", sample.exceptionType.map(JSONValue.string) ?? .null),
                            ("message", sample.message.map(JSONValue.string) ?? .null),
                            ("traceback", .array(sample.traceback.map(JSONValue.string))),
                            ("stdout", .string(sample.stdout)), ("stderr", .string(sample.stderr)),
                            ("seconds", .number((sample.seconds * 1e6).rounded() / 1e6)),
                        ] + stability))
            }
        }
        for task in result.tasks {
            var object: [(String, JSONValue)] = [
                ("record", .string("task")), ("task_id", .string(task.taskID.rawValue)),
                ("category", task.category.map(JSONValue.string) ?? .null),
                ("samples", .number(Double(task.samples.count))), ("correct", .number(Double(task.correct))),
                ("passed", task.isAvailable ? .bool(task.correct > 0) : .null),
                ("status", .string(task.isAvailable ? (task.correct > 0 ? "passed" : "failed") : "unavailable")),
            ]
            if !task.groups.isEmpty {
                object.append(
                    ("groups", .object(task.groups.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })))
            }
            for k in result.ks {
                let value =
                    task.isAvailable ? result.passAtK(k, of: task) : nil
                object.append(("pass@\(k)", value.map(JSONValue.number) ?? .null))
            }
            line(.object(object))
        }
        return Data(out)
    }

    public static func summary(_ result: PythonScoreResult, provenance: SQLScoreOutput.Provenance) -> JSONValue {
        let available = result.availableTasks
        let statuses = PythonOutcome.Status.allCases.compactMap { status in
            result.statusCounts[status].map { (status.rawValue, JSONValue.number(Double($0))) }
        }
        var object: [(String, JSONValue)] = [
            ("benchmark", .string(result.benchmark)), ("dataset", .string(provenance.dataset)),
            ("predictions", .string(provenance.predictions)),
            ("timeout_seconds", .number(provenance.timeout)),
            ("total", .number(Double(result.tasks.count))), ("scored", .number(Double(available.count))),
            ("unavailable", .number(Double(result.tasks.count - available.count))),
            ("samples", .number(Double(result.tasks.reduce(0) { $0 + $1.samples.count }))),
            ("passed", .number(Double(available.filter { $0.correct > 0 }.count))),
            ("accuracy", result.sampleAccuracy.map(JSONValue.number) ?? .null),
        ]
        if let version = provenance.modelVersion {
            object.insert(("model_version", .string(version)), at: 3)
        }
        object += provenance.identityFields
        for k in result.ks {
            object.append(("pass@\(k)", result.passAtK(k).map(JSONValue.number) ?? .null))
            if let interval = result.passAtKInterval(k) {
                object.append(("pass@\(k)_interval", .array([.number(interval.low), .number(interval.high)])))
            }
        }
        for breakdown in result.breakdowns {
            object.append(
                (
                    "by_\(breakdown.name)",
                    .object(
                        breakdown.groups.map { group in
                            (
                                group.value,
                                .object(
                                    [("scored", .number(Double(group.tasks.count)))]
                                        + result.ks.map { k in
                                            (
                                                "pass@\(k)",
                                                result.passAtK(k, of: group.tasks).map(JSONValue.number) ?? .null
                                            )
                                        })
                            )
                        })
                ))
        }
        if let stability = PythonReportSections.stabilitySummary(result) { object.append(("stability", stability)) }
        object.append(("statuses", .object(statuses)))
        object.append(
            (
                "unavailable_tasks",
                .array(
                    result.tasks.filter { !$0.isAvailable }.map { task in
                        .object([
                            ("task_id", .string(task.taskID.rawValue)),
                            ("reason", .string(PythonReportSections.unavailableReason(task))),
                        ])
                    })
            ))
        if let environment = result.environment {
            object.append(
                (
                    "environment",
                    .object([
                        ("python", .string(environment.python)),
                        (
                            "confinement",
                            .object(
                                environment.confinement.keys.sorted().map {
                                    ($0, .string(environment.confinement[$0]!))
                                })
                        ),
                        (
                            "libraries",
                            .object(
                                environment.libraries.keys.sorted().map { name in
                                    (name, environment.libraries[name].flatMap { $0 }.map(JSONValue.string) ?? .null)
                                })
                        ),
                    ])
                ))
        }
        object.append(("seconds", .number((result.seconds * 1e3).rounded() / 1e3)))
        return .object(object)
    }

    static func markdown(_ result: PythonScoreResult, provenance: SQLScoreOutput.Provenance) -> String {
        var out =
            "# \(result.benchmark)\n\n- dataset: `\(provenance.dataset)`\n- answers: `\(provenance.predictions)`\n"
        if let version = provenance.modelVersion { out += "- model version: `\(version)`\n" }
        out += "- timeout \(provenance.timeout) s per program\n\n"
        let metrics = result.ks.map { "pass@\($0) (%)" }
        var overall = MarkdownTable(headers: ["", "tasks"] + metrics)
        overall.append(
            ["**all**", "**\(result.availableTasks.count)**"]
                + result.ks.map { k in
                    let interval = result.passAtKInterval(k).map {
                        " (\(AccuracyTableRenderer.percent($0.low))–\(AccuracyTableRenderer.percent($0.high)))"
                    }
                    return "**\(AccuracyTableRenderer.percent(result.passAtK(k)))**" + (interval ?? "")
                })
        out += overall.rendered
        out += "\nIn brackets: the 95 % interval, a percentile bootstrap over tasks (10,000 resamples, seed 0).\n"
        for breakdown in result.breakdowns {
            out += "\n## By \(breakdown.name)\n\n"
            var table = MarkdownTable(headers: [breakdown.name, "tasks"] + metrics)
            for group in breakdown.groups {
                table.append(
                    [group.value, String(group.tasks.count)]
                        + result.ks.map { AccuracyTableRenderer.percent(result.passAtK($0, of: group.tasks)) })
            }
            out += table.rendered
        }
        out += PythonReportSections.unstable(result)
        out += PythonReportSections.unavailable(result)
        out += "\n## Outcomes of all samples\n\n"
        var statuses = MarkdownTable(headers: ["status", "samples"])
        for status in PythonOutcome.Status.allCases {
            if let count = result.statusCounts[status] { statuses.append([status.rawValue, String(count)]) }
        }
        return out + statuses.rendered + PythonReportSections.environment(result)
    }
}

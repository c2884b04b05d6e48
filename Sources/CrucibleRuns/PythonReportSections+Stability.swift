import CrucibleCore
import CruciblePython
import CrucibleReports

/// The parts of a Python report that `--check-stability` adds.
extension PythonReportSections {
    static func stabilityJSON(_ stability: PythonOutcome.Stability) -> JSONValue {
        .object([
            ("runs", .number(Double(stability.runs))), ("passed", .number(Double(stability.passed))),
            ("stable", .bool(!stability.isUnstable)),
        ])
    }

    /// summary.json's `stability`: the runs, their hash seeds, the unstable samples and the range of each pass@k.
    static func stabilitySummary(_ result: PythonScoreResult) -> JSONValue? {
        guard let runs = result.stabilityRuns else { return nil }
        let unstable = result.unstableSamples
        var object: [(String, JSONValue)] = [
            ("runs", .number(Double(runs))),
            ("hash_seeds", .array((0..<runs).map { .number(Double($0)) })),
            ("unstable_samples", .number(Double(unstable.count))),
            ("unstable_tasks", .number(Double(Set(unstable.map(\.task.taskID)).count))),
            (
                "unstable",
                .array(
                    unstable.map { item in
                        .object([
                            ("task_id", .string(item.task.taskID.rawValue)), ("sample", .number(Double(item.sample))),
                            ("verdict", .string(item.outcome.status.rawValue)),
                            ("passed_runs", .number(Double(item.stability.passed))),
                            ("runs", .number(Double(item.stability.runs))),
                        ])
                    })
            ),
        ]
        for k in result.ks {
            if let range = result.passAtKRange(k) {
                object.append(("pass@\(k)_range", .array([.number(range.low), .number(range.high)])))
            }
        }
        return .object(object)
    }

    /// report.md's list of unstable verdicts and the range of figures they allow.
    static func unstable(_ result: PythonScoreResult) -> String {
        guard let runs = result.stabilityRuns else { return "" }
        let unstable = result.unstableSamples
        var out = "\n## Stability of the verdicts\n\n"
        out +=
            "Every program was run \(runs) times, each time in new workers with hash seed 0 … \(runs - 1) and fresh "
            + "randomness; the verdicts above are the first run's (seed 0). "
        guard !unstable.isEmpty else {
            return out + "No verdict changed between the runs.\n"
        }
        let ranges = result.ks.compactMap { k in
            result.passAtKRange(k).map {
                "pass@\(k) \(AccuracyTableRenderer.percent($0.low))–\(AccuracyTableRenderer.percent($0.high)) %"
            }
        }
        out +=
            "\(unstable.count) sample\(unstable.count == 1 ? "" : "s") of "
            + "\(Set(unstable.map(\.task.taskID)).count) task(s) changed verdict; counted as failed or as passed, "
            + "they allow \(ranges.joined(separator: ", ")).\n\n"
        var table = MarkdownTable(headers: ["task", "sample", "verdict (seed 0)", "runs passed"])
        for item in unstable {
            table.append([
                item.task.taskID.rawValue, String(item.sample), item.outcome.status.rawValue,
                "\(item.stability.passed) of \(item.stability.runs)",
            ])
        }
        return out + table.rendered
    }
}

import CrucibleCore
import Foundation

/// A report as markdown: the tables papers print, with intervals and counts, then refinement, the version line,
/// and how each result can be reproduced.
public enum ReportMarkdown {
    /// `charts`: the chart files written beside the report, linked where their tables are.
    public static func render(_ report: RunReport, charts: [ReportCharts.Chart] = []) -> String {
        func link(_ file: String) -> String {
            guard let chart = charts.first(where: { $0.file == file }) else { return "" }
            return "![\(chart.chart.title)](\(file))\n\n"
        }
        var out = ""
        let oracle = report.runs.filter { $0.details.rounds.contains(where: \.oracleFeedback) }
        if !oracle.isEmpty {
            out += "> **Oracle feedback:** " + oracle.map(\.label).joined(separator: ", ")
            out +=
                " showed the model the gold result in refinement; those figures are not those of a real evaluation.\n\n"
        }
        out += "# Results\n\n"
        out += mainTable(report) + link("chart-accuracy.svg")
        for breakdown in report.breakdowns {
            out += breakdownTable(breakdown) + link(breakdown.chartFile)
        }
        let refinement = refinement(report)
        out += refinement + (refinement.isEmpty ? "" : link("chart-refinement.svg"))
        out += iterations(report)
        for benchmark in Set(report.iterations.map(\.benchmark)).sorted() {
            out += link("chart-\(benchmark)-versions.svg")
        }
        out += reproduction(report)
        return out
    }

    static func mainTable(_ report: RunReport) -> String {
        var table = MarkdownTable(headers: ["model"] + report.columns.map(\.title))
        let best = report.best
        for (rowIndex, row) in report.rows.enumerated() {
            table.append(
                [row.label]
                    + row.cells.enumerated().map { column, cell in
                        guard let cell else { return "–" }
                        let value = percent(cell.estimate)
                        let shown = best[column] == rowIndex && report.rows.count > 1 ? "**\(value)**" : value
                        var text = "\(shown) [\(percent(cell.low)), \(percent(cell.high))]<br>n = \(cell.scored)"
                        if cell.unavailable > 0 { text += ", \(cell.unavailable) unavailable" }
                        return text
                    })
        }
        var out = table.rendered + "\n"
        out += "Accuracy in percent with its 95 % interval: Wilson's for one sample per task, otherwise a percentile "
        out += "bootstrap over tasks (\(report.resamples) resamples, seed \(report.seed)) of each task's pass@k "
        out += "estimate. n is the number of tasks scored; unavailable tasks could not be judged here and are left "
        out += "out. The best value of each column is in bold.\n\n"
        return out
    }

    static func breakdownTable(_ breakdown: RunReport.Breakdown) -> String {
        let name = RunReport.Column.names[breakdown.benchmark] ?? breakdown.benchmark
        let out = "## \(name) by \(breakdown.grouping)\n\n"
        var table = MarkdownTable(headers: [breakdown.grouping, "tasks"] + breakdown.labels.map { "\($0) (%)" })
        for group in breakdown.groups {
            table.append([group.name, String(group.tasks)] + group.accuracies.map { $0.map(percent) ?? "–" })
        }
        return out + table.rendered + "\n"
    }

    static func refinement(_ report: RunReport) -> String {
        let refined = report.runs.filter { $0.details.rounds.count > 1 }
        guard !refined.isEmpty else { return "" }
        var out = "## Refinement\n\n"
        let most = refined.map { $0.details.rounds.count }.max() ?? 1
        var headers = ["model", "benchmark", "repair", "feedback", "Init. (%)"]
        headers += (1..<most).map { "round \($0) (%)" }
        headers += (1..<most).map { "success rate \($0) (%)" }
        var table = MarkdownTable(headers: headers)
        for run in refined {
            let rounds = run.details.rounds
            let later = rounds.dropFirst()
            let repair = Set(later.compactMap(\.repair)).sorted().map {
                $0 == "explain-then-fix" ? "Expl.+Refine" : "Refine"
            }
            var row = [
                run.label, RunReport.Column.names[run.benchmark] ?? run.benchmark, repair.joined(separator: ", "),
                Set(later.compactMap(\.feedback)).sorted().joined(separator: ", "),
                rounds.first?.accuracy.map(percent) ?? "–",
            ]
            row += (1..<most).map { index in index < rounds.count ? rounds[index].accuracy.map(percent) ?? "–" : "–" }
            row += (1..<most).map { index in
                index < rounds.count ? rounds[index].successRate.map(percent) ?? "–" : "–"
            }
            table.append(row)
        }
        out += table.rendered + "\n"
        out += "Accuracy after each round (pass@1 over samples); the success rate is the share of the samples failing "
        out += "before a round that the round fixed (LEDEX). Transitions per round are in each run's summary.json.\n"
        let revealing = refined.filter { $0.details.rounds.contains(where: \.feedbackShowsTests) }
        if !revealing.isEmpty {
            out += "Feedback that shows the evaluation's tests (`tests`, `trace`) was used by "
            out += revealing.map(\.label).joined(separator: ", ")
            out += ": those rounds are not comparable with rounds whose feedback does not.\n"
        }
        return out + "\n"
    }

    static func iterations(_ report: RunReport) -> String {
        guard !report.iterations.isEmpty else { return "" }
        var out = "## Model versions\n\n"
        var table = MarkdownTable(
            headers: [
                "benchmark", "version", "parent", "accuracy (%)", "change (points)", "95 % interval", "p (McNemar)",
            ])
        for iteration in report.iterations {
            let change = iteration.change
            table.append([
                RunReport.Column.names[iteration.benchmark] ?? iteration.benchmark, iteration.version,
                iteration.parent ?? "–",
                iteration.cell.map { "\(percent($0.estimate)) [\(percent($0.low)), \(percent($0.high))]" } ?? "–",
                change.map { ComparisonReport.points($0.difference.estimate) } ?? "–",
                change.map {
                    "[\(ComparisonReport.points($0.difference.low)), \(ComparisonReport.points($0.difference.high))]"
                } ?? "–",
                change.map { ComparisonReport.pValue($0.mcnemarP) } ?? "–",
            ])
        }
        out += table.rendered + "\n"
        out += "Each version against its parent, paired on the tasks both scored (paired bootstrap interval of the "
        out += "difference; McNemar's exact test on the first sample's verdicts).\n\n"
        return out
    }

    static func reproduction(_ report: RunReport) -> String {
        var out = "## Reproducing these results\n\n"
        for run in report.runs {
            out += "### \(run.label) (\(RunReport.Column.names[run.benchmark] ?? run.benchmark))\n\n"
            out += "- directory: `\(run.directory)`\n- model: `\(run.model)`\n"
            for (name, value) in run.details.reproduction { out += "- \(name): \(value)\n" }
            if let reachable = run.details.maxReachableAccuracy {
                out +=
                    "- highest reachable accuracy (golds that fail count against every model): \(percent(reachable)) %\n"
            }
            if !run.details.unavailable.isEmpty {
                var byReason: [String: [String]] = [:]
                var reasons: [String] = []
                for (id, reason) in run.details.unavailable {
                    if byReason[reason] == nil { reasons.append(reason) }
                    byReason[reason, default: []].append(id.serialized().trimmingCharacters(in: ["\""]))
                }
                out += "- unavailable tasks (\(run.details.unavailable.count)):\n"
                for reason in reasons {
                    let ids = byReason[reason]!
                    let shown = ids.prefix(20).joined(separator: ", ") + (ids.count > 20 ? ", …" : "")
                    out += "  - \(reason): \(ids.count) (\(shown))\n"
                }
            }
            if !run.details.commands.isEmpty {
                out += "- commands:\n\n```sh\n" + run.details.commands.joined(separator: "\n") + "\n```\n"
            }
            out += "\n"
        }
        return out
    }

    static func percent(_ value: Double) -> String {
        AccuracyTableRenderer.percent(value)
    }
}

public import CrucibleCore
import Foundation

/// A comparison as markdown: the paired accuracies, the difference with its interval, McNemar's test, the same per
/// category, and the flipped tasks.
public enum ComparisonReport {
    /// `viewLink`: when the HTML view of the compared results sits beside the comparison, each flipped task links
    /// to it (the result's index among those compared, the task id).
    public static func markdown(
        _ comparisons: [PairedComparison], categoryName: String?, viewLink: ((Int, JSONValue) -> String)? = nil
    ) -> String {
        guard let first = comparisons.first else { return "" }
        var out = "# Comparison with \(first.a.label)\n\n"
        if comparisons.count > 1 {
            out += "\(comparisons.count) versions are each compared with `\(first.a.label)`: the p-values are "
            out += "Holm-adjusted for the \(comparisons.count) comparisons (the unadjusted ones are given too).\n\n"
        }
        for (index, comparison) in comparisons.enumerated() {
            out += section(
                comparison, categoryName: categoryName, link: viewLink.map { link in { link(index + 1, $0) } })
        }
        return out
    }

    static func section(_ comparison: PairedComparison, categoryName: String?, link: ((JSONValue) -> String)? = nil)
        -> String
    {
        let a = comparison.a
        let b = comparison.b
        var out = "## \(b.label) against \(a.label)\n\n"
        out += "Paired on the \(comparison.pairedTasks) tasks both scored"
        out += comparison.round > 0 ? ", after round \(comparison.round).\n\n" : ".\n\n"
        var table = MarkdownTable(headers: ["", "directory", "accuracy (%)", "passed"])
        table.append([a.label, "`\(a.directory)`", percent(a.accuracy), String(a.passed)])
        table.append([b.label, "`\(b.directory)`", percent(b.accuracy), String(b.passed)])
        out += table.rendered + "\n"
        let interval = comparison.difference
        out += "- Difference (B − A): **\(points(interval.estimate))** points, 95 % paired bootstrap interval "
        out += "[\(points(interval.low)), \(points(interval.high))] (\(comparison.resamples) resamples of the tasks, "
        out += "seed \(comparison.seed)).\n"
        out += "- McNemar's exact test on the first sample's verdicts: p = \(pValue(comparison.mcnemarP))"
        if let adjusted = comparison.adjustedP { out += ", Holm-adjusted p = \(pValue(adjusted))" }
        out += " (\(comparison.failToPass.count) fail→pass, \(comparison.passToFail.count) pass→fail).\n\n"
        if !comparison.categories.isEmpty {
            out += "### By \(categoryName ?? "category")\n\n"
            var categories = MarkdownTable(
                headers: [
                    categoryName ?? "category", "tasks", "\(a.label) (%)", "\(b.label) (%)", "difference (points)",
                    "fail→pass", "pass→fail",
                ])
            for category in comparison.categories {
                categories.append([
                    category.name, String(category.pairedTasks), percent(category.a), percent(category.b),
                    points(category.difference), String(category.failToPass), String(category.passToFail),
                ])
            }
            out += categories.rendered + "\n"
        }
        out += "### Flipped tasks\n\n"
        out += "- fail→pass (\(comparison.failToPass.count)): " + list(comparison.failToPass, link: link) + "\n"
        out += "- pass→fail (\(comparison.passToFail.count)): " + list(comparison.passToFail, link: link) + "\n\n"
        return out
    }

    static func list(_ ids: [JSONValue], link: ((JSONValue) -> String)? = nil) -> String {
        guard !ids.isEmpty else { return "none" }
        return ids.map { id in
            let text = id.serialized().trimmingCharacters(in: ["\""])
            return link.map { "[`\(text)`](\($0(id)))" } ?? "`\(text)`"
        }.joined(separator: ", ")
    }

    static func percent(_ value: Double) -> String {
        AccuracyTableRenderer.percent(value)
    }

    /// A difference in percentage points with its sign.
    static func points(_ value: Double) -> String {
        let tenths = (value * 1000).rounded() / 10
        return (tenths > 0 ? "+" : tenths < 0 ? "−" : "±") + AccuracyTableRenderer.percent(abs(tenths) / 100)
    }

    static func pValue(_ p: Double) -> String {
        if p >= 0.001 { return String(format: "%.3f", p) }
        return String(format: "%.1e", p)
    }
}

public import CrucibleCore

/// Renders a category breakdown as the table papers print: one row per category and one for all, with the count
/// of scored tasks and the accuracy in percent.
public enum AccuracyTableRenderer {
    public static func table(_ breakdown: CategoryBreakdown, categoryTitle: String, metricTitle: String)
        -> MarkdownTable
    {
        var table = MarkdownTable(headers: [categoryTitle, "count", metricTitle])
        for name in breakdown.order {
            let tally = breakdown[name]
            table.append([name, String(tally.scored), percent(tally.accuracy)])
        }
        table.append(["**all**", "**\(breakdown.all.scored)**", "**\(percent(breakdown.all.accuracy))**"])
        return table
    }

    /// A fraction as a percentage with one decimal, or an en dash when there is nothing to measure.
    public static func percent(_ fraction: Double?) -> String {
        guard let fraction else { return "–" }
        let tenths = (fraction * 1000).rounded()
        let whole = Int(tenths) / 10
        let decimal = Int(tenths) % 10
        return "\(whole).\(decimal)"
    }
}

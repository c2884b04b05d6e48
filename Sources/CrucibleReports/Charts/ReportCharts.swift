/// The charts of a report, each with the file name it is written under beside report.md.
public enum ReportCharts {
    public struct Chart: Sendable {
        public var file: String
        public var chart: SVGChart
    }

    public static func make(_ report: RunReport) -> [Chart] {
        var charts: [Chart] = []
        if !report.columns.isEmpty && !report.rows.isEmpty {
            charts.append(
                Chart(
                    file: "chart-accuracy.svg",
                    chart: SVGChart(
                        kind: .bars, title: "Accuracy by model", xLabel: "benchmark", yLabel: "accuracy (%)",
                        xLabels: report.columns.map(\.title),
                        series: report.rows.map { row in
                            SVGChart.Series(
                                name: row.label, values: row.cells.map { $0.map { $0.estimate * 100 } },
                                intervals: row.cells.map { $0.map { ($0.low * 100, $0.high * 100) } })
                        })))
        }
        for breakdown in report.breakdowns {
            let name = RunReport.Column.names[breakdown.benchmark] ?? breakdown.benchmark
            charts.append(
                Chart(
                    file: breakdown.chartFile,
                    chart: SVGChart(
                        kind: .bars, title: "\(name) by \(breakdown.grouping)", xLabel: breakdown.grouping,
                        yLabel: "accuracy (%)", xLabels: breakdown.groups.map(\.name),
                        series: breakdown.labels.enumerated().map { index, label in
                            SVGChart.Series(
                                name: label, values: breakdown.groups.map { $0.accuracies[index].map { $0 * 100 } })
                        })))
        }
        let refined = report.runs.filter { $0.details.rounds.count > 1 }
        if let most = refined.map({ $0.details.rounds.count }).max() {
            charts.append(
                Chart(
                    file: "chart-refinement.svg",
                    chart: SVGChart(
                        kind: .lines, title: "Accuracy by refinement round", xLabel: "round",
                        yLabel: "accuracy (%)", xLabels: ["Init."] + (1..<most).map { "round \($0)" },
                        series: refined.map { run in
                            SVGChart.Series(
                                name: "\(run.label) (\(RunReport.Column.names[run.benchmark] ?? run.benchmark))",
                                values: (0..<most).map { index in
                                    index < run.details.rounds.count
                                        ? run.details.rounds[index].accuracy.map { $0 * 100 } : nil
                                })
                        })))
        }
        var benchmarks: [String] = []
        for iteration in report.iterations where !benchmarks.contains(iteration.benchmark) {
            benchmarks.append(iteration.benchmark)
        }
        for benchmark in benchmarks {
            let line = report.iterations.filter { $0.benchmark == benchmark }
            let name = RunReport.Column.names[benchmark] ?? benchmark
            charts.append(
                Chart(
                    file: "chart-\(benchmark)-versions.svg",
                    chart: SVGChart(
                        kind: .lines, title: "\(name) accuracy by model version", xLabel: "model version",
                        yLabel: "accuracy (%)", xLabels: line.map(\.version),
                        series: [
                            SVGChart.Series(
                                name: name, values: line.map { $0.cell.map { $0.estimate * 100 } },
                                intervals: line.map { $0.cell.map { ($0.low * 100, $0.high * 100) } })
                        ])))
        }
        return charts
    }
}

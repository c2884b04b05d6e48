public import CrucibleReports
import Foundation

/// `crucible report` as a library: run and score directories read, one report computed, written in the formats
/// asked for.
public struct ReportPipeline: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case md, json, latex, html
    }

    public var directories: [String]
    public var out = "Reports/report"
    public var formats: [Format] = [.md]
    public var resamples = 10_000
    public var seed: UInt64 = 0

    public init(directories: [String]) {
        self.directories = directories
    }

    /// Writes the report; returns the files written.
    public func run() throws -> (report: RunReport, files: [String]) {
        guard !directories.isEmpty else { throw RunError(.input, "give one or more run or score directories") }
        let runs = try directories.map { directory throws(RunError) in try EvaluatedRunLoader.load(directory) }
        let report = RunReport.make(runs, resamples: resamples, seed: seed)
        let charts = ReportCharts.make(report)
        var files: [String] = []
        try RunOutputs.writing(out) {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            if formats.contains(.md) {
                for chart in charts {
                    try Data(chart.chart.svg.utf8).write(to: URL(fileURLWithPath: "\(out)/\(chart.file)"))
                    files.append("\(out)/\(chart.file)")
                }
            }
            for format in formats {
                let (name, text): (String, String)
                switch format {
                case .md: (name, text) = ("report.md", ReportMarkdown.render(report, charts: charts))
                case .json: (name, text) = ("report.json", ReportJSON.render(report).serialized(pretty: true) + "\n")
                case .latex: (name, text) = ("report.tex", ReportLaTeX.render(report))
                case .html:
                    (name, text) = (
                        "report.html", HTMLReport.render(report, charts: charts, tasks: TaskViewLoader.json(runs))
                    )
                }
                try Data(text.utf8).write(to: URL(fileURLWithPath: "\(out)/\(name)"))
                files.append("\(out)/\(name)")
            }
        }
        return (report, files)
    }
}

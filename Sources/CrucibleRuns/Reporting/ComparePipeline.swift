public import CrucibleCore
public import CrucibleReports
import Foundation

/// `crucible compare` as a library: results loaded from run or score directories, checked to be over the same
/// benchmark and data, compared pairwise with the first, and written as compare.md and compare.json.
public struct ComparePipeline: Sendable {
    public var directories: [String]
    public var out: String?
    public var round = 0
    public var resamples = 10_000
    public var seed: UInt64 = 0
    public var allowDifferentData = false

    public init(directories: [String]) {
        self.directories = directories
    }

    public struct Outcome: Sendable {
        public var comparisons: [PairedComparison]
        public var markdown: String
        /// One comparison's object, or `{"comparisons": [...]}` for several.
        public var json: JSONValue
    }

    public func run() throws -> Outcome {
        guard directories.count >= 2 else { throw RunError(.input, "give two or more run or score directories") }
        let runs = try directories.map { directory throws(RunError) in try EvaluatedRunLoader.load(directory) }
        let first = runs[0]
        for other in runs.dropFirst() {
            guard other.benchmark == first.benchmark else {
                throw RunError(
                    .input,
                    "\(other.directory) is a \(other.benchmark) result, \(first.directory) a \(first.benchmark) one")
            }
            let differences = first.identity.differences(from: other.identity)
            if !differences.isEmpty && !allowDifferentData {
                throw RunError(
                    .input,
                    "\(first.directory) and \(other.directory) were judged on different data ("
                        + differences.joined(separator: ", ")
                        + " differ, or are not recorded); pass --allow-different-data to compare them anyway")
            }
        }
        let comparisons = PairedComparison.compare(
            first, with: Array(runs.dropFirst()), round: round, resamples: resamples, seed: seed)
        // With an output folder, the HTML view of the compared results is written beside the comparison and
        // every flipped task links to it.
        let link: ((Int, JSONValue) -> String)? =
            out == nil
            ? nil
            : { run, id in
                let text = id.serialized().trimmingCharacters(in: ["\""])
                return
                    "report.html#run=\(run)&task=\(text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text)"
            }
        var markdown = ComparisonReport.markdown(comparisons, categoryName: first.categoryName, viewLink: link)
        if allowDifferentData {
            let differing = runs.dropFirst().filter { !first.identity.differences(from: $0.identity).isEmpty }
            if !differing.isEmpty {
                markdown =
                    "> **Different data:** compared with --allow-different-data although "
                    + differing.map(\.directory).joined(separator: ", ") + " was judged on other data than "
                    + first.directory + ".\n\n" + markdown
            }
        }
        let json: JSONValue =
            comparisons.count == 1 ? comparisons[0].json : .object([("comparisons", .array(comparisons.map(\.json)))])
        if let out {
            try RunOutputs.writing(out) {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                try Data(markdown.utf8).write(to: URL(fileURLWithPath: "\(out)/compare.md"))
                try Data((json.serialized(pretty: true) + "\n").utf8).write(
                    to: URL(fileURLWithPath: "\(out)/compare.json"))
                let report = RunReport.make(runs, resamples: resamples, seed: seed)
                let page = HTMLReport.render(
                    report, charts: ReportCharts.make(report), tasks: TaskViewLoader.json(runs))
                try Data(page.utf8).write(to: URL(fileURLWithPath: "\(out)/report.html"))
            }
        }
        return Outcome(comparisons: comparisons, markdown: markdown, json: json)
    }
}

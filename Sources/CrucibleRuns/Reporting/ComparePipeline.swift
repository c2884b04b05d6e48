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
        var markdown = ComparisonReport.markdown(comparisons, categoryName: first.categoryName)
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
            }
        }
        return Outcome(comparisons: comparisons, markdown: markdown, json: json)
    }
}

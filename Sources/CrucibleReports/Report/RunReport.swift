import CrucibleCore
import Foundation

/// Everything `crucible report` shows, computed once from the results and rendered as markdown, LaTeX or JSON:
/// the main table (one row per model or version, one column per benchmark metric), breakdowns by category,
/// refinement rounds, the line of model versions, and how to reproduce each result.
public struct RunReport: Sendable {
    public struct Column: Sendable, Hashable {
        public var benchmark: String
        public var k: Int

        public var title: String {
            let name = Self.names[benchmark] ?? benchmark
            return benchmark == "spider" || benchmark == "bird" ? "\(name) EX" : "\(name) pass@\(k)"
        }

        static let names = [
            "spider": "Spider", "bird": "BIRD", "humaneval": "HumanEval", "mbpp": "MBPP", "ds1000": "DS-1000",
            "cruxeval-o": "CRUXEval-O", "cruxeval-i": "CRUXEval-I",
        ]
    }

    public struct Row: Sendable {
        public var label: String
        /// By column; nil where this row has no result.
        public var cells: [ReportCell?]
    }

    /// A breakdown of one benchmark by one grouping: rows are groups, columns the results.
    public struct Breakdown: Sendable {
        public var benchmark: String
        public var grouping: String
        public var labels: [String]
        public var groups: [(name: String, tasks: Int, accuracies: [Double?])]

        /// The chart's file name: a grouping's spaces become dashes, so the markdown link to it stays one path.
        public var chartFile: String {
            "chart-\(benchmark)-by-\(grouping.replacingOccurrences(of: " ", with: "-")).svg"
        }
    }

    /// Consecutive model versions of one benchmark along their parent line.
    public struct Iteration: Sendable {
        public var benchmark: String
        public var version: String
        public var parent: String?
        public var cell: ReportCell?
        /// Against the previous version in the line, paired on the tasks both scored.
        public var change: PairedComparison?
    }

    public var runs: [EvaluatedRun]
    public var columns: [Column]
    public var rows: [Row]
    public var breakdowns: [Breakdown]
    public var iterations: [Iteration]
    public var resamples: Int
    public var seed: UInt64

    public static func make(_ runs: [EvaluatedRun], resamples: Int = 10_000, seed: UInt64 = 0) -> RunReport {
        var columns: [Column] = []
        for run in runs {
            for k in run.details.ks where k <= run.details.samplesPerTask || k == 1 {
                let column = Column(benchmark: run.benchmark, k: k)
                if !columns.contains(column) { columns.append(column) }
            }
        }
        var labels: [String] = []
        for run in runs where !labels.contains(run.label) { labels.append(run.label) }
        let rows = labels.map { label in
            Row(
                label: label,
                cells: columns.map { column in
                    runs.first { $0.label == label && $0.benchmark == column.benchmark }.flatMap {
                        ReportCell.make($0, k: column.k, resamples: resamples, seed: seed)
                    }
                })
        }
        return RunReport(
            runs: runs, columns: columns, rows: rows, breakdowns: breakdowns(runs),
            iterations: iterations(runs, resamples: resamples, seed: seed), resamples: resamples, seed: seed)
    }

    /// The row index of each column's best estimate (ties: the first).
    public var best: [Int?] {
        columns.indices.map { column in
            rows.indices.filter { rows[$0].cells[column] != nil }.max { left, right in
                rows[left].cells[column]!.estimate < rows[right].cells[column]!.estimate
            }
        }
    }

    static func breakdowns(_ runs: [EvaluatedRun]) -> [Breakdown] {
        var found: [Breakdown] = []
        var benchmarks: [String] = []
        for run in runs where !benchmarks.contains(run.benchmark) { benchmarks.append(run.benchmark) }
        for benchmark in benchmarks {
            let group = runs.filter { $0.benchmark == benchmark }
            let categoryName = group.first?.categoryName ?? "category"
            // The category, then every named group the tasks carry (DS-1000's perturbation; CRUXEval's size and
            // operations).
            let named = Set(group.flatMap { $0.tasks.flatMap(\.groups.keys) }).sorted()
            let groupings: [(String, (EvaluatedTask) -> String?)] =
                [(categoryName, { $0.category })] + named.map { name in (name, { $0.groups[name] }) }
            for (grouping, key) in groupings {
                var names: [String] = []
                for run in group {
                    for task in run.tasks {
                        if let name = key(task), !names.contains(name) { names.append(name) }
                    }
                }
                guard !names.isEmpty else { continue }
                if grouping != categoryName {
                    names.sort { $0.compare($1, options: [.numeric]) == .orderedAscending }
                }
                let rows = names.map { name -> (name: String, tasks: Int, accuracies: [Double?]) in
                    let accuracies = group.map { run -> Double? in
                        let rates = run.scoredTasks.filter { key($0) == name }.compactMap { $0.passRate() }
                        return rates.isEmpty ? nil : rates.reduce(0, +) / Double(rates.count)
                    }
                    let tasks = group.map { run in run.scoredTasks.filter { key($0) == name }.count }.max() ?? 0
                    return (name, tasks, accuracies)
                }
                found.append(
                    Breakdown(benchmark: benchmark, grouping: grouping, labels: group.map(\.label), groups: rows))
            }
        }
        return found
    }

    /// Each benchmark's versions in parent order: a root (no parent among the results), then its child, ...
    static func iterations(_ runs: [EvaluatedRun], resamples: Int, seed: UInt64) -> [Iteration] {
        var found: [Iteration] = []
        let versioned = runs.filter { $0.modelVersion != nil }
        var benchmarks: [String] = []
        for run in versioned where !benchmarks.contains(run.benchmark) { benchmarks.append(run.benchmark) }
        for benchmark in benchmarks {
            let group = versioned.filter { $0.benchmark == benchmark }
            guard group.contains(where: { $0.parentVersion != nil }) else { continue }
            let versions = Set(group.compactMap(\.modelVersion))
            var line = group.filter { $0.parentVersion.map { !versions.contains($0) } ?? true }
            var index = 0
            while index < line.count {
                let current = line[index]
                for child in group
                where child.parentVersion == current.modelVersion
                    && !line.contains(where: { $0.directory == child.directory })
                {
                    line.append(child)
                }
                index += 1
            }
            var previous: EvaluatedRun?
            for run in line {
                let parentRun = line.first { $0.modelVersion == run.parentVersion } ?? previous
                found.append(
                    Iteration(
                        benchmark: benchmark, version: run.modelVersion ?? run.label, parent: run.parentVersion,
                        cell: ReportCell.make(run, resamples: resamples, seed: seed),
                        change: parentRun.map {
                            PairedComparison.compare($0, run, resamples: resamples, seed: seed)
                        }))
                previous = run
            }
        }
        return found
    }
}

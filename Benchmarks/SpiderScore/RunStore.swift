import Benchmark
import CrucibleSQL
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One of the three measured workloads.
protocol SpiderWorkload: AnyObject {
    var samples: Samples { get }
    /// Untimed preparation, run once before the iterations.
    func prepare() throws
    /// One iteration; times its own measured region and appends it to `samples` unless it is a warm-up iteration.
    func runOnce(_ benchmark: Benchmark) throws
    /// Removes what `prepare` and the iterations left on disk.
    func cleanUp()
}

/// Wall times of the measured (non-warm-up) iterations of one benchmark, plus an optional secondary series.
final class Samples: Codable {
    var seconds: [Double] = []
    /// Why the benchmark failed, if it did; its figures are then left out of the ratios.
    var failure: String?
    /// crucible only: the `execution_seconds` its summary.json reported for each measured run.
    var executionSeconds: [Double] = []
    var note: String = ""

    var median: Double? { failure == nil ? Self.median(seconds) : nil }

    static func median(_ values: [Double]) -> Double? {
        guard values.isEmpty == false else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }
}

/// Whether the current call of the benchmark closure is a measured iteration (not a warm-up one).
func isMeasured(_ benchmark: Benchmark) -> Bool {
    benchmark.currentIteration >= benchmark.configuration.warmupIterations
}

/// A directory shared by the benchmark processes of one run: the ordo-one tool starts one process per benchmark,
/// all children of the same tool process, so the key is that parent's pid and start time. When the benchmark
/// executable is run directly (all benchmarks in one process), the key is this process instead.
struct RunStore {
    let directory: URL

    init() {
        let spawnedByTool = CommandLine.arguments.contains("--input-fd")
        let owner = spawnedByTool ? getppid() : getpid()
        let key = "\(owner)-\(Self.startTime(of: owner))"
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("crucible-spider-benchmark-\(key)", isDirectory: true)
    }

    /// The process start time in clock ticks since boot (field 22 of /proc/PID/stat), "0" where unavailable.
    private static func startTime(of pid: pid_t) -> String {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let closing = stat.lastIndex(of: ")")
        else { return "0" }
        let fields = stat[stat.index(after: closing)...].split(separator: " ")
        return fields.count > 19 ? String(fields[19]) : "0"
    }

    func write(_ key: String, samples: Samples) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try JSONEncoder().encode(samples).write(to: directory.appendingPathComponent("\(key).json"), options: .atomic)
    }

    func readAll() -> [String: Samples] {
        var result: [String: Samples] = [:]
        for key in [SpiderSuite.crucibleKey, SpiderSuite.floorKey, SpiderSuite.officialKey] {
            let file = directory.appendingPathComponent("\(key).json")
            if let data = try? Data(contentsOf: file), let samples = try? JSONDecoder().decode(Samples.self, from: data)
            {
                result[key] = samples
            }
        }
        return result
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

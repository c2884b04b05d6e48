import Benchmark
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One measured workload of a suite.
public protocol MeasuredWorkload: AnyObject {
    var samples: Samples { get }
    /// Untimed preparation, run once before the iterations.
    func prepare() throws
    /// One iteration; times its own measured region and appends it to `samples` unless it is a warm-up iteration.
    func runOnce(_ benchmark: Benchmark) throws
    /// Removes what `prepare` and the iterations left on disk.
    func cleanUp()
}

/// Wall times of the measured (non-warm-up) iterations of one benchmark, plus an optional secondary series.
public final class Samples: Codable {
    public var seconds: [Double] = []
    /// Why the benchmark failed, if it did; its figures are then left out of the ratios.
    public var failure: String?
    /// crucible only: the `execution_seconds` its summary.json reported for each measured run.
    public var executionSeconds: [Double] = []
    /// The largest resident set of any process of each measured run (the measured program or one it waited for).
    public var peakBytes: [Int] = []
    public var note: String = ""

    public init() {}

    public var median: Double? { failure == nil ? Self.median(seconds) : nil }

    public static func median(_ values: [Double]) -> Double? {
        guard values.isEmpty == false else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }
}

/// Whether the current call of the benchmark closure is a measured iteration (not a warm-up one).
public func isMeasured(_ benchmark: Benchmark) -> Bool {
    benchmark.currentIteration >= benchmark.configuration.warmupIterations
}

// Spider dev scoring speed: `crucible score` against the official test-suite-sql-eval evaluator and against the
// execution floor (the bare cost of running every gold and predicted query once on already-open connections).
//
// The ordo-one runner executes each benchmark in its own process, so each benchmark records the wall time of its
// measured iterations in a directory shared by one `swift package benchmark` run (keyed on the runner's process);
// the last benchmark to finish prints the medians, the two ratios and whether each goal is met.

import Benchmark
import BenchmarkSupport
import CrucibleSQL
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

let benchmarks: @Sendable () -> Void = {
    let suite = SpiderSuite()

    suite.register(
        SpiderSuite.crucibleName, key: SpiderSuite.crucibleKey, workload: suite.crucible,
        configuration: .init(
            metrics: [.wallClock], timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(300),
            maxIterations: 10))

    suite.register(
        SpiderSuite.floorName, key: SpiderSuite.floorKey, workload: suite.floor,
        configuration: .init(
            metrics: [.wallClock, .cpuTotal, .mallocCountTotal], timeUnits: .milliseconds, warmupIterations: 1,
            maxDuration: .seconds(300), maxIterations: 20))

    if suite.paths.evaluatorDirectory != nil {
        suite.register(
            SpiderSuite.officialName, key: SpiderSuite.officialKey, workload: suite.official,
            configuration: .init(
                metrics: [.wallClock], timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(600),
                maxIterations: 3))
    }
}

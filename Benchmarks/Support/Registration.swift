import Benchmark

/// Registers one benchmark. A failure in its setup or in any iteration is recorded, so the summary can say so, and
/// rethrown, which makes the ordo-one runner report the benchmark as failed and exit non-zero. `finish` receives the
/// samples when the benchmark ends, whether it succeeded or not.
public func registerMeasured(
    _ name: String, workload: some MeasuredWorkload, configuration: Benchmark.Configuration,
    finish: @escaping (Samples) throws -> Void
) {
    Benchmark(name, configuration: configuration) { benchmark in
        do {
            try workload.runOnce(benchmark)
        } catch {
            workload.samples.failure = "\(error)"
            exitWithFailureStatus()
            throw error
        }
    } setup: {
        do {
            try workload.prepare()
        } catch {
            workload.samples.failure = "\(error)"
            exitWithFailureStatus()
            try? finish(workload.samples)
            throw error
        }
    } teardown: {
        workload.cleanUp()
        try finish(workload.samples)
    }
}

import Benchmark
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Makes this benchmark process exit with status 70 once the runner has reported the failure and returns.
///
/// The ordo-one tool reports a benchmark that failed through `Benchmark.error` but still exits 0 from a plain run; a
/// child process that exits non-zero is counted as a failed run and makes `swift package benchmark` exit non-zero, so
/// a wrong verdict fails `make benchmark` loudly.
public func exitWithFailureStatus() {
    atexit { _exit(70) }
}

public struct BenchmarkFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

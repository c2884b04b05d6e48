import Benchmark
import BenchmarkSupport
import CrucibleSQL
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the three benchmarks share: paths, the expected verdict, and the cross-process result store.
final class SpiderSuite {
    static let crucibleName = "crucible score (DAIL-SQL, 972 tasks)"
    static let floorName = "execution floor (1944 queries, open connections)"
    static let officialName = "official evaluation.py --etype exec"
    static let crucibleKey = "crucible"
    static let floorKey = "floor"
    static let officialKey = "official"

    /// DAIL-SQL + GPT-4 on the 972 Spider dev tasks whose database exists (the official evaluator's verdict).
    static let expectedCorrect = 809
    static let expectedScored = 972

    static let officialGoal = 20.0
    static let floorGoal = 2.0

    let paths: SuitePaths
    let store: RunStore
    let crucible: CrucibleRun
    let floor: ExecutionFloor
    let official: OfficialRun

    init() {
        paths = SuitePaths()
        store = RunStore(suite: "spider")
        crucible = CrucibleRun(paths: paths)
        floor = ExecutionFloor(paths: paths)
        official = OfficialRun(paths: paths)
    }

    /// The result keys this run is expected to produce, in benchmark execution order.
    var expectedKeys: [String] {
        paths.evaluatorDirectory == nil
            ? [Self.crucibleKey, Self.floorKey] : [Self.crucibleKey, Self.floorKey, Self.officialKey]
    }

    func register(
        _ name: String, key: String, workload: some MeasuredWorkload, configuration: Benchmark.Configuration
    ) {
        registerMeasured(name, workload: workload, configuration: configuration) { samples in
            try self.finish(key, samples: samples)
        }
    }

    /// Records one benchmark's samples; prints the summary once every expected benchmark has reported, or when the
    /// last benchmark of the run finishes without the others (e.g. under `--filter`).
    func finish(_ key: String, samples: Samples) throws {
        try store.write(key, samples: samples)
        let recorded = store.readAll(keys: [Self.crucibleKey, Self.floorKey, Self.officialKey])
        let complete = expectedKeys.allSatisfy { recorded[$0] != nil }
        guard complete || key == expectedKeys.last else { return }
        let summary = Summary(
            crucible: recorded[Self.crucibleKey], floor: recorded[Self.floorKey],
            official: recorded[Self.officialKey], evaluatorDirectory: paths.evaluatorDirectory)
        print(summary.render())
        store.remove()
        if ProcessInfo.processInfo.environment["SPIDER_BENCH_ENFORCE_GOALS"] == "1", summary.allGoalsMet == false {
            exitWithFailureStatus()
            throw BenchmarkFailure("a speed goal was missed (SPIDER_BENCH_ENFORCE_GOALS=1)")
        }
    }
}

/// Where everything is. Relative overrides are resolved against the Benchmarks/ directory.
struct SuitePaths: Sendable {
    /// `<repo>/Benchmarks`
    let benchmarksDirectory: URL
    /// `<repo>/Benchmarks/SpiderScore`
    let sourceDirectory: URL
    let datasetDirectory: URL
    let predictionsFile: URL
    let crucibleBinary: URL
    /// The directory holding test-suite-sql-eval's evaluation.py (`SPIDER_EVAL_DIR`), nil when unset.
    let evaluatorDirectory: URL?
    let python: String

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let benchmarks = source.deletingLastPathComponent()
        sourceDirectory = source
        benchmarksDirectory = benchmarks
        let shared = benchmarks.appendingPathComponent("../../shared/datasets").standardizedFileURL
        func path(_ variable: String, default fallback: URL) -> URL {
            guard let value = environment[variable], value.isEmpty == false else { return fallback }
            return URL(fileURLWithPath: value, relativeTo: benchmarks).standardizedFileURL
        }
        datasetDirectory = path("SPIDER_DATASET", default: shared.appendingPathComponent("spider"))
        predictionsFile = path(
            "SPIDER_PREDICTIONS", default: shared.appendingPathComponent("spider-predictions/dail-sql-gpt4.txt"))
        crucibleBinary = path(
            "CRUCIBLE_BIN",
            default: benchmarks.appendingPathComponent("../.build/release/crucible").standardizedFileURL)
        if let evaluator = environment["SPIDER_EVAL_DIR"], evaluator.isEmpty == false {
            evaluatorDirectory = URL(fileURLWithPath: evaluator, relativeTo: benchmarks).standardizedFileURL
        } else {
            evaluatorDirectory = nil
        }
        python = environment["PYTHON"].flatMap { $0.isEmpty ? nil : $0 } ?? "python3"
    }
}

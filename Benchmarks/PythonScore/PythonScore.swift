// Python scoring speed: `crucible score` on HumanEval (canonical solutions x10) against openai/human-eval, and on
// CRUXEval-O (Code Llama 7B's published generations) against its official scorer, on
// DS-1000 (published answers) against the floor (the same programs in warm interpreters with no isolation) and,
// when it is available, the official evaluator. Every crucible run is checked for the right verdicts.

import Benchmark
import BenchmarkSupport
import Foundation

let benchmarks: @Sendable () -> Void = {
    let suite = PythonSuite()
    func configuration(warmups: Int, iterations: Int, seconds: Int) -> Benchmark.Configuration {
        .init(
            metrics: [.wallClock], timeUnits: .milliseconds, warmupIterations: warmups,
            maxDuration: .seconds(seconds), maxIterations: iterations)
    }

    suite.register(
        PythonSuite.humanEvalName, key: PythonSuite.humanEvalKey, workload: suite.humanEvalRun(),
        configuration: configuration(warmups: 1, iterations: 5, seconds: 120))
    if suite.paths.humanEvalDirectory != nil {
        suite.register(
            PythonSuite.humanEvalOfficialName, key: PythonSuite.humanEvalOfficialKey,
            workload: HumanEvalOfficialRun(paths: suite.paths),
            configuration: configuration(warmups: 0, iterations: 2, seconds: 300))
    }
    suite.register(
        PythonSuite.ds1000Name, key: PythonSuite.ds1000Key, workload: suite.ds1000Run(),
        configuration: configuration(warmups: 0, iterations: 2, seconds: 600))
    suite.register(
        PythonSuite.floorName, key: PythonSuite.floorKey, workload: DS1000Floor(paths: suite.paths),
        configuration: configuration(warmups: 0, iterations: 2, seconds: 600))
    suite.register(
        PythonSuite.cruxevalName, key: PythonSuite.cruxevalKey, workload: suite.cruxevalRun(),
        configuration: configuration(warmups: 1, iterations: 5, seconds: 180))
    if suite.paths.cruxevalDirectory != nil {
        suite.register(
            PythonSuite.cruxevalOfficialName, key: PythonSuite.cruxevalOfficialKey,
            workload: CRUXEvalOfficialRun(paths: suite.paths),
            configuration: configuration(warmups: 0, iterations: 2, seconds: 900))
    }
    if suite.paths.ds1000OfficialCommand != nil {
        suite.register(
            PythonSuite.ds1000OfficialName, key: PythonSuite.ds1000OfficialKey,
            workload: DS1000OfficialRun(paths: suite.paths),
            configuration: configuration(warmups: 0, iterations: 1, seconds: 900))
    }
}

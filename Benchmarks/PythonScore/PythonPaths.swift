import Foundation

/// Where everything the Python benchmarks use is. Relative overrides are resolved against the Benchmarks/ directory.
struct PythonPaths: Sendable {
    let benchmarksDirectory: URL
    /// `<repo>/Benchmarks/PythonScore`, which holds the helper scripts.
    let sourceDirectory: URL
    let crucibleBinary: URL
    let humanEvalDataset: URL
    let ds1000Dataset: URL
    let ds1000Answers: URL
    let ds1000Verdicts: URL
    let seabornData: URL
    /// The pinned DS-1000 environment (`scripts/python-env.sh ds1000`), given to crucible and to the floor.
    let ds1000PythonPath: URL
    /// CRUXEval's problems, Code Llama 7B's output generations and their published verdicts.
    let cruxevalDataset: URL
    let cruxevalGenerations: URL
    let cruxevalScored: URL
    /// A checkout of facebookresearch/cruxeval (`CRUXEVAL_DIR`); nil: that comparison is skipped.
    let cruxevalDirectory: URL?
    /// A checkout of openai/human-eval (`HUMAN_EVAL_DIR`); nil: that comparison is skipped.
    let humanEvalDirectory: URL?
    /// A shell command that runs the official DS-1000 evaluator on `ds1000Answers` (`DS1000_OFFICIAL_COMMAND`).
    let ds1000OfficialCommand: String?
    /// The interpreter for human-eval (it needs numpy and tqdm).
    let python: String
    /// The interpreter crucible embeds (Debian's CPython 3.11), used for the floor so both run the same Python.
    let floorPython: String

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
        func optional(_ variable: String) -> String? {
            environment[variable].flatMap { $0.isEmpty ? nil : $0 }
        }
        crucibleBinary = path(
            "CRUCIBLE_BIN", default: benchmarks.appendingPathComponent("../.build/release/crucible").standardizedFileURL
        )
        humanEvalDataset = path(
            "HUMANEVAL_DATASET", default: shared.appendingPathComponent("humaneval/HumanEval.jsonl.gz"))
        ds1000Dataset = path("DS1000_DATASET", default: shared.appendingPathComponent("ds1000/ds1000.jsonl.gz"))
        ds1000Answers = path(
            "DS1000_ANSWERS", default: shared.appendingPathComponent("ds1000/answers/codex002-answers.jsonl"))
        ds1000Verdicts = path(
            "DS1000_VERDICTS",
            default: shared.appendingPathComponent("ds1000/official-verdicts/codex002.verdicts.json"))
        seabornData = path("SEABORN_DATA", default: shared.appendingPathComponent("ds1000/seaborn-data"))
        ds1000PythonPath = path(
            "DS1000_PYTHON_PATH", default: benchmarks.appendingPathComponent("../.python/ds1000").standardizedFileURL)
        humanEvalDirectory = optional("HUMAN_EVAL_DIR").map {
            URL(fileURLWithPath: $0, relativeTo: benchmarks).standardizedFileURL
        }
        ds1000OfficialCommand = optional("DS1000_OFFICIAL_COMMAND")
        cruxevalDataset = path("CRUXEVAL_DATASET", default: shared.appendingPathComponent("cruxeval/cruxeval.jsonl"))
        cruxevalGenerations = path(
            "CRUXEVAL_GENERATIONS",
            default: shared.appendingPathComponent("cruxeval/codellama-7b/output-generations.json"))
        cruxevalScored = path(
            "CRUXEVAL_SCORED", default: shared.appendingPathComponent("cruxeval/codellama-7b/output-scored.json"))
        cruxevalDirectory = optional("CRUXEVAL_DIR").map {
            URL(fileURLWithPath: $0, relativeTo: benchmarks).standardizedFileURL
        }
        python = optional("PYTHON") ?? "python3"
        floorPython = optional("FLOOR_PYTHON") ?? "/usr/bin/python3.11"
    }
}

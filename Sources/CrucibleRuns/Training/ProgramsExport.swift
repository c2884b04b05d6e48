public import CrucibleBenchmarks
import CrucibleCore
import Foundation

/// `crucible export programs` as a library: the source of the training split's CRUXEval functions as SFT text, one
/// `{"text": ...}` line per function, each under its own name (`CRUXEvalFunction.name`). Programming by Backprop's
/// protocol trains on these and then asks the model, by name, about the held-out functions (`run --hide-code`),
/// so the file holds source only: no input, no output, and nothing of the evaluation split.
public struct ProgramsExport: Sendable {
    public var benchmark: Benchmark
    public var dataset: String
    /// A task list written by `crucible split` (its train side).
    public var split: String
    /// Nil: `programs.jsonl` beside the task list.
    public var out: String?

    public init(benchmark: Benchmark, dataset: String, split: String, out: String? = nil) {
        self.benchmark = benchmark
        self.dataset = dataset
        self.split = split
        self.out = out
    }

    /// Writes the file; returns a one-line summary.
    public func export() throws -> String {
        guard benchmark.isExecutionPrediction else {
            throw RunError(
                .input, "export programs writes CRUXEval functions (cruxeval-o, cruxeval-i), not \(benchmark.rawValue)")
        }
        let list = try TaskSplit.read(split)
        guard list.benchmark.isExecutionPrediction else {
            throw RunError(.input, "\(split) lists \(list.benchmark.rawValue) tasks, not CRUXEval ones")
        }
        guard list.side == .train else {
            throw RunError(
                .input,
                "\(split) is the eval side of its split: training on its functions would leak the evaluation set; "
                    + "give the train side")
        }
        guard try FileHashes.sha256(dataset) == list.datasetSHA256 else {
            throw RunError(.input, "\(split) was made from another version of \(dataset) (its hash differs)")
        }
        let tasks = try benchmark.pythonTasks(dataset) ?? []
        let byID = Dictionary(tasks.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
        var lines = ""
        for id in list.tasks {
            guard let task = byID[id], case .cruxeval(let code, _, _, _) = task.assembly else {
                throw RunError(.dataset, "\(split) lists task \(id), which \(dataset) does not have")
            }
            let source = CRUXEvalFunction(taskID: id, code: code).renamedSource
            lines += JSONValue.object([("text", .string(source))]).serialized() + "\n"
        }
        let file =
            out ?? URL(fileURLWithPath: split).deletingLastPathComponent().appendingPathComponent("programs.jsonl").path
        try RunOutputs.writing(file) {
            try lines.write(toFile: file, atomically: true, encoding: .utf8)
        }
        return "\(list.tasks.count) functions of the train split written to \(file) (source only)"
    }
}

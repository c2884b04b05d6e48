import CrucibleCore
import CrucibleModels
import Foundation

/// `crucible export` as a library: a run's judged candidates turned into training data for the next model version,
/// in the JSON lines TRL's trainers read. Preference pairs (DPO: `prompt`, `chosen`, `rejected`, as CodeLutra
/// builds them from passing and failing samples), supervised data (`prompt`, `completion`; with `repairs`, LEDEX's
/// repair conversations whose fix passed) and unpaired labels (KTO: `prompt`, `completion`, `label`). A run over
/// an evaluation split is refused, and so is a run over no split unless `allowUnsplit` (the metadata then says so).
public struct TrainingExport: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case preferences, sft
    }

    public enum Format: String, Sendable, CaseIterable {
        /// Strings: `prompt` is the prompt's text.
        case standard
        /// Chat messages: `prompt` is the messages, `chosen`/`rejected`/`completion` the assistant's turn.
        case conversational
        /// TRL's unpaired format (`sft` only): every distinct candidate with `label` true when it passed.
        case kto
    }

    public var run: String
    public var kind: Kind
    public var format: Format = .standard
    /// `sft`: the repair conversations whose fix passed, instead of passing first answers.
    public var repairs = false
    public var out: String?
    /// At most this many pairs per task (nil: all).
    public var maxPairsPerTask: Int?
    public var seed: UInt64 = 0
    public var allowUnsplit = false

    public init(run: String, kind: Kind) {
        self.run = run
        self.kind = kind
    }

    /// Where the lines go: `out`, else a file in the run directory named after the export.
    public var outputPath: String {
        out
            ?? "\(run)/\(kind == .preferences ? "preferences" : repairs ? "sft-repairs" : format == .kto ? "kto" : "sft").jsonl"
    }

    /// Writes the lines; returns a one-line summary.
    public func export() throws -> String {
        let path = run + "/run.sqlite"
        guard FileManager.default.fileExists(atPath: path) else {
            throw RunError(.input, "\(run) holds no run.sqlite: give a directory made by crucible run")
        }
        let store = try RunStore(path: path)
        guard let configuration = try store.configuration() else {
            throw RunError(.input, "\(path) holds no run configuration")
        }
        switch configuration.split {
        case .eval:
            throw RunError(
                .input,
                "\(run) ran on an evaluation split (--tasks-file of crucible split's eval.json): its tasks must not "
                    + "become training data")
        case nil where !allowUnsplit:
            throw RunError(
                .input,
                "\(run) ran on no split, so its tasks may be the ones a model is evaluated on: run the train side "
                    + "of crucible split (--tasks-file train.json), or pass --allow-unsplit")
        default:
            break
        }
        if kind == .preferences && format == .kto {
            throw RunError(.input, "--format kto is for sft exports; preferences are standard or conversational")
        }
        let source = try TrainingCandidates(store: store, configuration: configuration)
        let lines: [JSONValue]
        switch kind {
        case .preferences: lines = source.preferenceLines(format: format, maxPairs: maxPairsPerTask, seed: seed)
        case .sft where repairs: lines = source.repairLines(format: format)
        case .sft: lines = source.sftLines(format: format)
        }
        var data: [UInt8] = []
        for line in lines {
            line.write(into: &data)
            data.append(UInt8(ascii: "\n"))
        }
        try RunOutputs.writing(outputPath) { try Data(data).write(to: URL(fileURLWithPath: outputPath)) }
        let what = kind == .preferences ? "preference pairs" : repairs ? "repair examples" : "examples"
        return "\(lines.count) \(what) from \(source.taskCount) tasks written to \(outputPath)"
            + (configuration.split == nil ? " (run over no split: allowed by --allow-unsplit)" : "")
    }
}

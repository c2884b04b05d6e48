import CrucibleBenchmarks
import CrucibleCore
import CrucibleModels
import Foundation

/// A recorded multi-round transcript (`replay:FILE`): JSON lines `{"task_id", "sample", "round", "completion"}`
/// (and `"explanation"` for an explain-then-fix repair), task ids as in results.jsonl. Round 0 holds the run's
/// first answers; a round-r line is the repair made after round r−1.
enum ReplayTranscript {
    /// Whether `path` is a transcript rather than a plain answers file: its first non-blank line is an object
    /// with `round` and `completion`.
    static func isTranscript(_ path: String) -> Bool {
        guard path.hasSuffix(".jsonl"), let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 1 << 20)) ?? Data()
        guard
            let line = String(decoding: head, as: UTF8.self).split(separator: "\n").first(where: {
                !$0.trimmingCharacters(in: .whitespaces).isEmpty
            }),
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        else { return false }
        return object["round"] != nil && object["completion"] != nil
    }

    /// Reads every line; errors name the file and line (a malformed line, an unknown task, a sample outside the
    /// run's samples, a line given twice).
    static func read(_ path: String, tasks: Set<TaskID>, samples: Int) throws(DatasetError) -> RecordedCompletions {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DatasetError(.missingFile, file: path, "cannot read the transcript")
        }
        var recorded = RecordedCompletions()
        let text = String(decoding: data, as: UTF8.self)
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let number = offset + 1
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let task = taskID(object["task_id"]), let sample = object["sample"] as? Int,
                let round = object["round"] as? Int, let completion = object["completion"] as? String
            else {
                throw DatasetError(
                    .malformed, file: path, line: number,
                    #"expected {"task_id", "sample", "round", "completion"} (and optionally "explanation")"#)
            }
            guard tasks.contains(task) else {
                throw DatasetError(.mismatch, file: path, line: number, "task \(task) is not a task of this run")
            }
            guard (0..<samples).contains(sample), round >= 0 else {
                throw DatasetError(
                    .mismatch, file: path, line: number,
                    "sample \(sample) of round \(round) is outside the run (samples 0..<\(samples), rounds from 0)")
            }
            guard recorded.add(completion, for: .init(taskID: task.rawValue, round: round), sample: sample) else {
                throw DatasetError(
                    .mismatch, file: path, line: number,
                    "task \(task) sample \(sample) round \(round) is given twice")
            }
            if let explanation = object["explanation"] as? String {
                recorded.add(
                    explanation, for: .init(taskID: task.rawValue, round: round, step: .explanation), sample: sample)
            }
        }
        return recorded
    }

    private static func taskID(_ value: Any?) -> TaskID? {
        if let text = value as? String { return TaskID(text) }
        if let number = value as? Int { return TaskID(String(number)) }
        return nil
    }
}

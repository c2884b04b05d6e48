public import CrucibleBenchmarks
public import CrucibleModels
import Foundation

/// Generation without a server: `--export-prompts` writes the requests a run still needs as JSON lines, to be
/// answered anywhere (a cluster job); `--import-completions` reads the answers back as a replayed model.
public enum BatchCompletions {
    /// Writes one JSON line per planned request (`GenerationRequest.jsonLine`, with `"id"` = `<request id>#<first
    /// sample>`); returns how many.
    public static func export(_ plan: [GenerationJob.PlannedRequest], parameters: SamplingParameters, to path: String)
        throws(DatasetError) -> Int
    {
        try export(plan.map { $0.request(parameters) }, to: path)
    }

    /// Writes requests as JSON lines (`"id"` = `<request id>#<first sample>`); returns how many.
    public static func export(_ requests: [GenerationRequest], to path: String) throws(DatasetError) -> Int {
        let text = requests.map { request in
            request.jsonLine(id: "\(request.id)#\(request.firstSample)") + "\n"
        }.joined()
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw DatasetError(.missingFile, file: path, "cannot write the prompts: \(error.localizedDescription)")
        }
        return requests.count
    }

    /// Reads answers: one JSON line per request, `{"task_id", "first_sample", "completions": [...]}` (the exported
    /// line's `task_id`, `first_sample`, and `round` and `step` when it has them, with the completions added).
    /// Errors name the file and line.
    public static func read(_ path: String) throws(DatasetError) -> RecordedCompletions {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw DatasetError(.missingFile, file: path, "cannot read the completions")
        }
        var recorded = RecordedCompletions()
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let task = object["task_id"] as? String, let completions = object["completions"] as? [String]
            else {
                throw DatasetError(
                    .malformed, file: path, line: offset + 1,
                    #"expected {"task_id", "first_sample", "completions": [...]}"#)
            }
            let first = (object["first_sample"] as? Int) ?? 0
            let round = (object["round"] as? Int) ?? 0
            guard let step = GenerationStep(rawValue: (object["step"] as? String) ?? "answer") else {
                throw DatasetError(.malformed, file: path, line: offset + 1, #"`step` is "answer" or "explanation""#)
            }
            let key = RecordedCompletions.Key(taskID: task, round: round, step: step)
            for (index, completion) in completions.enumerated() {
                guard recorded.add(completion, for: key, sample: first + index) else {
                    let place = round == 0 ? "" : " of round \(round)"
                    throw DatasetError(
                        .mismatch, file: path, line: offset + 1,
                        "task \(task) sample \(first + index)\(place) is answered twice")
                }
            }
        }
        return recorded
    }
}

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
        let text = plan.map { planned in
            let request = planned.request(parameters)
            return request.jsonLine(id: "\(request.id)#\(request.firstSample)") + "\n"
        }.joined()
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw DatasetError(.missingFile, file: path, "cannot write the prompts: \(error.localizedDescription)")
        }
        return plan.count
    }

    /// Reads answers: one JSON line per request, `{"task_id", "first_sample", "completions": [...]}` (the exported
    /// line's `task_id` and `first_sample`, with the completions added). Errors name the file and line.
    public static func read(_ path: String) throws(DatasetError) -> [String: [Int: String]] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw DatasetError(.missingFile, file: path, "cannot read the completions")
        }
        var samples: [String: [Int: String]] = [:]
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
            for (index, completion) in completions.enumerated() {
                guard samples[task]?[first + index] == nil else {
                    throw DatasetError(
                        .mismatch, file: path, line: offset + 1,
                        "task \(task) sample \(first + index) is answered twice")
                }
                samples[task, default: [:]][first + index] = completion
            }
        }
        return samples
    }
}

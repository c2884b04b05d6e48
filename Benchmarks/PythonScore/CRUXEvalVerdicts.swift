import BenchmarkSupport
import Foundation

/// The published verdicts of Code Llama 7B's CRUXEval-O generations (`output-scored.json`), against which every
/// iteration of both sides is checked.
enum CRUXEvalVerdicts {
    static func published(_ scored: URL) throws -> [String: [Bool]] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: scored)) as? [String: Any]
        guard let verdicts = object?["raw_scored_generations"] as? [String: [Bool]], verdicts.count == 800 else {
            throw BenchmarkFailure("\(scored.path) holds no raw_scored_generations for 800 problems")
        }
        return verdicts
    }

    /// crucible's results.jsonl, sample records grouped by task in order.
    static func crucible(_ out: URL) throws -> [String: [Bool]] {
        let text = try String(contentsOf: out.appendingPathComponent("results.jsonl"), encoding: .utf8)
        var verdicts: [String: [Bool]] = [:]
        for line in text.split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                object["record"] as? String == "sample", let task = object["task_id"] as? String
            else { continue }
            verdicts[task, default: []].append(object["passed"] as? Bool ?? false)
        }
        return verdicts
    }

    /// Throws unless `found` equals the published verdicts generation for generation.
    static func check(_ found: [String: [Bool]], against published: [String: [Bool]], who: String) throws -> String {
        let differing = published.keys.filter { published[$0] != found[$0] }.sorted()
        guard differing.isEmpty, found.count == published.count else {
            throw BenchmarkFailure(
                "\(who): \(differing.count) problems' verdicts differ from the published ones: \(differing.prefix(10))")
        }
        return "all \(published.values.map(\.count).reduce(0, +)) verdicts as published"
    }
}

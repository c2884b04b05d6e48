import CrucibleCore
import CrucibleReports
import Foundation

/// The parts of `summary.json` (and, for a run, `run.sqlite`) that a report shows besides the verdicts.
enum RunDetailsLoader {
    static func details(summary: [String: Any], lines: [[String: Any]], directory: String) -> RunDetails {
        var details = RunDetails()
        details.rounds = (summary["rounds"] as? [[String: Any]] ?? []).map { round in
            RunDetails.Round(
                round: round["round"] as? Int ?? 0, model: round["model"] as? String,
                repair: round["repair"] as? String, feedback: round["feedback"] as? String,
                feedbackShowsTests: round["feedback_shows_tests"] as? Bool ?? false,
                oracleFeedback: round["oracle_feedback"] as? Bool ?? false, accuracy: round["accuracy"] as? Double,
                successRate: round["success_refinement_rate"] as? Double,
                failToPass: round["fail_to_pass"] as? Int ?? 0, failToFail: round["fail_to_fail"] as? Int ?? 0,
                notAttempted: round["not_attempted"] as? Int ?? 0, failedBefore: round["failed_before"] as? Int ?? 0)
        }
        details.ks = summary.keys.compactMap { $0.hasPrefix("pass@") ? Int($0.dropFirst(5)) : nil }.sorted()
        if details.ks.isEmpty { details.ks = [1] }
        details.samplesPerTask = summary["samples_per_task"] as? Int ?? maxSamples(lines)
        details.commands = summary["commands"] as? [String] ?? []
        details.maxReachableAccuracy = (summary["gold_checks"] as? [String: Any])?["max_reachable_accuracy"] as? Double
        details.unavailable = unavailable(lines)
        var reproduction: [(String, String)] = []
        func add(_ name: String, _ value: Any?) {
            guard let value, !(value is NSNull) else { return }
            reproduction.append((name, "\(value)"))
        }
        var store: RunStore?
        if FileManager.default.fileExists(atPath: "\(directory)/run.sqlite") {
            store = try? RunStore(path: "\(directory)/run.sqlite")
        }
        if let environment = (try? store?.value(for: "environment")).flatMap({ $0 }),
            let record = try? JSONSerialization.jsonObject(with: Data(environment.utf8)) as? [String: Any]
        {
            add("crucible", record["crucible"])
            add("commit", record["crucible_commit"])
            add("modified tree", record["crucible_modified"])
            add("SQLite", record["sqlite"])
            add("OS", record["os"])
            add("cores", record["cpus"])
            add("Python", record["python"])
            if let libraries = record["libraries"] as? [String: Any], !libraries.isEmpty {
                add("libraries", libraries.keys.sorted().map { "\($0) \(libraries[$0] ?? "")" }.joined(separator: ", "))
            }
            if let layers = record["confinement"] as? [String: Any], !layers.isEmpty {
                add("confinement", layers.keys.sorted().map { "\($0): \(layers[$0] ?? "")" }.joined(separator: "; "))
            }
        }
        // A score directory's summary names its crucible and, for Python, the sandbox's environment.
        if store == nil {
            add("crucible", summary["crucible_version"])
            add("commit", summary["crucible_commit"])
            add("modified tree", summary["crucible_modified"])
            if let environment = summary["environment"] as? [String: Any] {
                add("Python", environment["python"])
                if let libraries = environment["libraries"] as? [String: Any], !libraries.isEmpty {
                    add(
                        "libraries",
                        libraries.keys.sorted().map { "\($0) \(libraries[$0] ?? "")" }.joined(separator: ", "))
                }
                if let layers = environment["confinement"] as? [String: Any], !layers.isEmpty {
                    add(
                        "confinement", layers.keys.sorted().map { "\($0): \(layers[$0] ?? "")" }.joined(separator: "; ")
                    )
                }
            }
        }
        if let configuration = try? store?.configuration() {
            add("samples per task", configuration.samples)
            add("temperature", configuration.temperature)
            add("top_p", configuration.topP)
            add("max_tokens", configuration.maxTokens)
            add("seed", configuration.seed)
            add("prompt template SHA-256", configuration.promptTemplateSHA256)
            add("split", configuration.split?.rawValue)
        }
        add("rule", summary["rule"])
        add("timeout (s)", summary["timeout_seconds"])
        add("dataset", summary["dataset"])
        add("dataset SHA-256", summary["dataset_sha256"])
        add("gold SHA-256", summary["gold_sha256"])
        if let databases = summary["databases_sha256"] as? [String: String], !databases.isEmpty {
            let digest = SHA256.hex(databases.keys.sorted().map { "\($0) \(databases[$0]!)\n" }.joined())
            add("databases", "\(databases.count) files, SHA-256 of their hashes \(digest)")
        }
        details.reproduction = reproduction
        return details
    }

    static func maxSamples(_ lines: [[String: Any]]) -> Int {
        var most = 1
        for line in lines {
            if let samples = line["samples"] as? [Any] { most = max(most, samples.count) }
            if let samples = line["samples"] as? Int { most = max(most, samples) }
        }
        return most
    }

    /// Tasks with a null verdict and the reason their line gives.
    static func unavailable(_ lines: [[String: Any]]) -> [(id: JSONValue, reason: String)] {
        var reasons: [String: String] = [:]
        for line in lines where line["record"] as? String == "sample" && line["passed"] is NSNull {
            if let id = line["task_id"].map({ "\($0)" }), reasons[id] == nil {
                reasons[id] = (line["message"] as? String) ?? (line["exception"] as? String) ?? "unavailable"
            }
        }
        var found: [(id: JSONValue, reason: String)] = []
        for line in lines
        where line["passed"] is NSNull && (line["record"] == nil || line["record"] as? String == "task") {
            let id: JSONValue
            if let number = line["task_id"] as? Int {
                id = .number(Double(number))
            } else if let text = line["task_id"] as? String {
                id = .string(text)
            } else {
                continue
            }
            let key = line["task_id"].map { "\($0)" } ?? ""
            found.append((id, (line["error"] as? String) ?? reasons[key] ?? "unavailable"))
        }
        return found
    }
}

import CrucibleBenchmarks
import CrucibleCore
public import CrucibleReports
import Foundation

/// Reads a run directory (`crucible run`) or a score directory (`crucible score --out`) into an `EvaluatedRun`:
/// both hold `summary.json` and `results.jsonl`, which is all reports and comparisons need.
public enum EvaluatedRunLoader {
    public static func load(_ directory: String) throws(RunError) -> EvaluatedRun {
        let summary = try object(file: "\(directory)/summary.json")
        let lines = try resultLines("\(directory)/results.jsonl")
        guard let benchmarkName = summary["benchmark"] as? String, let benchmark = Benchmark(rawValue: benchmarkName)
        else {
            throw RunError(.input, "\(directory)/summary.json does not name a benchmark Crucible knows")
        }
        var identity = DataIdentity(
            datasetSHA256: summary["dataset_sha256"] as? String, goldSHA256: summary["gold_sha256"] as? String,
            databasesSHA256: summary["databases_sha256"] as? [String: String] ?? [:])
        var model = summary["predictions"] as? String ?? directory
        var version = summary["model_version"] as? String
        var parent = summary["parent_version"] as? String
        // A run's store knows what an older summary may not say.
        if FileManager.default.fileExists(atPath: "\(directory)/run.sqlite"),
            let configuration = try? RunStore(path: "\(directory)/run.sqlite").configuration()
        {
            model = configuration.model
            version = version ?? configuration.modelVersion
            parent = parent ?? configuration.parentVersion
            identity.datasetSHA256 = identity.datasetSHA256 ?? configuration.datasetSHA256
            if identity.databasesSHA256.isEmpty { identity.databasesSHA256 = configuration.sql?.databasesSHA256 ?? [:] }
        }
        let categoryName = benchmark.sqlKind?.categoryName ?? (benchmark == .ds1000 ? "library" : nil)
        var run = EvaluatedRun(
            directory: directory, benchmark: benchmark.rawValue, model: model, modelVersion: version,
            parentVersion: parent, identity: identity, categoryName: categoryName,
            tasks: tasks(
                lines, categoryKey: benchmark.sqlKind?.categoryName ?? "category", file: "\(directory)/results.jsonl"))
        run.details = RunDetailsLoader.details(summary: summary, lines: lines, directory: directory)
        return run
    }

    /// Tasks in the order results.jsonl lists them, with their samples and round states.
    static func tasks(_ lines: [[String: Any]], categoryKey: String, file: String) -> [EvaluatedTask] {
        var order: [String] = []
        var ids: [String: JSONValue] = [:]
        var categories: [String: String] = [:]
        var groups: [String: [String: String]] = [:]
        var samples: [String: [Int: Bool]] = [:]
        var unavailable = Set<String>()
        var rounds: [String: [Int: [Int: Bool]]] = [:]
        for line in lines {
            guard let (key, id) = taskID(line["task_id"]) else { continue }
            if ids[key] == nil {
                ids[key] = id
                order.append(key)
            }
            let passed = line["passed"] as? Bool
            switch line["record"] as? String {
            case "sample":
                if let sample = line["sample"] as? Int, let passed { samples[key, default: [:]][sample] = passed }
            case "round":
                if let round = line["round"] as? Int, let sample = line["sample"] as? Int, let passed {
                    rounds[key, default: [:]][round, default: [:]][sample] = passed
                }
            case "task", nil:
                if let category = line[categoryKey] as? String { categories[key] = category }
                if let named = line["groups"] as? [String: String] { groups[key] = named }
                if passed == nil { unavailable.insert(key) }
                // Text-to-SQL lines carry their samples' statuses when a run drew several.
                if line["record"] == nil {
                    if let statuses = line["samples"] as? [String] {
                        samples[key] = Dictionary(
                            uniqueKeysWithValues: statuses.enumerated().map { ($0, $1 == "match") })
                    } else if let passed {
                        samples[key] = [0: passed]
                    }
                }
            default:
                continue
            }
        }
        return order.map { key in
            let verdicts =
                unavailable.contains(key)
                ? nil
                : samples[key].map { byIndex in
                    byIndex.keys.sorted().map { byIndex[$0]! }
                }
            let states = rounds[key].map { byRound in
                byRound.keys.sorted().map { round in byRound[round]!.keys.sorted().map { byRound[round]![$0]! } }
            }
            return EvaluatedTask(
                id: ids[key]!, category: categories[key], groups: groups[key] ?? [:], samples: verdicts,
                rounds: verdicts == nil ? [] : states)
        }
    }

    private static func taskID(_ value: Any?) -> (String, JSONValue)? {
        if let number = value as? Int { return (String(number), .number(Double(number))) }
        if let text = value as? String { return (text, .string(text)) }
        return nil
    }

    private static func object(file: String) throws(RunError) -> [String: Any] {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw RunError(.input, "\(file) is missing: give a directory made by crucible run or crucible score --out")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw RunError(.input, "\(file) is not a JSON object")
        }
        return object
    }

    private static func resultLines(_ file: String) throws(RunError) -> [[String: Any]] {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw RunError(.input, "\(file) is missing: give a directory made by crucible run or crucible score --out")
        }
        var lines: [[String: Any]] = []
        for (offset, line) in String(decoding: data, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false
        ).enumerated() where !line.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw RunError(.input, "\(file):\(offset + 1): not a JSON object")
            }
            lines.append(object)
        }
        return lines
    }
}

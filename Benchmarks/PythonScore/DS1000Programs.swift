import BenchmarkSupport
import CrucibleBenchmarks
import CrucibleCore
import Foundation

/// The DS-1000 programs crucible runs for an answers file, assembled by the same code, written for the floor.
enum DS1000Programs {
    static func write(dataset: URL, answers: URL, to file: URL) throws -> Int {
        let tasks = try PythonDatasetLoader.ds1000(dataset.path)
        let answerLists = try PythonAnswersReader.read(answers.path, tasks: tasks)
        var text = ""
        var count = 0
        for (task, answers) in zip(tasks, answerLists) {
            for answer in answers {
                let source = task.program(answer: answer.code, isFullSolution: answer.isFullSolution)
                text +=
                    JSONValue.object([("id", .string(task.id.rawValue)), ("source", .string(source))]).serialized()
                    + "\n"
                count += 1
            }
        }
        try text.write(to: file, atomically: true, encoding: .utf8)
        return count
    }

    /// The verdict check: crucible's per-problem verdicts against the official evaluator's, with the problems the
    /// agreement test excuses (unseeded randomness, hash-seed dependence, xgboost) left out. Returns the note.
    static func check(results: URL, verdicts: URL) throws -> String {
        let official = try JSONDecoder().decode([Int?].self, from: Data(contentsOf: verdicts))
        var mine: [Int: Bool] = [:]
        var unavailable = 0
        let text = try String(contentsOf: results.appendingPathComponent("results.jsonl"), encoding: .utf8)
        for line in text.split(separator: "\n") {
            guard let record = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                record["record"] as? String == "task", let id = (record["task_id"] as? String).flatMap({ Int($0) })
            else { continue }
            if record["status"] as? String == "unavailable" {
                unavailable += 1
            } else {
                mine[id] = record["passed"] as? Bool
            }
        }
        let excused: Set<Int> = [276, 325, 376, 546, 837, 838, 897]
        let disagreements = official.indices.filter { index in
            guard let expected = official[index], excused.contains(index) == false else { return false }
            return mine[index] != (expected == 1)
        }
        guard disagreements.isEmpty else {
            throw BenchmarkFailure("crucible disagrees with the official DS-1000 verdicts on problems \(disagreements)")
        }
        let passed = mine.values.filter { $0 }.count
        return "\(passed)/\(mine.count) passed, \(unavailable) unavailable; official verdicts matched"
    }
}

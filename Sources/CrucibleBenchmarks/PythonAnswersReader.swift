import CrucibleCore
import Foundation

/// One generated answer to a Python task.
public struct PythonAnswer: Sendable, Hashable {
    public var code: String
    /// An EvalPlus `solution` (prompt included) rather than a completion.
    public var isFullSolution: Bool

    public init(code: String, isFullSolution: Bool = false) {
        self.code = code
        self.isFullSolution = isFullSolution
    }
}

/// Reads answer files — HumanEval/EvalPlus samples (`{"task_id", "completion"}` or `"solution"`) and the native
/// `{"task_id", "code"}` — as n samples per task, in file order. Unknown task ids and tasks without any answer
/// are errors naming the line or the tasks.
public enum PythonAnswersReader {
    public static func read(_ path: String, tasks: [PythonTask]) throws(DatasetError) -> [[PythonAnswer]] {
        struct Line: Decodable {
            struct Metadata: Decodable {
                var problem_id: WrittenTaskID
            }
            var task_id: WrittenTaskID?
            var id: WrittenTaskID?
            var metadata: Metadata?
            var completion: String?
            var solution: String?
            var code: CodeField?

            /// `task_id`, DS-1000's `id`, or its `metadata.problem_id`.
            var taskID: WrittenTaskID? { task_id ?? id ?? metadata?.problem_id }
        }
        let index = Dictionary(uniqueKeysWithValues: tasks.enumerated().map { ($1.id, $0) })
        var answers = [[PythonAnswer]](repeating: [], count: tasks.count)
        let data = try GzipFile.read(path)
        if let published = try publishedLists(data, path: path, index: index) {
            for (position, list) in published { answers[position] = list.map { PythonAnswer(code: $0) } }
            return try complete(answers, tasks: tasks, path: path)
        }
        let text = String(decoding: data, as: UTF8.self)
        for (offset, raw) in TextLines.split(text).enumerated() where !TextLines.strip(raw).isEmpty {
            let line = try JSONFile.decode(Line.self, from: Data(raw.utf8), file: path, line: offset + 1)
            guard let taskID = line.taskID else {
                throw DatasetError(
                    .malformed, file: path, line: offset + 1, "no `task_id` (or DS-1000 `id`, `metadata.problem_id`)")
            }
            guard let position = index[TaskID(taskID.text)] else {
                throw DatasetError(
                    .mismatch, file: path, line: offset + 1, "task_id \(taskID.text) is not a task of the dataset")
            }
            if let completion = line.completion {
                answers[position].append(PythonAnswer(code: completion))
            } else if let solution = line.solution {
                answers[position].append(PythonAnswer(code: solution, isFullSolution: true))
            } else if let code = line.code {
                answers[position].append(PythonAnswer(code: code.text))
            } else {
                throw DatasetError(
                    .malformed, file: path, line: offset + 1, "no `completion`, `solution` or `code` field")
            }
        }
        return try complete(answers, tasks: tasks, path: path)
    }

    /// CRUXEval's published generations: one JSON object `{"sample_0": [generations...], ...}`; nil when the file is
    /// not one such object (JSON lines are read line by line instead).
    static func publishedLists(_ data: Data, path: String, index: [TaskID: Int]) throws(DatasetError) -> [Int:
        [String]]?
    {
        guard data.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) == UInt8(ascii: "{"),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            !object.isEmpty, object.values.allSatisfy({ $0 is [Any] })
        else { return nil }
        var lists: [Int: [String]] = [:]
        for (key, value) in object {
            guard let position = index[TaskID(key)] else {
                throw DatasetError(.mismatch, file: path, "`\(key)` is not a task of the dataset")
            }
            guard let list = value as? [String] else {
                throw DatasetError(.malformed, file: path, "`\(key)` holds something other than a list of strings")
            }
            lists[position] = list
        }
        return lists
    }

    static func complete(_ answers: [[PythonAnswer]], tasks: [PythonTask], path: String) throws(DatasetError)
        -> [[PythonAnswer]]
    {
        let missing = tasks.indices.filter { answers[$0].isEmpty }.map { tasks[$0].id.rawValue }
        guard missing.isEmpty else {
            let shown = missing.prefix(8).joined(separator: ", ")
            throw DatasetError(
                .mismatch, file: path,
                "has no answer for \(missing.count) of \(tasks.count) tasks (\(shown)\(missing.count > 8 ? ", ..." : ""))"
            )
        }
        return answers
    }
}

/// An answer's code: a string, or (as some DS-1000 answer files have it) a list whose first element is used.
struct CodeField: Decodable {
    var text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let list = try? container.decode([String].self) {
            text = list.first ?? ""
        } else {
            text = try container.decode(String.self)
        }
    }
}

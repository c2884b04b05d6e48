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
            var task_id: TaskID
            var completion: String?
            var solution: String?
            var code: String?
        }
        let index = Dictionary(uniqueKeysWithValues: tasks.enumerated().map { ($1.id, $0) })
        var answers = [[PythonAnswer]](repeating: [], count: tasks.count)
        let text = String(decoding: try GzipFile.read(path), as: UTF8.self)
        for (offset, raw) in TextLines.split(text).enumerated() where !TextLines.strip(raw).isEmpty {
            let line = try JSONFile.decode(Line.self, from: Data(raw.utf8), file: path, line: offset + 1)
            guard let position = index[line.task_id.text] else {
                throw DatasetError(
                    .mismatch, file: path, line: offset + 1, "task_id \(line.task_id.text) is not a task of the dataset"
                )
            }
            if let completion = line.completion {
                answers[position].append(PythonAnswer(code: completion))
            } else if let solution = line.solution {
                answers[position].append(PythonAnswer(code: solution, isFullSolution: true))
            } else if let code = line.code {
                answers[position].append(PythonAnswer(code: code))
            } else {
                throw DatasetError(
                    .malformed, file: path, line: offset + 1, "no `completion`, `solution` or `code` field")
            }
        }
        let missing = tasks.indices.filter { answers[$0].isEmpty }.map { tasks[$0].id }
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

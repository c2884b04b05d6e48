import Foundation

/// Loads HumanEval (`HumanEval.jsonl[.gz]`) and MBPP (`mbpp.jsonl`, `sanitized-mbpp.json`).
public enum PythonDatasetLoader {
    public static func humanEval(_ path: String) throws(DatasetError) -> [PythonTask] {
        struct Entry: Decodable {
            var task_id: String
            var prompt: String
            var canonical_solution: String
            var test: String
            var entry_point: String
        }
        return try jsonLines(Entry.self, path).map { entry in
            PythonTask(
                id: entry.task_id, prompt: entry.prompt, reference: entry.canonical_solution,
                assembly: .humanEval(entryPoint: entry.entry_point, test: entry.test))
        }
    }

    /// MBPP, full (`mbpp.jsonl`: `text`, `code`, `test_setup_code`, `test_list`) or sanitized
    /// (`sanitized-mbpp.json`: `prompt`, `code`, `test_imports`, `test_list`), told apart by the extension.
    public static func mbpp(_ path: String) throws(DatasetError) -> [PythonTask] {
        struct Entry: Decodable {
            var task_id: Int
            var text: String?
            var prompt: String?
            var code: String
            var test_setup_code: String?
            var test_imports: [String]?
            var test_list: [String]
        }
        let entries: [Entry]
        if path.lowercased().hasSuffix(".json") {
            entries = try JSONFile.decode([Entry].self, from: try GzipFile.read(path), file: path)
        } else {
            entries = try jsonLines(Entry.self, path)
        }
        return entries.map { entry in
            let setup = entry.test_imports.map { $0.joined(separator: "\n") } ?? entry.test_setup_code ?? ""
            return PythonTask(
                id: String(entry.task_id), prompt: entry.prompt ?? entry.text ?? "", reference: entry.code,
                assembly: .mbpp(setup: setup, asserts: entry.test_list))
        }
    }

    static func jsonLines<T: Decodable>(_ type: T.Type, _ path: String) throws(DatasetError) -> [T] {
        let text = String(decoding: try GzipFile.read(path), as: UTF8.self)
        var values: [T] = []
        for (offset, line) in TextLines.split(text).enumerated() where !TextLines.strip(line).isEmpty {
            values.append(try JSONFile.decode(T.self, from: Data(line.utf8), file: path, line: offset + 1))
        }
        return values
    }
}

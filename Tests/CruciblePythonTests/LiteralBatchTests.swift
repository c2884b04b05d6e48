import CruciblePython
import CrucibleTestSupport
import Foundation
import Testing

/// Literal checks (`PythonProgram.isLiteralCheck`) share a sandboxed child: the outcomes must be exactly those of
/// one child per program, and a batch in which anything unusual happens (an error, output, a crash, a hang) must
/// be run again program by program. The programs here are marked by hand, some wrongly, to exercise that fallback.
@Suite("Literal checks in batches")
struct LiteralBatchTests {
    static func programs(_ sources: [String], literal: Bool) -> [PythonProgram] {
        sources.enumerated().map { index, source in
            var program = PythonProgram(id: "p\(index)", source: source, timeout: 2)
            if literal { program.isLiteralCheck = true }
            return program
        }
    }

    /// What `crucible score` writes, without the timings.
    static func comparable(_ outcome: PythonOutcome) -> [String] {
        [
            outcome.status.rawValue, outcome.exceptionType ?? "", outcome.message ?? "",
            outcome.traceback.joined(separator: "|"), outcome.stdout, outcome.stderr,
        ]
    }

    static let function = "def f(x):\n    return [x, x * 2]\n"

    @Test func aBatchGivesTheOutcomesOfOneChildPerProgram() {
        let sources = [
            Self.function + "assert [3, 6] == [3, 6]",
            Self.function + "assert [3, 6] == [3, 7]",
            Self.function + "assert {'a': (1, -2.5)} == {'a': (1, -2.5)}",
            Self.function + "assert 'x' == 'y'",
        ]
        let sandbox = PythonSandbox(options: .init(executable: CrucibleExecutable.path, workers: 1))
        let batched = sandbox.run(Self.programs(sources, literal: true))
        let alone = sandbox.run(Self.programs(sources, literal: false))
        #expect(batched.map(\.status) == [.passed, .failed, .passed, .failed])
        #expect(batched.map(Self.comparable) == alone.map(Self.comparable))
        #expect(batched[1].traceback == ["line 3, in <module>: assert [3, 6] == [3, 7]"])
    }

    @Test func anythingUnusualInABatchRunsEveryProgramAlone() {
        let sources = [
            Self.function + "assert 1 == 1",
            Self.function + "print('out')\nassert 1 == 1",  // output: must be captured for this program alone
            Self.function + "assert undefined == 1",  // an error, not a failed assertion
            Self.function + "import os\nos._exit(3)",  // dies without a report
            Self.function + "while True:\n    pass",  // hangs: the batch's deadline is one program's
            Self.function + "assert 2 == 3",
        ]
        let sandbox = PythonSandbox(options: .init(executable: CrucibleExecutable.path, workers: 1))
        let batched = sandbox.run(Self.programs(sources, literal: true))
        #expect(batched.map(\.status) == [.passed, .passed, .error, .crashed, .timeout, .failed])
        #expect(batched[1].stdout == "out\n")
        #expect(batched[2].exceptionType == "NameError")
        let alone = sandbox.run(Self.programs(sources, literal: false))
        #expect(batched.map(Self.comparable) == alone.map(Self.comparable))
    }

    @Test func programsWrittenInTheirDirectoryDoNotLeakIntoTheNextOneOfTheBatch() {
        // A marked program that defines a global: the next one, in the same child, must not see it.
        let sources = ["leaked = 1\nassert 1 == 1", "assert 'leaked' not in globals()"]
        let sandbox = PythonSandbox(options: .init(executable: CrucibleExecutable.path, workers: 1))
        #expect(sandbox.run(Self.programs(sources, literal: true)).map(\.status) == [.passed, .passed])
    }
}

import CruciblePython
import CrucibleTestSupport
import Foundation
import Testing

/// Probes in the real sandbox: a failed assertion's values and a NExT-style trace of the candidate's own code,
/// captured in the forked child, never changing the verdict, capped, and fast even for a million-step loop.
@Suite("Probes: assertion values and execution traces")
struct ProbeTests {
    /// HumanEval/0's prompt (has_close_elements) with a wrong completion (`>` for `<`), and its real test.
    static let prompt = """
        from typing import List


        def has_close_elements(numbers: List[float], threshold: float) -> bool:
            \"\"\" Check if in given list of numbers, are any two numbers closer to each other than
            given threshold.
            >>> has_close_elements([1.0, 2.0, 3.0], 0.5)
            False
            >>> has_close_elements([1.0, 2.8, 3.0, 4.0, 5.0, 2.0], 0.3)
            True
            \"\"\"

        """
    static let wrong = """
            for idx, elem in enumerate(numbers):
                for idx2, elem2 in enumerate(numbers):
                    if idx != idx2:
                        distance = abs(elem - elem2)
                        if distance > threshold:
                            return True

            return False

        """
    static let test = """


        METADATA = {
            'author': 'jt',
            'dataset': 'test'
        }


        def check(candidate):
            assert candidate([1.0, 2.0, 3.9, 4.0, 5.0, 2.2], 0.3) == True
            assert candidate([1.0, 2.0, 3.9, 4.0, 5.0, 2.2], 0.05) == False
            assert candidate([1.0, 2.0, 5.9, 4.0, 5.0], 0.95) == True

        """

    static var code: String { prompt + wrong }
    static var program: String { code + "\n" + test + "\ncheck(has_close_elements)" }

    static func probe(trace: Bool, cap: Int = 4096, source: String = ProbeTests.code) -> PythonProbe {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).count
        return PythonProbe(
            candidateFile: "<program>", candidateLines: 1...lines, candidateSource: source, trace: trace,
            traceCap: cap)
    }

    static func run(_ source: String, probe: PythonProbe?, timeout: Double = 10) -> PythonOutcome {
        let sandbox = PythonSandbox(options: .init(executable: CrucibleExecutable.path, workers: 1))
        var program = PythonProgram(id: "probe", source: source, timeout: timeout)
        program.probe = probe
        return sandbox.run([program])[0]
    }

    @Test func aFailedEqualityShowsTheStatementTheValueReturnedAndTheValueExpected() {
        let probed = Self.run(Self.program, probe: Self.probe(trace: false))
        #expect(probed.status == .failed)
        #expect(probed.assertion?.statement == "assert candidate([1.0, 2.0, 3.9, 4.0, 5.0, 2.2], 0.05) == False")
        #expect(probed.assertion?.actual == "True")
        #expect(probed.assertion?.expected == "False")
        #expect(probed.trace == nil)
        // Without a probe the verdict is the same, with nothing more.
        let plain = Self.run(Self.program, probe: nil)
        #expect(plain.status == probed.status)
        #expect(plain.exceptionType == probed.exceptionType)
        #expect(plain.message == probed.message)
        #expect(plain.traceback == probed.traceback)
        #expect(plain.assertion == nil && plain.trace == nil)
    }

    @Test func theTraceShowsTheCandidatesLinesOnTheFailingInputAndNoTestCode() throws {
        let outcome = Self.run(Self.program, probe: Self.probe(trace: true))
        #expect(outcome.status == .failed)
        let trace = try #require(outcome.trace)
        // The last call is the failing one (threshold 0.05): the first pair already differs by more.
        #expect(trace.contains("distance = abs(elem - elem2)  # [") && trace.contains("distance=1.0"), "\(trace)")
        #expect(trace.contains("threshold=0.05") || trace.contains("return True  # ["), "\(trace)")
        #expect(trace.contains("returned True"), "\(trace)")
        #expect(!trace.contains("check(") && !trace.contains("assert candidate"), "\(trace)")
        #expect(trace.split(separator: "\n").count <= Self.code.split(separator: "\n").count + 1)
    }

    @Test func aMillionIterationsAreTracedQuicklyUnderTheCap() throws {
        let source = """
            def total(n):
                s = 0
                for i in range(n):
                    s += i
                return s + 1
            """
        let program = source + "\n\nassert total(1_000_000) == 499999500000\n"
        let started = Date()
        let outcome = Self.run(program, probe: Self.probe(trace: true, source: source))
        let seconds = Date().timeIntervalSince(started)
        #expect(outcome.status == .failed)
        let trace = try #require(outcome.trace)
        #expect(trace.utf8.count <= 4096)
        #expect(trace.contains("trace stopped after 10000 steps"), "\(trace)")
        #expect(trace.contains("s += i  # [") && trace.contains(" … ") && trace.contains("times)"), "\(trace)")
        #expect(trace.contains("returned 499999500001"), "\(trace)")
        #expect(outcome.assertion?.actual == "499999500001")
        #expect(seconds < 8, "\(seconds) s")
        print(
            "probe: a million-iteration loop traced in \(String(format: "%.2f", seconds)) s, \(trace.utf8.count) bytes")
    }

    @Test func aSmallCapIsNeverExceeded() throws {
        let outcome = Self.run(Self.program, probe: Self.probe(trace: true, cap: 300))
        let trace = try #require(outcome.trace)
        #expect(trace.utf8.count <= 300)
        #expect(trace.contains("trace truncated"), "\(trace)")
    }

    @Test func recursionAndExceptionsInTheCandidateAreShown() throws {
        let source = """
            def depth(n):
                if n == 0:
                    raise ValueError("bottom reached")
                return depth(n - 1)
            """
        let program = source + "\n\nassert depth(3) == 0\n"
        let outcome = Self.run(program, probe: Self.probe(trace: true, source: source))
        #expect(outcome.status == .error)
        let trace = try #require(outcome.trace)
        #expect(trace.contains("raised ValueError: bottom reached"), "\(trace)")
        #expect(trace.contains("(4 times)"), "\(trace)")
    }

    @Test func aPassingProgramIsTracedToo() throws {
        let source = "def add(a, b):\n    c = a + b\n    return c"
        let outcome = Self.run(source + "\nassert add(2, 3) == 5\n", probe: Self.probe(trace: true, source: source))
        #expect(outcome.status == .passed)
        #expect(try #require(outcome.trace).contains("c = a + b  # [1] c=5"))
    }

    @Test func codeRunByExecIsTracedAsTheCandidate() throws {
        let answer = "values = [3, 1, 2]\nresult = sorted(values)[0] * 10"
        let program = """
            def test_execution(code):
                namespace = {}
                exec(code, namespace)
                assert namespace["result"] == 30

            code = \(String(decoding: try JSONEncoder().encode(answer), as: UTF8.self))
            test_execution(code)
            """
        let probe = PythonProbe(candidateFile: "<string>", candidateSource: answer, trace: true)
        let outcome = Self.run(program, probe: probe)
        #expect(outcome.status == .failed)
        let trace = try #require(outcome.trace)
        #expect(trace.contains("result = sorted(values)[0] * 10  # [2] result=10"), "\(trace)")
        #expect(outcome.assertion?.actual == "10")
    }
}

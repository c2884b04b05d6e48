import CruciblePython
import CrucibleTestSupport
import Foundation
import Testing

/// Programs that may share a child (`PythonProgram.mayShareChild`) run several to a sandboxed child when the
/// worker's audit finds them self-contained. Whatever one of them does, every outcome must be the one it has in a
/// child of its own, and no program may see what an earlier one changed.
@Suite("Programs sharing a child")
struct SharedChildTests {
    static func programs(_ sources: [String], shared: Bool, timeout: Double = 2) -> [PythonProgram] {
        sources.enumerated().map { index, source in
            var program = PythonProgram(id: "p\(index)", source: source, timeout: timeout)
            if shared { program.mayShareChild = true }
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

    static func sandbox() -> PythonSandbox {
        PythonSandbox(options: .init(executable: CrucibleExecutable.path, workers: 1))
    }

    @Test func selfContainedProgramsShareAChildAndGetTheirOwnOutcomes() {
        let sources = [
            "import math\ndef f(x):\n    return math.sqrt(x)\nassert f(16) == 4",
            "from collections import Counter\nassert Counter('aab').most_common(1) == [('a', 2)]",
            "def g(n):\n    return n + 1\nassert g(1) == 3",
            "import re, itertools\nassert re.findall(r'\\d', 'a1b2') == ['1', '2']\nassert list(itertools.islice("
                + "itertools.count(), 3)) == [0, 1, 2]",
        ]
        let sandbox = Self.sandbox()
        let shared = sandbox.run(Self.programs(sources, shared: true))
        let alone = sandbox.run(Self.programs(sources, shared: false))
        #expect(shared.map(\.status) == [.passed, .passed, .failed, .passed])
        #expect(shared.map(\.sharedChild) == [true, true, true, true])
        #expect(alone.map(\.sharedChild) == [nil, nil, nil, nil])
        #expect(shared.map(Self.comparable) == alone.map(Self.comparable))
        #expect(shared[2].traceback == ["line 3, in <module>: assert g(1) == 3"])
    }

    /// Each change is made through an alias the audit cannot see; the comparison after the program must catch it,
    /// so the check that follows runs in a new child and passes, as it does alone.
    /// Each program starts with a fresh random seed, as a forked child does: a seed one program set does not
    /// carry over to the next.
    @Test func randomnessIsFreshForEveryProgram() {
        let sources = [
            "import random\nrandom.seed(1)\nassert random.random() == 0.13436424411240122",
            "import random\nrandom.seed(1)",
            "import random\nassert random.random() != 0.13436424411240122",
            "assert True",
        ]
        let shared = Self.sandbox().run(Self.programs(sources, shared: true))
        #expect(shared.map(\.status) == [.passed, .passed, .passed, .passed])
        #expect(shared.map(\.sharedChild) == [true, true, true, true])
    }

    @Test func aProgramThatChangesSharedStateEndsItsChild() {
        let changes = [
            "import collections\nC = collections.Counter\nC.most_common = lambda self, n=None: []",
            "import math\nm = math\nm.pi = 3",
            "import hashlib\nhashlib.algorithms_available.clear()",
            "import re\nflag = re.I\nflag.marker = 1",
            // A generator in a reference cycle: its `finally` runs when the cycle is collected, after the program.
            "import string\nT = string.Template\ndef g(T=T):\n    try:\n        yield 1\n    finally:\n"
                + "        T.delimiter = '#'\nx = g()\nnext(x)\ncycle = [x]\ncycle.append(cycle)",
        ]
        let checks = [
            "import collections\nassert collections.Counter('aab').most_common(1) == [('a', 2)]",
            "import math\nassert math.pi > 3.14",
            "import hashlib\nassert 'sha256' in hashlib.algorithms_available",
            "import re\nassert not hasattr(re.I, 'marker')",
            "import string\nassert string.Template.delimiter == '$'",
        ]
        let sources = zip(changes, checks).flatMap { [$0, $1] } + ["assert True"]
        let sandbox = Self.sandbox()
        let shared = sandbox.run(Self.programs(sources, shared: true))
        let alone = sandbox.run(Self.programs(sources, shared: false))
        #expect(shared.map(\.status) == Array(repeating: .passed, count: sources.count))
        #expect(shared.map(Self.comparable) == alone.map(Self.comparable))
        // Each change ended its child, so it ran again alone; the checks after them started new children.
        #expect(stride(from: 0, to: 10, by: 2).allSatisfy { shared[$0].sharedChild == nil })
        #expect(stride(from: 1, to: 10, by: 2).allSatisfy { shared[$0].sharedChild == true })
    }

    /// Programs the audit refuses: imports of anything else, output, names that reach other namespaces or run
    /// text as code, dunder and private attributes, frame introspection. Each runs alone.
    @Test func programsTheAuditRefusesRunAlone() {
        let refused = [
            "import os\nassert os.getpid() > 0",
            "import string\nassert string.Formatter().get_field('0.real', (1,), {})[0] == 1",
            "import typing\ndef f(x: 'int'):\n    pass\nassert typing.get_type_hints(f)['x'] is int",
            "print('hello')",
            "import typing\nassert typing.sys.maxsize > 0",
            "import statistics\nassert statistics.random.random() < 1",
            "import math\nm = math\nassert m.pi > 3",
            "from collections import abc\nassert abc.Sequence",
            "g = (i for i in [1])\nassert g.gi_frame is not None",
            "assert getattr(1, 'real') == 1",
            "assert eval('1 + 1') == 2",
            "assert (1).__class__ is int",
            "import re\nassert isinstance(re._cache, dict)",
        ]
        let sources = refused.flatMap { [$0, "assert 1 + 1 == 2"] }
        let sandbox = Self.sandbox()
        let shared = sandbox.run(Self.programs(sources, shared: true))
        let alone = sandbox.run(Self.programs(sources, shared: false))
        #expect(shared.map(Self.comparable) == alone.map(Self.comparable))
        #expect(shared[2 * refused.firstIndex(of: "print('hello')")!].stdout == "hello\n")
        #expect(stride(from: 0, to: sources.count, by: 2).allSatisfy { shared[$0].sharedChild == nil })
        #expect(stride(from: 1, to: sources.count, by: 2).allSatisfy { shared[$0].sharedChild == true })
    }

    /// A hang, an allocation past the limit or a stack overflow stops the child at that program: it runs again
    /// alone (with its own deadline and limits), and the programs after it go on in a new child.
    @Test func aProgramThatStopsItsChildRunsAloneAndTheRestGoOn() {
        let sources = [
            "assert 1 == 1",
            "assert undefined == 1",
            "assert 2 == 2",
            "assert sum(range(10 ** 12)) > 0",
            "assert 3 == 3",
            "x = bytearray(50 * 1024 ** 3)",
            "assert 4 == 5",
            "def f(n):\n    return f(n + 1)\nf(0)",
            "assert 5 == 5",
            "assert 6 == 6",
        ]
        let sandbox = Self.sandbox()
        let shared = sandbox.run(Self.programs(sources, shared: true, timeout: 2))
        let alone = sandbox.run(Self.programs(sources, shared: false, timeout: 2))
        #expect(
            shared.map(\.status) == [
                .passed, .error, .passed, .timeout, .passed, .memory, .failed, .error, .passed, .passed,
            ])
        #expect(shared.map(Self.comparable) == alone.map(Self.comparable))
        // An ordinary exception is reported from the shared child; a hang, the memory limit and the stack do not.
        #expect([0, 1, 2, 4, 6, 8, 9].allSatisfy { shared[$0].sharedChild == true })
        #expect([3, 5, 7].map { shared[$0].sharedChild } == [nil, nil, nil])
    }
}

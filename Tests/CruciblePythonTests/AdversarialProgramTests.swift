import CruciblePython
import CrucibleTestSupport
import Foundation
import Glibc
import Testing

/// Hostile and broken programs, run in one pass beside ordinary ones whose verdicts must stay right.
@Suite("The sandbox survives hostile programs")
struct AdversarialProgramTests {
    struct Case {
        var name: String
        var source: String
        var expected: PythonOutcome.Status
        var timeout: Double = 5
    }

    static let cases: [Case] = [
        Case(
            name: "ordinary pass", source: "def add(a, b):\n    return a + b\nassert add(2, 3) == 5", expected: .passed),
        Case(name: "ordinary failure", source: "assert sorted([3, 1]) == [3, 1]", expected: .failed),
        Case(name: "infinite loop", source: "while True:\n    pass", expected: .timeout, timeout: 1),
        Case(
            name: "C-level loop ignoring signals",
            source: "import signal, ctypes\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
                + "libc = ctypes.CDLL(None)\nwhile True:\n    libc.getpid()",
            expected: .timeout, timeout: 1),
        Case(name: "50 GB allocation", source: "x = bytearray(50 * 10**9)", expected: .memory),
        Case(
            name: "fork bomb",
            source: "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass",
            expected: .timeout, timeout: 1),
        Case(name: "kill the parent", source: "import os\nos.kill(os.getppid(), 9)", expected: .error),
        Case(name: "kill own process group", source: "import os\nos.killpg(0, 9)", expected: .crashed),
        Case(name: "sys.exit(0) before tests", source: "import sys\nsys.exit(0)\nassert False", expected: .error),
        Case(name: "os._exit(0)", source: "import os\nos._exit(0)\nassert False", expected: .crashed),
        Case(name: "segfault", source: "import ctypes\nctypes.string_at(0)", expected: .crashed),
        Case(name: "deep recursion", source: "def f(n):\n    return f(n + 1)\nf(0)", expected: .error),
        Case(
            name: "100 MB to stdout",
            source: "import sys\nfor _ in range(100):\n    sys.stdout.write('x' * 1_000_000)\nassert True",
            expected: .passed, timeout: 20),
        Case(
            name: "connect to a listening local port",
            source:
                "import socket, os\nsocket.create_connection(('127.0.0.1', int(os.environ.get('P', '1'))), timeout=2)",
            expected: .error),
        Case(
            name: "look for the planted API key",
            source: "import os\nassert 'CRUCIBLE_TEST_FAKE_API_KEY' not in os.environ\n"
                + "assert not any('sk-fake' in v for v in os.environ.values())",
            expected: .passed),
        Case(
            name: "signal handlers overridden",
            source: "import signal\nfor s in (signal.SIGTERM, signal.SIGINT, signal.SIGALRM):\n"
                + "    signal.signal(s, signal.SIG_IGN)\nwhile True:\n    pass",
            expected: .timeout, timeout: 1),
        Case(
            name: "write outside the working directory",
            source: "import os\nopen('inside.txt', 'w').write('ok')\nopen('/tmp/crucible-escaped.txt', 'w').write('x')",
            expected: .error),
        Case(name: "read the harness's home", source: "import os\nos.listdir('/root')", expected: .error),
        Case(
            name: "close fds 0-2", source: "import os\nfor fd in (0, 1, 2):\n    os.close(fd)\nassert 1 + 1 == 2",
            expected: .passed),
        Case(
            name: "raise own limits",
            source:
                "import resource\nresource.setrlimit(resource.RLIMIT_AS, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))",
            expected: .error),
        Case(
            name: "ordinary pass after the storm", source: "assert [x * x for x in range(4)] == [0, 1, 4, 9]",
            expected: .passed),
    ]

    @Test func everyVerdictIsRightAndTheHarnessSurvives() throws {
        setenv("CRUCIBLE_TEST_FAKE_API_KEY", "sk-fake-123", 1)
        let root = NSTemporaryDirectory() + "crucible-adversarial-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let configuration = WorkerConfiguration(optionalModules: ["torch"], temporaryRoot: root)
        let sandbox = PythonSandbox(
            options: .init(executable: CrucibleExecutable.path, workers: 2, configuration: configuration))
        let programs = Self.cases.enumerated().map { index, item in
            PythonProgram(id: String(index), source: item.source, timeout: item.timeout)
        }
        let outcomes = sandbox.run(programs)
        for (item, outcome) in zip(Self.cases, outcomes) {
            #expect(outcome.status == item.expected, "\(item.name): \(outcome.status) \(outcome.message ?? "")")
        }
        #expect(outcomes[12].stdout.utf8.count == 64 << 10)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/crucible-escaped.txt"))
        let confinement = try #require(sandbox.workerEnvironment?.confinement)
        if getuid() == 0 {
            #expect(confinement["network namespace"] == "active")
            #expect(confinement["unprivileged user"]?.hasPrefix("active") == true)
            #expect(confinement["filesystem (Landlock)"]?.hasPrefix("active") == true)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == [])
    }

    @Test func aProgramThatSpawnsALongLivedChildLeavesNothingBehind() throws {
        let marker = "crucible-orphan-\(UUID().uuidString.prefix(8))"
        let source = """
            import subprocess, os
            subprocess.Popen(["/bin/sh", "-c", "exec -a \(marker) sleep 60"], start_new_session=True)
            assert True
            """
        let sandbox = PythonSandbox(options: .init(executable: CrucibleExecutable.path, workers: 1))
        let outcome = sandbox.run([PythonProgram(id: "orphan", source: source, timeout: 5)])[0]
        #expect(outcome.status == .passed, "\(outcome.message ?? "")")
        let survivors = try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { entry in
            guard Int(entry) != nil,
                let command = try? String(contentsOfFile: "/proc/\(entry)/cmdline", encoding: .utf8)
            else { return false }
            return command.contains(marker)
        }
        #expect(survivors.isEmpty)
    }
}

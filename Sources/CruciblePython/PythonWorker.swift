internal import CSandbox
import CrucibleCore
import Foundation
import Glibc

/// The worker process: one embedded interpreter with the heavy libraries imported once, forking a child per
/// program. Requests arrive as JSON lines on standard input; outcomes leave as JSON lines on the descriptor that
/// was standard output (standard output itself is pointed at /dev/null so nothing else can write there).
public enum PythonWorker {
    public static func run(configuration: WorkerConfiguration) -> Never {
        var configuration = configuration
        unsetenv("LD_BIND_NOW")
        // A user id of its own, derived from the worker's process id so that it is unique among all workers
        // running on the machine: "kill every process of this user" then means exactly this worker's programs,
        // and one worker's programs cannot signal another's.
        if configuration.sandboxUser == nil && getuid() == 0 {
            configuration.sandboxUser = 1_000_000 + UInt32(getpid())
        }
        let replies = dup(1)
        let null = open("/dev/null", O_WRONLY)
        dup2(null, 1)
        _ = crucible_set_child_subreaper()
        // A dead kill helper must not take the worker down with SIGPIPE; children restore the default.
        signal(SIGPIPE, SIG_IGN)
        // One empty network namespace for the worker and every program it forks (cheaper than one per program;
        // the worker talks to the harness over pipes only).
        if configuration.isolateNetwork && getuid() == 0 && crucible_unshare_network() == 0 {
            SandboxChild.networkIsolatedByWorker = true
        }
        if let user = configuration.sandboxUser { ProcessReaper.startKiller(user: user) }
        let directory = ProgramDirectory(configuration: configuration)
        EmbeddedPython.initialize(paths: configuration.pythonPaths)
        EmbeddedPython.run(ProgramRunnerScript.bootstrap)
        EmbeddedPython.run(ProgramProbeScript.bootstrap)
        EmbeddedPython.run(SharedChildScript.bootstrap)
        let optional = JSONValue.array(configuration.optionalModules.map(JSONValue.string)).serialized()
        EmbeddedPython.run(
            "_CRUCIBLE_OPTIONAL = tuple(\(optional))\n_CRUCIBLE_RESULT_FD = \(SandboxChild.resultDescriptor)")
        let preload = JSONValue.array(configuration.preload.map(JSONValue.string)).serialized()
        let layers = SandboxProbe.run(configuration: configuration, directory: directory)
        let programImports = JSONValue.array(configuration.programImports.map(JSONValue.string)).serialized()
        let warmUp = configuration.warmUp.map { JSONValue.string($0).serialized() } ?? "None"
        EmbeddedPython.run(
            "_crucible_preload(\(preload), \(programImports), \(warmUp), \(replies), \(layers.serialized()))\n"
                + "sys.stdout.flush()\nsys.stderr.flush()")
        EmbeddedPython.call("_crucible_settle", text: directory.path)

        var probing = false
        var requests = LineReader(descriptor: 0)
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        while let line = requests.nextLine() {
            if line.starts(with: Array(#"{"batch""#.utf8)) {
                let outcomes =
                    (try? decoder.decode(PythonBatch.self, from: Data(line))).map {
                        runBatch($0.batch, configuration: configuration, directory: directory)
                    } ?? []
                guard var reply = try? encoder.encode(outcomes) else { continue }
                reply.append(UInt8(ascii: "\n"))
                guard writeAll(replies, reply) else { break }
                continue
            }
            let outcome: PythonOutcome
            do {
                let program = try decoder.decode(PythonProgram.self, from: Data(line))
                // A probe is set before the fork, and cleared once for the first ordinary program after probes.
                if program.probe != nil || probing {
                    let text = program.probe.flatMap { try? encoder.encode($0) }.map {
                        String(decoding: $0, as: UTF8.self)
                    }
                    EmbeddedPython.call("_crucible_set_probe", text: text ?? "")
                    probing = program.probe != nil
                }
                outcome = runOne(program, configuration: configuration, directory: directory)
            } catch {
                outcome = PythonOutcome(status: .error, message: "the worker could not read the request: \(error)")
            }
            guard var reply = try? encoder.encode(outcome) else { continue }
            reply.append(UInt8(ascii: "\n"))
            guard writeAll(replies, reply) else { break }
        }
        directory.remove()
        exit(0)
    }

    static func runOne(_ program: PythonProgram, configuration: WorkerConfiguration, directory: ProgramDirectory)
        -> PythonOutcome
    {
        let started = DispatchTime.now()
        EmbeddedPython.call("_crucible_prepare", text: program.source)
        let watched = runChild(
            calling: "_crucible_run", timeout: program.timeout,
            cpuSeconds: UInt64(program.timeout.rounded(.up)) + 1, configuration: configuration, directory: directory)
        switch watched {
        case .failure(let failure):
            return PythonOutcome(status: .crashed, message: failure.message)
        case .success(let collected):
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            return collected.outcome(seconds: seconds)
        }
    }

    /// Why a child could not be started.
    struct ChildFailure: Error {
        var message: String
    }

    /// Forks a sandboxed child, in a fresh working directory, that calls `function` (bound in `__main__`, prepared
    /// before the fork), and watches it to the end (`ChildMonitor.collect`).
    static func runChild(
        calling function: String, timeout: Double, cpuSeconds: UInt64, renewedByReports: Bool = false,
        configuration: WorkerConfiguration, directory: ProgramDirectory
    ) -> Result<ChildMonitor, ChildFailure> {
        guard directory.reset() else {
            return .failure(
                ChildFailure(message: "cannot prepare the working directory \(directory.path): errno \(errno)"))
        }
        var result: [Int32] = [0, 0]
        var out: [Int32] = [0, 0]
        var err: [Int32] = [0, 0]
        guard pipe(&result) == 0, pipe(&out) == 0, pipe(&err) == 0 else {
            return .failure(ChildFailure(message: "cannot create pipes: errno \(errno)"))
        }
        EmbeddedPython.beforeFork()
        let pid = fork()
        if pid == 0 {
            EmbeddedPython.afterForkInChild()
            let pipes = SandboxChild.Pipes(result: result[1], stdout: out[1], stderr: err[1])
            if SandboxChild.prepare(
                directory: directory, pipes: pipes, configuration: configuration, cpuSeconds: cpuSeconds)
                != nil
            {
                EmbeddedPython.call(function)
            }
            _exit(0)
        }
        EmbeddedPython.afterForkInParent()
        close(result[1])
        close(out[1])
        close(err[1])
        guard pid > 0 else {
            [result[0], out[0], err[0]].forEach { close($0) }
            return .failure(ChildFailure(message: "fork failed: errno \(errno)"))
        }
        return .success(
            ChildMonitor.collect(
                child: pid, result: result[0], stdout: out[0], stderr: err[0], timeout: timeout,
                outputCap: configuration.limits.outputBytes, user: configuration.sandboxUser,
                renewedByReports: renewedByReports))
    }

    static func writeAll(_ descriptor: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
    }
}

import CrucibleCore
import Foundation
import Glibc

extension PythonWorker {
    /// Literal checks run together in one sandboxed child (same limits, same confinement, each program in a
    /// namespace of its own), which spares a fork, a copy-on-write storm and a teardown per program. Only a batch
    /// whose every program passed or failed its assertion, within one program's deadline and without output, is
    /// taken; anything else (an error, a crash, a timeout, output) and every program of the batch runs again alone,
    /// so its outcome is exactly what it would have been.
    static func runBatch(_ programs: [PythonProgram], configuration: WorkerConfiguration, directory: ProgramDirectory)
        -> [PythonOutcome]
    {
        if programs.count > 1, let outcomes = runTogether(programs, configuration: configuration, directory: directory)
        {
            return outcomes
        }
        return programs.map { runOne($0, configuration: configuration, directory: directory) }
    }

    private static func runTogether(
        _ programs: [PythonProgram], configuration: WorkerConfiguration, directory: ProgramDirectory
    ) -> [PythonOutcome]? {
        let started = DispatchTime.now()
        guard directory.reset() else { return nil }
        var result: [Int32] = [0, 0]
        var out: [Int32] = [0, 0]
        var err: [Int32] = [0, 0]
        guard pipe(&result) == 0, pipe(&out) == 0, pipe(&err) == 0 else { return nil }
        let sources = JSONValue.array(programs.map { JSONValue.string($0.source) }).serialized()
        EmbeddedPython.call("_crucible_prepare_batch", text: sources)
        let timeout = programs.map(\.timeout).min() ?? 0
        let cpuSeconds = UInt64(timeout.rounded(.up)) + 1
        EmbeddedPython.beforeFork()
        let pid = fork()
        if pid == 0 {
            EmbeddedPython.afterForkInChild()
            let pipes = SandboxChild.Pipes(result: result[1], stdout: out[1], stderr: err[1])
            if SandboxChild.prepare(
                directory: directory, pipes: pipes, configuration: configuration, cpuSeconds: cpuSeconds)
                != nil
            {
                EmbeddedPython.call("_crucible_run_batch")
            }
            _exit(0)
        }
        EmbeddedPython.afterForkInParent()
        close(result[1])
        close(out[1])
        close(err[1])
        guard pid > 0 else {
            [result[0], out[0], err[0]].forEach { close($0) }
            return nil
        }
        let collected = ChildMonitor.collect(
            child: pid, result: result[0], stdout: out[0], stderr: err[0], timeout: timeout,
            outputCap: configuration.limits.outputBytes, user: configuration.sandboxUser)
        guard !collected.timedOut, collected.stdout.isEmpty, collected.stderr.isEmpty,
            let report = try? JSONDecoder().decode(BatchReport.self, from: Data(collected.report)),
            let results = report.results, results.count == programs.count,
            results.allSatisfy({ $0.status == .passed || $0.status == .failed })
        else { return nil }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let share = seconds / Double(programs.count)
        return results.map { item in
            PythonOutcome(
                status: item.status, exceptionType: item.type, message: item.message,
                traceback: item.traceback ?? [], seconds: share)
        }
    }

    private struct BatchReport: Decodable {
        struct Item: Decodable {
            var status: PythonOutcome.Status
            var type: String?
            var message: String?
            var traceback: [String]?
        }

        var results: [Item]?
    }
}

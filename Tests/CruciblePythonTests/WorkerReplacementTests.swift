import CruciblePython
import CrucibleTestSupport
import Foundation
import Glibc
import Testing

/// A worker killed from outside while running a program: that program is `crashed`, a new worker takes over,
/// and the programs after it are judged as usual.
@Suite("A dead worker is replaced")
struct WorkerReplacementTests {
    /// This test's worker processes: started by this process, with `marker` in their arguments (other suites run
    /// sandboxes at the same time, and their workers must be left alone).
    static func workers(marker: String) -> [pid_t] {
        let me = getpid()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry),
                let command = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(entry)/cmdline")),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            let arguments = command.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            guard fields.count > 2, pid_t(fields[1]) == me, arguments.count > 2, arguments[1] == "worker",
                arguments[2].contains(marker)
            else {
                return nil
            }
            return pid
        }
    }

    @Test func theProgramRunningIsCrashedAndTheRestGoOn() throws {
        let root = NSTemporaryDirectory() + "crucible-replacement-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let marker = (root as NSString).lastPathComponent
        let sandbox = PythonSandbox(
            options: .init(
                executable: CrucibleExecutable.path, workers: 1, configuration: WorkerConfiguration(temporaryRoot: root)
            ))
        let programs = [
            PythonProgram(id: "slow", source: "import time\ntime.sleep(3)\nassert True", timeout: 10),
            PythonProgram(id: "next", source: "assert sum(range(4)) == 6", timeout: 10),
        ]
        let killer = Thread {
            Thread.sleep(forTimeInterval: 1.0)
            for pid in Self.workers(marker: marker) { kill(pid, SIGKILL) }
        }
        killer.start()
        let outcomes = sandbox.run(programs)
        #expect(outcomes[0].status == .crashed)
        #expect(outcomes[0].message?.contains("worker") == true, "\(outcomes[0].message ?? "")")
        #expect(outcomes[1].status == .passed)
        // The killed worker's folder (and the program directory in it) is removed by the harness.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == [])
    }
}

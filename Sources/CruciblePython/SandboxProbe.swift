import CrucibleCore
import Foundation
import Glibc

/// Finds out, once per worker, which confinement layers the kernel grants: a child goes through the same set-up
/// as a program's, then checks that a write outside its directory fails, and reports.
enum SandboxProbe {
    static func run(configuration: WorkerConfiguration, directory: ProgramDirectory) -> JSONValue {
        guard directory.reset() else { return .object([("probe", .string("could not run"))]) }
        var report: [Int32] = [0, 0]
        guard pipe(&report) == 0 else { return .object([("probe", .string("could not run"))]) }
        let outside = Array("\(configuration.temporaryRoot)/crucible-probe-outside-\(getpid())".utf8CString)
        let null = open("/dev/null", O_WRONLY)
        EmbeddedPython.beforeFork()
        let child = { () -> pid_t in
            let pid = fork()
            if pid == 0 {
                EmbeddedPython.afterForkInChild()
                let pipes = SandboxChild.Pipes(result: report[1], stdout: null, stderr: null)
                var codes: [Int32] = [-1, 0, 0, 0]
                if let layers = SandboxChild.prepare(
                    directory: directory, pipes: pipes, configuration: configuration, cpuSeconds: 5)
                {
                    let escaped = outside.withUnsafeBufferPointer { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o600) }
                    codes = [
                        escaped >= 0 ? 1 : 0, layers.network ? 1 : 0, layers.landlockABI, layers.unprivileged ? 1 : 0,
                    ]
                }
                _ = codes.withUnsafeBytes { write(SandboxChild.resultDescriptor, $0.baseAddress, $0.count) }
                _exit(0)
            }
            return pid
        }()
        EmbeddedPython.afterForkInParent()
        close(report[1])
        close(null)
        var codes = [Int32](repeating: -1, count: 4)
        _ = codes.withUnsafeMutableBytes { read(report[0], $0.baseAddress, $0.count) }
        close(report[0])
        var status: Int32 = 0
        if child > 0 { waitpid(child, &status, 0) }
        unlink(outside)
        return describe(codes, configuration: configuration)
    }

    private static func describe(_ codes: [Int32], configuration: WorkerConfiguration) -> JSONValue {
        let root = getuid() == 0
        guard codes[0] >= 0 else { return .object([("probe", .string("the probe child failed to set up"))]) }
        let landlock: String
        if !configuration.confineFilesystem {
            landlock = "off (not asked for)"
        } else if codes[2] > 0 && codes[0] == 0 {
            landlock = "active (ABI \(codes[2]))"
        } else {
            landlock = "inactive: the kernel refused Landlock; programs can write wherever their user may"
        }
        return .object([
            ("resource limits", .string("active")),
            ("filesystem (Landlock)", .string(landlock)),
            (
                "network namespace",
                .string(
                    codes[1] == 1
                        ? "active" : root ? "off (not asked for)" : "inactive: needs root; programs have the network")
            ),
            (
                "unprivileged user",
                .string(
                    codes[3] == 1
                        ? "active (uid \(configuration.sandboxUser ?? 0))" : "inactive: the harness is not root")
            ),
            ("cleanup", .string(root ? "child subreaper and per-worker user" : "child subreaper and process group")),
        ])
    }
}

import Benchmark
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

public func makeScratchDirectory(_ name: String) throws -> URL {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("crucible-bench-\(name)-\(getpid())", isDirectory: true)
    try? FileManager.default.removeItem(at: directory)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
}

public struct ProcessRun: Sendable {
    public let status: Int32
    public let seconds: Double
    /// The largest resident set among the process and the descendants it waited for (`wait4`'s `ru_maxrss`).
    public let peakBytes: Int
}

/// Runs `executable` (looked up in PATH when it has no slash; all paths passed to it are absolute) with stdout and
/// stderr sent to files, and waits for it with `waitpid`, timing spawn-to-exit with the monotonic clock.
///
/// Uses posix_spawn rather than Foundation's `Process`, whose `waitUntilExit` polls its run loop every 50 ms. The
/// malloc interposer that the benchmark runner preloads is removed from the child's `LD_PRELOAD`, so the measured
/// program runs as it would from a shell.
public func spawnAndWait(
    _ executable: String, arguments: [String], stdout: String, stderr: String, environment extra: [String: String] = [:]
) throws -> ProcessRun {
    var environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
    if let preload = environment["LD_PRELOAD"] {
        let kept = preload.split(separator: ":").filter {
            $0.contains("libMallocInterposerSwift") == false && $0.contains("libSwiftRuntimeInterposerSwift") == false
        }
        environment["LD_PRELOAD"] = kept.isEmpty ? nil : kept.joined(separator: ":")
    }

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }

    #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
    #else
        var actions = posix_spawn_file_actions_t()
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

    var pid: pid_t = 0
    let start = ContinuousClock.now
    let spawned = posix_spawnp(&pid, executable, &actions, nil, argv, envp)
    guard spawned == 0 else {
        throw BenchmarkFailure("cannot start \(executable): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) == -1 {
        guard errno == EINTR else { throw BenchmarkFailure("waitpid failed for \(executable)") }
    }
    let elapsed = start.duration(to: .now)
    let exited = status & 0x7f == 0
    return ProcessRun(
        status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), seconds: elapsed.seconds,
        peakBytes: Int(usage.ru_maxrss) * 1024)
}

extension Duration {
    public var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}

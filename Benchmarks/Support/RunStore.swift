import Benchmark
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A directory shared by the benchmark processes of one run: the ordo-one tool starts one process per benchmark,
/// all children of the same tool process, so the key is that parent's pid and start time. When the benchmark
/// executable is run directly (all benchmarks in one process), the key is this process instead.
public struct RunStore {
    public let directory: URL

    /// `suite` names the directory (`spider`, `python`).
    public init(suite: String) {
        let spawnedByTool = CommandLine.arguments.contains("--input-fd")
        let owner = spawnedByTool ? getppid() : getpid()
        let key = "\(owner)-\(Self.startTime(of: owner))"
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("crucible-\(suite)-benchmark-\(key)", isDirectory: true)
    }

    /// The process start time in clock ticks since boot (field 22 of /proc/PID/stat), "0" where unavailable.
    private static func startTime(of pid: pid_t) -> String {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let closing = stat.lastIndex(of: ")")
        else { return "0" }
        let fields = stat[stat.index(after: closing)...].split(separator: " ")
        return fields.count > 19 ? String(fields[19]) : "0"
    }

    public func write(_ key: String, samples: Samples) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try JSONEncoder().encode(samples).write(to: directory.appendingPathComponent("\(key).json"), options: .atomic)
    }

    public func readAll(keys: [String]) -> [String: Samples] {
        var result: [String: Samples] = [:]
        for key in keys {
            let file = directory.appendingPathComponent("\(key).json")
            if let data = try? Data(contentsOf: file), let samples = try? JSONDecoder().decode(Samples.self, from: data)
            {
                result[key] = samples
            }
        }
        return result
    }

    public func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

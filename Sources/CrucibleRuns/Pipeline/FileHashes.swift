public import CrucibleBenchmarks
import CrucibleCore
import Dispatch
import Foundation
import Synchronization

/// SHA-256 of the files a run's verdicts depend on, recorded in its configuration so that a resumed run, a shard
/// or a merge on changed data is refused.
public enum FileHashes {
    public static func sha256(_ path: String) throws(DatasetError) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DatasetError(.missingFile, file: path, "cannot read the file")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(chunk) }
        return hasher.hexDigest()
    }

    /// Every database file the tasks use, by path relative to `root`, hashed in parallel.
    public static func databases(_ tasks: [SQLTask], root: String) throws(DatasetError) -> [String: String] {
        let paths = Array(Set(tasks.flatMap(\.databasePaths))).sorted()
        let hashes = Mutex([String: Result<String, DatasetError>]())
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let result = Result { () throws(DatasetError) in try sha256(paths[index]) }
            hashes.withLock { $0[paths[index]] = result }
        }
        let prefix = URL(fileURLWithPath: root).standardizedFileURL.path + "/"
        var named: [String: String] = [:]
        for path in paths {
            let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
            let name = standardized.hasPrefix(prefix) ? String(standardized.dropFirst(prefix.count)) : standardized
            named[name] = try hashes.withLock { $0[path]! }.get()
        }
        return named
    }
}

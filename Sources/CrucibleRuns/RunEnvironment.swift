import CrucibleCore
public import CruciblePython
import CrucibleSQL
import Foundation

/// What a run ran on, stored with it: the harness, SQLite, the Python interpreter and libraries the workers
/// reported, the confinement layers, the operating system and the cores.
public enum RunEnvironment {
    /// `commit`: the git commit crucible was built from and whether its tracked files were modified (nil: unknown).
    public static func json(
        crucibleVersion: String, commit: (hash: String, modified: Bool?)? = nil, python: WorkerEnvironment?
    ) -> String {
        var system = utsname()
        uname(&system)
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        }
        var object: [(String, JSONValue)] = [
            ("crucible", .string(crucibleVersion)),
            ("crucible_commit", commit.map { .string($0.hash) } ?? .null),
            ("crucible_modified", commit?.modified.map(JSONValue.bool) ?? .null),
            ("sqlite", .string(SQLiteConnection.libraryVersion)),
            ("os", .string("\(field(system.sysname)) \(field(system.release)) \(field(system.machine))")),
            ("cpus", .number(Double(ProcessInfo.processInfo.activeProcessorCount))),
            ("memory_bytes", .number(Double(ProcessInfo.processInfo.physicalMemory))),
        ]
        if let python {
            object.append(("python", .string(python.python)))
            object.append(
                (
                    "libraries",
                    .object(
                        python.libraries.keys.sorted().map { name in
                            (name, python.libraries[name].flatMap { $0 }.map(JSONValue.string) ?? .null)
                        })
                ))
            object.append(
                (
                    "confinement",
                    .object(python.confinement.keys.sorted().map { ($0, .string(python.confinement[$0]!)) })
                ))
        }
        return JSONValue.object(object).serialized()
    }
}

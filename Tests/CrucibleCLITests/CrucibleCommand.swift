import CrucibleTestSupport
import Foundation

/// Runs the built `crucible` executable as a real process.
enum CrucibleCommand {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packageRoot = CrucibleExecutable.packageRoot

    static var executable: String { CrucibleExecutable.path }

    /// The environment the tests run crucible in: the generation cache is off unless a test names one, so that
    /// runs in other tests (or earlier test runs) never answer a test's requests and request counts stay exact.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["CRUCIBLE_GENERATION_CACHE"] = "off"
        environment.merge(extra) { _, new in new }
        return environment
    }

    static func run(
        _ arguments: [String], environment extra: [String: String] = [:],
        executable: String = CrucibleCommand.executable
    ) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment(extra)
        process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func temporaryFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "crucible-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }
}

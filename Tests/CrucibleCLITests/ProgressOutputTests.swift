import CrucibleTestSupport
import Foundation
import Testing

/// What `crucible run` shows while it works, on a real terminal (a pseudo-terminal made by util-linux `script`),
/// against `LocalModelServer` (a local HTTP server standing in for a slow model): the progress line with done/total,
/// requests in flight, rate and ETA; and nothing but the summary line with --quiet.
@Suite("Progress on a terminal", .serialized)
struct ProgressOutputTests {
    static func onTerminal(_ arguments: [String]) throws -> String {
        let quoted = ([CrucibleCommand.executable] + arguments).map {
            "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["--quiet", "--return", "--command", quoted.joined(separator: " "), "/dev/null"]
        process.environment = CrucibleCommand.environment()
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    @Test func theProgressLineShowsDoneInFlightRateAndETA() throws {
        let answers = try RunResumeTests.completions()
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try LocalModelServer { _, request in
            usleep(600_000)
            let prompt = request.object?["prompt"] as? String ?? ""
            return .completions([answers[prompt] ?? "    pass\n"])
        }
        defer { server.stop() }
        let arguments = [
            "run", "--benchmark", "humaneval", "--dataset", RunResumeTests.dataset, "--model", "openai:stand-in",
            "--base-url", server.baseURL.absoluteString, "--endpoint", "completions", "--concurrency", "2",
            "--timeout", "5",
        ]
        let shown = try Self.onTerminal(arguments + ["--run-dir", "\(folder)/a"])
        #expect(shown.contains("generating: "), "\(shown)")
        #expect(shown.contains("/6 · "), "\(shown)")
        #expect(shown.contains(" in flight · "), "\(shown)")
        #expect(shown.contains("/s · ETA "), "\(shown)")
        #expect(shown.contains("humaneval: 3/6 tasks passed"), "\(shown)")

        let quiet = try Self.onTerminal(arguments + ["--run-dir", "\(folder)/b", "--quiet"])
        #expect(!quiet.contains("generating: "), "\(quiet)")
        #expect(quiet.contains("humaneval: 3/6 tasks passed"), "\(quiet)")
    }
}

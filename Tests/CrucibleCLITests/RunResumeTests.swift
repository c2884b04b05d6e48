import CrucibleRuns
import CrucibleTestSupport
import Foundation
import Glibc
import Synchronization
import Testing

/// `crucible run` against `LocalModelServer`, a local HTTP server standing in for a model (it answers each prompt
/// with a fixed completion): killed with SIGKILL again and again, then resumed, the run ends exactly as an
/// uninterrupted one, and no answered and stored generation is asked for again.
@Suite("crucible run, killed and resumed", .serialized)
struct RunResumeTests {
    static let dataset = "\(CrucibleCommand.packageRoot)/Datasets/python-sample/humaneval.jsonl"

    /// Prompt → completion: the canonical solution for even-numbered tasks, a wrong one for the others.
    static func completions() throws -> [String: String] {
        var byPrompt: [String: String] = [:]
        let lines = try String(contentsOfFile: dataset, encoding: .utf8).split(separator: "\n")
        for (index, line) in lines.enumerated() {
            let task = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let prompt = try #require(task["prompt"] as? String)
            byPrompt[prompt] = index.isMultiple(of: 2) ? task["canonical_solution"] as? String : "    return None\n"
        }
        return byPrompt
    }

    static func arguments(_ directory: String, _ server: LocalModelServer) -> [String] {
        [
            "run", "--benchmark", "humaneval", "--dataset", dataset, "--model", "openai:stand-in", "--base-url",
            server.baseURL.absoluteString, "--endpoint", "completions", "--samples", "3", "--k", "1,3",
            "--concurrency", "1", "--timeout", "5", "--run-dir", directory,
        ]
    }

    static func server(_ answers: [String: String], onRequest: @escaping @Sendable (Int) -> Void = { _ in })
        throws -> LocalModelServer
    {
        try LocalModelServer { index, request in
            onRequest(index)
            let prompt = request.object?["prompt"] as? String ?? ""
            let n = request.object?["n"] as? Int ?? 1
            usleep(100_000)
            return .completions(Array(repeating: answers[prompt] ?? "    pass\n", count: n))
        }
    }

    /// results.jsonl without timings, one canonical JSON text per record.
    static func results(_ directory: String) throws -> [String] {
        try String(contentsOfFile: "\(directory)/results.jsonl", encoding: .utf8).split(separator: "\n").map { line in
            var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            object["seconds"] = nil
            return String(
                decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
    }

    @Test func killedAtSixPointsTheRunEndsAsAnUninterruptedOne() throws {
        let answers = try Self.completions()
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let reference = try Self.server(answers)
        defer { reference.stop() }
        let whole = try CrucibleCommand.run(Self.arguments("\(folder)/whole", reference))
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(reference.requests.count == 6)

        let running = RunningProcess()
        let killAt = KillPoints()
        let server = try Self.server(answers) { index in
            // Killed while this request is in flight: it is never answered to the run, so it may be asked again.
            if killAt.points.withLock({ $0.contains(index) }) { kill(running.pid.withLock { $0 }, SIGKILL) }
        }
        defer { server.stop() }
        let directory = "\(folder)/resumed"
        var kills = 0
        // Five kills inside generation, each after one more answer was stored (requests 1, 3, 5, 7, 9 are cut off).
        for attempt in 0..<5 {
            killAt.points.withLock { $0 = [attempt * 2 + 1] }
            let process = try Self.start(Self.arguments(directory, server), running: running)
            process.waitUntilExit()
            #expect(
                process.terminationReason == Process.TerminationReason.uncaughtSignal,
                "attempt \(attempt) ran to its end")
            kills += 1
        }
        killAt.points.withLock { $0 = [] }
        // A sixth kill once generation is over: during execution (or, on a fast machine, just after it).
        let process = try Self.start(Self.arguments(directory, server), running: running)
        while server.requests.count < 11 && process.isRunning { usleep(10_000) }
        usleep(300_000)
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            kills += 1
        }
        process.waitUntilExit()

        let finished = try CrucibleCommand.run(Self.arguments(directory, server))
        #expect(finished.status == 0, "\(finished.stderr)")
        #expect(try Self.results(directory) == Self.results("\(folder)/whole"))
        // 6 answered requests plus the 5 cut off by a kill; nothing that was answered and stored was asked again.
        #expect(server.requests.count == 11, "\(server.requests.count) requests for 6 tasks and 5 kills in flight")
        let perPrompt = Dictionary(grouping: server.requests) { $0.object?["prompt"] as? String ?? "" }
        #expect(perPrompt.values.allSatisfy { $0.count <= 2 })
        #expect(kills >= 5)
    }

    @Test func aServerThatIsDownEndsInAClearErrorAndTheRunResumesLater() throws {
        let answers = try Self.completions()
        let folder = try CrucibleCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let gone = try Self.server(answers)
        gone.stop()
        var arguments = Self.arguments(folder, gone)
        arguments += ["--request-timeout", "2"]
        let failed = try CrucibleCommand.run(arguments)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("cannot reach the model server"), "\(failed.stderr)")
        #expect(failed.stderr.contains("run the same command again to resume"), "\(failed.stderr)")
        #expect(failed.stderr.contains("127.0.0.1:\(gone.port)"))

        let back = try Self.server(answers)
        defer { back.stop() }
        let resumed = try CrucibleCommand.run(Self.arguments(folder, back))
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("humaneval: "))
        // The run records what it ran on.
        let environment = try #require(try RunStore(path: "\(folder)/run.sqlite").value(for: "environment"))
        let record = try #require(try JSONSerialization.jsonObject(with: Data(environment.utf8)) as? [String: Any])
        #expect((record["python"] as? String)?.hasPrefix("3.11") == true)
        #expect(record["cpus"] as? Int == ProcessInfo.processInfo.activeProcessorCount)
        #expect((record["sqlite"] as? String)?.hasPrefix("3.") == true)
        #expect((record["confinement"] as? [String: String])?["resource limits"] == "active")
    }

    static func start(_ arguments: [String], running: RunningProcess) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CrucibleCommand.executable)
        process.arguments = arguments
        process.environment = CrucibleCommand.environment()
        process.currentDirectoryURL = URL(fileURLWithPath: CrucibleCommand.packageRoot)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        running.pid.withLock { $0 = process.processIdentifier }
        return process
    }
}

/// The crucible process of the current attempt, for the server thread that kills it.
final class RunningProcess: Sendable {
    let pid = Mutex<pid_t>(0)
}

/// Request numbers at whose arrival the running attempt is killed.
final class KillPoints: Sendable {
    let points = Mutex<Set<Int>>([])
}

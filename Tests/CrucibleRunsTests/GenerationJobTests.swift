import CrucibleBenchmarks
import CrucibleCore
import CrucibleModels
import CrucibleRuns
import CrucibleTestSupport
import Foundation
import Testing

/// The generation phase against `LocalModelServer`, a local HTTP server standing in for a model: every sample is
/// stored as it arrives, and a run stopped by the server going away resumes asking only for what is missing.
@Suite("Generation into the run store")
struct GenerationJobTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "crucible-generation-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    static let taskIDs = (0..<4).map { TaskID("HumanEval/\($0)") }

    func job(_ server: LocalModelServer, samples: Int = 2) -> GenerationJob {
        let model = OpenAICompatibleModel(
            configuration: .init(
                baseURLs: [server.baseURL], model: "stand-in", concurrency: 1,
                retry: RetryPolicy(retries: 0, baseDelay: 0.01), requestTimeout: 5))
        let prompts = Self.taskIDs.map {
            GenerationJob.TaskPrompt(
                taskID: $0, requestID: $0.rawValue, prompt: .text("def f_\($0.rawValue.count)():\n"))
        }
        return GenerationJob(
            model: model, prompts: prompts, samples: samples, parameters: SamplingParameters(temperature: 0.8),
            extract: CompletionCode.python, maxOutstanding: 1)
    }

    /// Each answer holds one ```python block per asked sample, numbered by request.
    static func answer(_ index: Int, _ request: LocalModelServer.Request) -> LocalModelServer.Reply {
        let n = request.object?["n"] as? Int ?? 1
        return .completions((0..<n).map { "Here:\n```python\nx = \(index * 10 + $0)\n```" })
    }

    @Test func everySampleIsStoredRawAndExtracted() async throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try LocalModelServer(reply: Self.answer)
        defer { server.stop() }
        let store = try RunStore(path: folder + "/run.sqlite")
        try store.setTasks(Self.taskIDs.map { ($0, nil) })
        let report = try await job(server).run(store: store)
        #expect(report.requests == 4)
        #expect(report.stored == 8)
        let stored = try store.generations(round: 0)
        #expect(stored.count == 8)
        #expect(stored[1].taskID == "HumanEval/0" && stored[1].sample == 1)
        #expect(stored[1].raw == "Here:\n```python\nx = 1\n```")
        #expect(stored[1].code == "x = 1\n")
        #expect(stored[1].model == "openai:stand-in")
        #expect(stored[1].promptHash.count == 64)
        #expect(server.requests.allSatisfy { $0.object?["temperature"] as? Double == 0.8 })
    }

    @Test func aServerThatGoesAwayStopsTheRunWhichThenResumes() async throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/run.sqlite"
        let failing = try LocalModelServer { index, request in index < 2 ? Self.answer(index, request) : .drop }
        let store = try RunStore(path: path)
        try store.setTasks(Self.taskIDs.map { ($0, nil) })
        await #expect {
            _ = try await job(failing).run(store: store)
        } throws: { error in
            guard let error = error as? RunError else { return false }
            return error.code == .model && error.message.contains("4 of 8 samples are stored")
                && error.message.contains("run the same command again")
        }
        failing.stop()
        #expect(try store.generations(round: 0).count == 4)

        let healthy = try LocalModelServer(reply: Self.answer)
        defer { healthy.stop() }
        let resumed = try await job(healthy).run(store: try RunStore(path: path))
        // Only the two tasks that had nothing were asked for, each once, for both its samples.
        #expect(healthy.requests.count == 2)
        #expect(healthy.requests.map { $0.object?["n"] as? Int } == [2, 2])
        #expect(resumed.stored == 4)
        let stored = try RunStore(path: path).generations(round: 0)
        #expect(stored.map { "\($0.taskID)#\($0.sample)" } == Self.taskIDs.flatMap { ["\($0)#0", "\($0)#1"] })
        #expect(try RunStore(path: path).missingSamples(round: 0, samples: 2).isEmpty)
    }

    @Test func onlyTheMissingSamplesAreAskedFor() async throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try LocalModelServer(reply: Self.answer)
        defer { server.stop() }
        let store = try RunStore(path: folder + "/run.sqlite")
        try store.setTasks(Self.taskIDs.map { ($0, nil) })
        _ = try await job(server, samples: 1).run(store: store)
        #expect(server.requests.count == 4)
        // Asking for 3 samples now wants samples 1 and 2 of every task: one request each, starting at sample 1.
        _ = try await job(server, samples: 3).run(store: store)
        #expect(server.requests.count == 8)
        #expect(server.requests.suffix(4).map { $0.object?["n"] as? Int } == [2, 2, 2, 2])
        #expect(try store.generations(round: 0).count == 12)
    }
}

import CrucibleBenchmarks
import CrucibleCore
import CrucibleModels
import CrucibleRuns
import CrucibleTestSupport
import Foundation
import Testing

/// The cross-run generation cache against `LocalModelServer` (a local HTTP server standing in for a model): a new
/// run whose requests are identical to an earlier run's (model, prompt, sampling parameters, sample index) is
/// answered from the cache; anything else still goes to the model.
@Suite("Generation cache")
struct GenerationCacheTests {
    static let taskIDs = (0..<4).map { TaskID("task/\($0)") }

    func job(
        _ server: LocalModelServer, cache: GenerationCache, samples: Int = 2, temperature: Double = 0.8
    ) -> GenerationJob {
        let model = OpenAICompatibleModel(
            configuration: .init(
                baseURLs: [server.baseURL], model: "stand-in", concurrency: 1,
                retry: RetryPolicy(retries: 0, baseDelay: 0.01), requestTimeout: 5))
        let prompts = Self.taskIDs.map {
            GenerationJob.TaskPrompt(taskID: $0, requestID: $0.rawValue, prompt: .text("# \($0)\ndef f():\n"))
        }
        return GenerationJob(
            model: model, prompts: prompts, samples: samples,
            parameters: SamplingParameters(temperature: temperature), extract: CompletionCode.python,
            maxOutstanding: 1, cache: cache)
    }

    func store(_ folder: String, _ name: String) throws -> RunStore {
        let store = try RunStore(path: "\(folder)/\(name).sqlite")
        try store.setTasks(Self.taskIDs.map { ($0, nil) })
        return store
    }

    @Test func identicalRequestsOfANewRunAreAnsweredFromTheCache() async throws {
        let folder = NSTemporaryDirectory() + "crucible-cache-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try LocalModelServer { index, request in
            let n = request.object?["n"] as? Int ?? 1
            return .completions((0..<n).map { "```python\nx = \(index * 10 + $0)\n```" })
        }
        defer { server.stop() }
        let cachePath = "\(folder)/cache.sqlite"

        let first = try store(folder, "first")
        let firstReport = try await job(server, cache: try GenerationCache(path: cachePath)).run(store: first)
        #expect(firstReport.cached == 0)
        #expect(server.requests.count == 4)

        // A new run, a new cache connection (as a new process would open): nothing is asked.
        let second = try store(folder, "second")
        let secondReport = try await job(server, cache: try GenerationCache(path: cachePath)).run(store: second)
        #expect(secondReport.cached == 8)
        #expect(secondReport.requests == 0)
        #expect(server.requests.count == 4)
        let texts = { (store: RunStore) in
            try store.generations(round: 0).map { [$0.taskID.rawValue, String($0.sample), $0.raw] }
        }
        #expect(try texts(second) == texts(first))

        // One more sample per task: only sample 2 of each task is asked for.
        let third = try store(folder, "third")
        let thirdReport = try await job(server, cache: try GenerationCache(path: cachePath), samples: 3).run(
            store: third)
        #expect(thirdReport.cached == 8)
        #expect(server.requests.count == 8)
        #expect(server.requests.suffix(4).allSatisfy { $0.object?["n"] as? Int == 1 })

        // Other sampling parameters are other requests.
        let fourth = try store(folder, "fourth")
        let fourthReport = try await job(server, cache: try GenerationCache(path: cachePath), temperature: 0.2).run(
            store: fourth)
        #expect(fourthReport.cached == 0)
        #expect(server.requests.count == 12)
    }
}

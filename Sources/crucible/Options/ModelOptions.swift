import ArgumentParser
import CrucibleModels
import CrucibleRuns
import Foundation

/// The model and how it is asked.
struct ModelOptions: ParsableArguments {
    @Option(help: "openai:MODEL (an OpenAI-compatible server), replay:FILE (recorded answers), command:PROGRAM.")
    var model: String

    @Option(name: .customLong("base-url"), help: "openai: the server root, e.g. http://localhost:8000/v1 (repeatable).")
    var baseURLs: [String] = []

    @Option(help: "openai: the environment variable that holds the API key.")
    var apiKeyEnv = "OPENAI_API_KEY"

    @Option(help: "openai: chat or completions.")
    var endpoint: OpenAICompatibleModel.Endpoint = .chat

    @Option(help: "openai: requests in flight at once.")
    var concurrency = 8

    @Option(help: "openai: seconds a request may wait for its answer.")
    var requestTimeout = 600.0

    @Option(help: "The model version evaluated (a checkpoint or training round), recorded in the outputs.")
    var modelVersion: String?

    @Option(help: "Completions per task.")
    var samples = 1

    @Option(help: "Sampling temperature.")
    var temperature: Double?

    @Option(help: "Nucleus sampling probability.")
    var topP: Double?

    @Option(help: "Most tokens per completion.")
    var maxTokens: Int?

    @Option(help: "Sampling seed, when the server supports one.")
    var seed: Int?

    func validate() throws {
        if samples <= 0 { throw ValidationError("--samples must be positive") }
    }

    func specification() throws -> ModelSpecification {
        var specification = try ModelSpecification(model)
        specification.baseURLs = try baseURLs.map { text in
            guard let url = URL(string: text) else { throw ValidationError("--base-url \(text) is not a URL") }
            return url
        }
        specification.apiKey = ProcessInfo.processInfo.environment[apiKeyEnv]
        specification.endpoint = endpoint
        specification.concurrency = concurrency
        specification.requestTimeout = requestTimeout
        return specification
    }

    var sampling: SamplingSettings {
        SamplingSettings(samples: samples, temperature: temperature, topP: topP, maxTokens: maxTokens, seed: seed)
    }
}

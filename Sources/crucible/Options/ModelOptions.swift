import ArgumentParser
import CrucibleModels
import CrucibleRuns
import Foundation

/// The model and its server.
struct ModelOptions: ParsableArguments {
    @Option(help: "openai:MODEL (an OpenAI-compatible server), replay:FILE (recorded answers), command:PROGRAM.")
    var model: String?

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

    @Option(help: "The model version this one was trained from (reports lay versions out along this line).")
    var parentVersion: String?

    /// `--model` with the server settings; nil when no model was given.
    func specification() throws -> ModelSpecification? {
        guard let model else { return nil }
        return try server(ModelSpecification(model))
    }

    /// The server settings applied to `specification`.
    func server(_ specification: ModelSpecification) throws -> ModelSpecification {
        var specification = specification
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
}

public import CrucibleModels
public import Foundation

/// The model `--model` names: `openai:MODEL` (an OpenAI-compatible server), `replay:FILE` (recorded answers) or
/// `command:PROGRAM` (a program speaking JSON lines), with the settings of the server.
public struct ModelSpecification: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case openai, replay, command
    }

    public var kind: Kind
    /// The model name, the recorded file or the program.
    public var target: String
    public var baseURLs: [URL] = []
    public var apiKey: String?
    public var endpoint: OpenAICompatibleModel.Endpoint = .chat
    public var concurrency = 8
    public var requestTimeout = 600.0

    /// Parses `KIND:TARGET`; the error says what is accepted.
    public init(_ text: String) throws(RunError) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[1].isEmpty, let kind = Kind(rawValue: parts[0]) else {
            throw RunError(.input, "--model is openai:MODEL, replay:FILE or command:PROGRAM, not `\(text)`")
        }
        self.kind = kind
        target = parts[1]
    }

    /// As given on the command line, which is how the run's configuration names it.
    public var name: String { "\(kind.rawValue):\(target)" }

    /// The backend. `recorded` reads a replayed answers file or transcript into completions.
    func make(recorded: (String) throws -> RecordedCompletions) throws -> any LanguageModel {
        switch kind {
        case .openai:
            return OpenAICompatibleModel(
                configuration: .init(
                    baseURLs: baseURLs.isEmpty ? [URL(string: "http://localhost:8000/v1")!] : baseURLs, model: target,
                    apiKey: apiKey, endpoint: endpoint, concurrency: concurrency, requestTimeout: requestTimeout))
        case .replay:
            return ReplayModel(identifier: name, recordings: try recorded(target), source: target)
        case .command:
            return try CommandModel(identifier: name, executable: target)
        }
    }

    /// How a prompt text is sent: as a user message to chat endpoints, as plain text to completions endpoints.
    func prompt(_ text: String) -> Prompt {
        endpoint == .chat ? .chat([.user(text)]) : .text(text)
    }
}

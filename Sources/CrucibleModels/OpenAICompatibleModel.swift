public import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Any server that speaks OpenAI's API: vLLM, llama.cpp's server, Ollama, TGI, OpenAI itself.
///
/// Requests are spread over the base URLs in turn, at most `concurrency` at a time; 429, 5xx, timeouts and broken
/// connections are retried with backoff (honouring `Retry-After`); n > 1 is asked for natively and topped up with
/// further requests when a server returns fewer choices than asked (llama.cpp ignores `n`).
public final class OpenAICompatibleModel: LanguageModel, Sendable {
    public enum Endpoint: String, Sendable {
        /// `/v1/chat/completions` with `messages`.
        case chat
        /// `/v1/completions` with `prompt`.
        case completions
    }

    public struct Configuration: Sendable {
        /// Server roots, e.g. `http://localhost:8000/v1`; requests go to `<root>/chat/completions`.
        public var baseURLs: [URL]
        public var model: String
        /// Sent as `Authorization: Bearer KEY`; read by the caller from the environment, never from a file.
        public var apiKey: String?
        public var endpoint: Endpoint
        public var concurrency: Int
        public var retry: RetryPolicy
        /// Seconds a request may go without an answer before it counts as timed out; whole seconds, at least 1
        /// (Linux's URLSession drops fractions, so 0.5 would mean no wait at all).
        public var requestTimeout: Double
        /// Ask for n completions in one request (else one request per completion).
        public var nativeN: Bool

        public init(
            baseURLs: [URL], model: String, apiKey: String? = nil, endpoint: Endpoint = .chat, concurrency: Int = 8,
            retry: RetryPolicy = RetryPolicy(), requestTimeout: Double = 600, nativeN: Bool = true
        ) {
            self.baseURLs = baseURLs
            self.model = model
            self.apiKey = apiKey
            self.endpoint = endpoint
            self.concurrency = concurrency
            self.retry = retry
            self.requestTimeout = max(1, requestTimeout.rounded(.up))
            self.nativeN = nativeN
        }
    }

    public let configuration: Configuration
    public var identifier: String { "openai:\(configuration.model)" }
    private let gate: RequestGate
    private let session: URLSession
    private let nextServer = Mutex(0)
    private let requestCount = Mutex(0)

    public init(configuration: Configuration) {
        precondition(!configuration.baseURLs.isEmpty, "at least one base URL")
        self.configuration = configuration
        gate = RequestGate(limit: configuration.concurrency)
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = configuration.requestTimeout
        sessionConfiguration.httpMaximumConnectionsPerHost = max(1, configuration.concurrency)
        session = URLSession(configuration: sessionConfiguration)
    }

    /// HTTP requests sent so far, retries included.
    public var requestsSent: Int { requestCount.withLock { $0 } }

    /// Requests in flight right now.
    public func requestsInFlight() async -> Int { await gate.active }

    public func complete(_ request: GenerationRequest) async throws(ModelError) -> [Completion] {
        let prompt = request.prompt
        let parameters = request.parameters
        var completions: [Completion] = []
        while completions.count < parameters.n {
            let wanted = configuration.nativeN ? parameters.n - completions.count : 1
            let batch = try await requestChoices(prompt, parameters: parameters, n: wanted)
            guard !batch.isEmpty else {
                throw ModelError(
                    .badResponse, source: configuration.baseURLs[0].absoluteString, "the answer had no choices")
            }
            completions += batch.prefix(parameters.n - completions.count)
        }
        return completions
    }

    private func requestChoices(_ prompt: Prompt, parameters: SamplingParameters, n: Int) async throws(ModelError)
        -> [Completion]
    {
        let body = OpenAIWire.body(
            prompt: prompt, model: configuration.model, endpoint: configuration.endpoint, parameters: parameters, n: n)
        let started = Date()
        var attempt = 0
        while true {
            let server = pickServer()
            let outcome = await send(body, to: server)
            switch outcome {
            case .success(let data):
                let seconds = Date().timeIntervalSince(started)
                return try OpenAIWire.completions(
                    from: data, endpoint: configuration.endpoint, seconds: seconds, source: server.absoluteString)
            case .failure(let error, let retryAfter):
                guard error.isRetryable, attempt < configuration.retry.retries else { throw error.modelError }
                let delay = configuration.retry.delay(attempt: attempt, retryAfter: retryAfter)
                attempt += 1
                try? await Task.sleep(nanoseconds: UInt64(delay * 1e9))
            }
        }
    }

    private func pickServer() -> URL {
        let index = nextServer.withLock { value in
            defer { value += 1 }
            return value
        }
        return configuration.baseURLs[index % configuration.baseURLs.count]
    }

    private enum Outcome {
        case success(Data)
        case failure(Failure, retryAfter: Double?)
    }

    private struct Failure {
        var modelError: ModelError
        var isRetryable: Bool
    }

    private func send(_ body: Data, to server: URL) async -> Outcome {
        let path = configuration.endpoint == .chat ? "chat/completions" : "completions"
        var request = URLRequest(url: server.appendingPathComponent(path))
        request.httpMethod = "POST"
        request.httpBody = body
        request.timeoutInterval = configuration.requestTimeout
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let key = configuration.apiKey { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
        await gate.acquire()
        requestCount.withLock { $0 += 1 }
        let answer: (Data, URLResponse)
        do {
            answer = try await session.data(for: request)
        } catch {
            await gate.release()
            return .failure(
                Self.transportFailure(error, server: server, timeout: configuration.requestTimeout), retryAfter: nil)
        }
        await gate.release()
        let (data, response) = answer
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        if status == 200 { return .success(data) }
        let message = OpenAIWire.errorMessage(data) ?? HTTPURLResponse.localizedString(forStatusCode: status)
        let retryAfter = RetryPolicy.retryAfterSeconds(
            (response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Retry-After"))
        let source = server.absoluteString
        if status == 429 || status >= 500 {
            return .failure(
                Failure(
                    modelError: ModelError(.serverError, source: source, message, status: status), isRetryable: true),
                retryAfter: retryAfter)
        }
        if status == 404 && message.lowercased().contains("model") {
            return .failure(
                Failure(
                    modelError: ModelError(
                        .unknownModel, source: source,
                        "the server does not serve the model \"\(configuration.model)\": \(message)", status: status),
                    isRetryable: false), retryAfter: nil)
        }
        return .failure(
            Failure(modelError: ModelError(.rejected, source: source, message, status: status), isRetryable: false),
            retryAfter: nil)
    }

    private static func transportFailure(_ error: any Error, server: URL, timeout: Double) -> Failure {
        let source = server.absoluteString
        if let urlError = error as? URLError, urlError.code == .timedOut {
            return Failure(
                modelError: ModelError(.timeout, source: source, "no answer within \(timeout) s"), isRetryable: true)
        }
        return Failure(
            modelError: ModelError(
                .unreachable, source: source, "cannot reach the model server (\(error.localizedDescription))"),
            isRetryable: true)
    }
}

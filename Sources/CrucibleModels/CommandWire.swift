import Foundation

/// The JSON line a `CommandModel` sends for a request.
enum CommandWire {
    struct Reply: Sendable {
        var completions: [String]?
        var error: String?
        var promptTokens: Int?
        var completionTokens: Int?
    }

    /// The id and content of one answer line; nil for a line that is not an answer.
    static func reply(_ line: Data) -> (String, Reply)? {
        guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else { return nil }
        guard let id = (object["id"] as? String) ?? (object["id"] as? NSNumber).map({ "\($0)" }) else { return nil }
        return (
            id,
            Reply(
                completions: object["completions"] as? [String], error: object["error"] as? String,
                promptTokens: (object["prompt_tokens"] as? NSNumber)?.intValue,
                completionTokens: (object["completion_tokens"] as? NSNumber)?.intValue)
        )
    }

    static func request(_ request: GenerationRequest, id: String) -> Data {
        let prompt: [String: Any]
        switch request.prompt {
        case .chat(let messages): prompt = ["messages": messages.map { ["role": $0.role, "content": $0.content] }]
        case .text(let text): prompt = ["text": text]
        }
        let parameters = request.parameters
        var object: [String: Any] = [
            "id": id, "request_id": request.id, "task_id": request.taskID, "prompt": prompt, "n": parameters.n,
            "first_sample": request.firstSample,
        ]
        // Round-0 answers keep the line they always had; refinement requests say which round and step they are.
        if request.round != 0 { object["round"] = request.round }
        if request.step != .answer { object["step"] = request.step.rawValue }
        if let temperature = parameters.temperature { object["temperature"] = temperature }
        if let topP = parameters.topP { object["top_p"] = topP }
        if let maxTokens = parameters.maxTokens { object["max_tokens"] = maxTokens }
        if !parameters.stop.isEmpty { object["stop"] = parameters.stop }
        if let seed = parameters.seed { object["seed"] = seed }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }
}

extension GenerationRequest {
    /// The request as one JSON line (without the newline), as `CommandModel` sends it and `--export-prompts` writes
    /// it: `{"id", "request_id", "task_id", "prompt": {"messages"} or {"text"}, "n", "first_sample", ...}`, with `round`
    /// and `step` for refinement requests.
    public func jsonLine(id: String) -> String {
        String(decoding: CommandWire.request(self, id: id), as: UTF8.self)
    }
}

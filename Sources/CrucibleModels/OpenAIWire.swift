import Foundation

/// The JSON of OpenAI's chat and completions endpoints, as much of it as Crucible sends and reads.
enum OpenAIWire {
    static func body(
        prompt: Prompt, model: String, endpoint: OpenAICompatibleModel.Endpoint, parameters: SamplingParameters, n: Int
    ) -> Data {
        var object: [String: Any] = ["model": model, "n": n]
        switch endpoint {
        case .chat:
            let messages: [ChatMessage]
            switch prompt {
            case .chat(let chat): messages = chat
            case .text(let text): messages = [.user(text)]
            }
            object["messages"] = messages.map { ["role": $0.role, "content": $0.content] }
        case .completions:
            object["prompt"] = prompt.plainText
        }
        if let temperature = parameters.temperature { object["temperature"] = temperature }
        if let topP = parameters.topP { object["top_p"] = topP }
        if let maxTokens = parameters.maxTokens { object["max_tokens"] = maxTokens }
        if !parameters.stop.isEmpty { object["stop"] = parameters.stop }
        if let seed = parameters.seed { object["seed"] = seed }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }

    static func completions(
        from data: Data, endpoint: OpenAICompatibleModel.Endpoint, seconds: Double, source: String
    ) throws(ModelError) -> [Completion] {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let choices = object["choices"] as? [[String: Any]]
        else {
            throw ModelError(.badResponse, source: source, "the answer is not an OpenAI completion: \(preview(data))")
        }
        let usage = object["usage"] as? [String: Any]
        let promptTokens = (usage?["prompt_tokens"] as? NSNumber)?.intValue
        let completionTokens = (usage?["completion_tokens"] as? NSNumber)?.intValue
        let sorted = choices.sorted { ($0["index"] as? Int ?? 0) < ($1["index"] as? Int ?? 0) }
        return try sorted.map { choice throws(ModelError) in
            let text: String?
            switch endpoint {
            case .chat: text = (choice["message"] as? [String: Any])?["content"] as? String
            case .completions: text = choice["text"] as? String
            }
            guard let text else {
                throw ModelError(.badResponse, source: source, "a choice has no text: \(preview(data))")
            }
            return Completion(
                text: text, finishReason: choice["finish_reason"] as? String, promptTokens: promptTokens,
                completionTokens: choices.count == 1 ? completionTokens : nil, seconds: seconds)
        }
    }

    /// The `error.message` (or `error` string) of an error answer.
    static func errorMessage(_ data: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            let text = String(decoding: data.prefix(300), as: UTF8.self)
            return text.isEmpty ? nil : text
        }
        if let error = object["error"] as? [String: Any], let message = error["message"] as? String { return message }
        if let error = object["error"] as? String { return error }
        return object["message"] as? String
    }

    private static func preview(_ data: Data) -> String {
        String(decoding: data.prefix(200), as: UTF8.self)
    }
}

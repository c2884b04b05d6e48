/// Something that completes prompts: a served model, recorded completions, or an external program.
public protocol LanguageModel: Sendable {
    /// A stable name for the model (`openai:qwen2.5-coder-7b`), recorded with every generation and used in cache keys.
    var identifier: String { get }
    /// `request.parameters.n` completions of the request's prompt, in sample order.
    func complete(_ request: GenerationRequest) async throws(ModelError) -> [Completion]
}

extension LanguageModel {
    /// A one-off prompt, outside any run.
    public func complete(_ prompt: Prompt, parameters: SamplingParameters) async throws(ModelError) -> [Completion] {
        try await complete(GenerationRequest(id: "", taskID: "", prompt: prompt, parameters: parameters))
    }
}

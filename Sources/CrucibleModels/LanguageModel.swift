/// Something that completes prompts: a served model, recorded completions, or an external program.
public protocol LanguageModel: Sendable {
    /// A stable name for the model (`openai:qwen2.5-coder-7b`), recorded with every generation and used in cache keys.
    var identifier: String { get }
    /// `parameters.n` completions of `prompt`, in order.
    func complete(_ prompt: Prompt, parameters: SamplingParameters) async throws(ModelError) -> [Completion]
}

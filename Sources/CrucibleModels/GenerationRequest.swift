/// One thing a run asks a model for: a prompt with a stable id, and how to sample it.
public struct GenerationRequest: Sendable, Hashable, Codable {
    /// Stable across runs and machines (the task id, with the round for refinement prompts): what exported prompts,
    /// imported completions and recorded answers are matched by.
    public var id: String
    public var taskID: String
    public var prompt: Prompt
    public var parameters: SamplingParameters
    /// The samples asked for are `firstSample ..< firstSample + parameters.n`: a resumed run that still needs samples
    /// 3 and 4 of a task asks for those, and a replay or a cache answers with what it holds for them.
    public var firstSample: Int

    public init(
        id: String, taskID: String, prompt: Prompt, parameters: SamplingParameters = SamplingParameters(),
        firstSample: Int = 0
    ) {
        self.id = id
        self.taskID = taskID
        self.prompt = prompt
        self.parameters = parameters
        self.firstSample = firstSample
    }
}

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
    /// 0 for a task's first answers; a refinement round's repair requests carry their round.
    public var round: Int
    /// What the answer is: code, or (in explain-then-fix repairs) the explanation that precedes it.
    public var step: GenerationStep

    public init(
        id: String, taskID: String, prompt: Prompt, parameters: SamplingParameters = SamplingParameters(),
        firstSample: Int = 0, round: Int = 0, step: GenerationStep = .answer
    ) {
        self.id = id
        self.taskID = taskID
        self.prompt = prompt
        self.parameters = parameters
        self.firstSample = firstSample
        self.round = round
        self.step = step
    }
}

/// The two requests of an explain-then-fix repair (LEDEX): the model first explains what is wrong, then answers.
public enum GenerationStep: String, Sendable, Hashable, Codable {
    case answer
    case explanation
}

public import CrucibleCore

/// One completion as the run store keeps it: what was asked, what came back, and what will be run.
public struct StoredGeneration: Sendable, Hashable {
    public var taskID: TaskID
    /// 0 for the first attempt; refinement rounds count up from 1.
    public var round: Int
    public var sample: Int
    public var requestID: String
    public var model: String
    /// SHA-256 of the prompt's canonical JSON (the cache key's prompt part).
    public var promptHash: String
    /// The prompt as JSON.
    public var prompt: String
    /// The completion as the model gave it.
    public var raw: String
    /// What is executed: the code extracted from `raw`.
    public var code: String
    public var finishReason: String?
    public var promptTokens: Int?
    public var completionTokens: Int?
    public var seconds: Double

    public init(
        taskID: TaskID, round: Int, sample: Int, requestID: String, model: String, promptHash: String, prompt: String,
        raw: String, code: String, finishReason: String? = nil, promptTokens: Int? = nil, completionTokens: Int? = nil,
        seconds: Double
    ) {
        self.taskID = taskID
        self.round = round
        self.sample = sample
        self.requestID = requestID
        self.model = model
        self.promptHash = promptHash
        self.prompt = prompt
        self.raw = raw
        self.code = code
        self.finishReason = finishReason
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.seconds = seconds
    }
}

/// The verdict on one stored generation.
public struct StoredExecution: Sendable, Hashable {
    public var taskID: TaskID
    public var round: Int
    public var sample: Int
    /// The engine's status: a Python outcome or a text-to-SQL verdict.
    public var status: ExecutionStatus
    /// Nil when the task is unavailable here.
    public var passed: Bool?
    /// The engine's details as JSON (exception, message, traceback, output, ...).
    public var detail: String
    public var seconds: Double

    public init(
        taskID: TaskID, round: Int, sample: Int, status: ExecutionStatus, passed: Bool?, detail: String,
        seconds: Double
    ) {
        self.taskID = taskID
        self.round = round
        self.sample = sample
        self.status = status
        self.passed = passed
        self.detail = detail
        self.seconds = seconds
    }
}

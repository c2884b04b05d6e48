/// One completion and what it cost.
public struct Completion: Sendable, Hashable, Codable {
    public var text: String
    /// Why generation stopped (`stop`, `length`, ...), as the server said.
    public var finishReason: String?
    /// Token counts as the server reported them for the request that produced this completion (a request for n
    /// completions reports its prompt once; each completion carries it).
    public var promptTokens: Int?
    public var completionTokens: Int?
    /// Wall time of the request that produced it, retries included.
    public var seconds: Double

    public init(
        text: String, finishReason: String? = nil, promptTokens: Int? = nil, completionTokens: Int? = nil,
        seconds: Double = 0
    ) {
        self.text = text
        self.finishReason = finishReason
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.seconds = seconds
    }
}

/// How to sample: the parameters every backend understands. Nil leaves a parameter to the server's default.
public struct SamplingParameters: Sendable, Hashable, Codable {
    /// Completions wanted for the prompt.
    public var n: Int
    public var temperature: Double?
    public var topP: Double?
    public var maxTokens: Int?
    public var stop: [String]
    public var seed: Int?

    public init(
        n: Int = 1, temperature: Double? = nil, topP: Double? = nil, maxTokens: Int? = nil, stop: [String] = [],
        seed: Int? = nil
    ) {
        self.n = n
        self.temperature = temperature
        self.topP = topP
        self.maxTokens = maxTokens
        self.stop = stop
        self.seed = seed
    }
}

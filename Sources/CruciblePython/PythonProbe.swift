// TEMPORARY STUB (replaced by the probe branch)
public struct PythonProbe: Sendable, Hashable, Codable {
    public var candidateFile: String
    public var candidateLines: ClosedRange<Int>?
    public var candidateSource: String
    public var trace: Bool
    public var traceCap: Int
    public var maxSteps: Int
    public init(
        candidateFile: String = "<program>", candidateLines: ClosedRange<Int>? = nil, candidateSource: String = "",
        trace: Bool = false, traceCap: Int = 4096, maxSteps: Int = 10000
    ) {
        self.candidateFile = candidateFile; self.candidateLines = candidateLines;
        self.candidateSource = candidateSource; self.trace = trace; self.traceCap = traceCap; self.maxSteps = maxSteps
    }
}
public struct FailedAssertion: Sendable, Hashable, Codable {
    public var statement: String
    public var actual: String?
    public var expected: String?
}

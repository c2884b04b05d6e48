/// What a program run should capture besides its verdict, to show a model why its code failed (refinement
/// feedback): the values of a failed equality assertion, and optionally a NExT-style trace of the candidate's own
/// code. Ordinary runs have none; a probe never changes a verdict.
public struct PythonProbe: Sendable, Hashable, Codable {
    /// The file the candidate's code runs under: `<program>`, or `<string>` where the tests `exec` it.
    public var candidateFile: String
    /// The candidate's lines in that file; nil for all.
    public var candidateLines: ClosedRange<Int>?
    /// The candidate's text, which the trace annotates (its first line is `candidateLines.lowerBound`, or 1).
    public var candidateSource: String
    public var trace: Bool
    /// The trace's largest size in UTF-8 bytes, marker included.
    public var traceCap: Int
    /// Line events traced per call before line tracing stops (the final values are still recorded).
    public var maxSteps: Int

    public init(
        candidateFile: String = "<program>", candidateLines: ClosedRange<Int>? = nil, candidateSource: String = "",
        trace: Bool = false, traceCap: Int = 4096, maxSteps: Int = 10000
    ) {
        self.candidateFile = candidateFile
        self.candidateLines = candidateLines
        self.candidateSource = candidateSource
        self.trace = trace
        self.traceCap = traceCap
        self.maxSteps = maxSteps
    }
}

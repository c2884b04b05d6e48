/// One program to run in the sandbox: the full source (task prompt, completion and tests already assembled).
public struct PythonProgram: Sendable, Hashable, Codable {
    /// The caller's identifier, echoed in the outcome.
    public var id: String
    public var source: String
    /// Wall-clock seconds before everything the program started is killed.
    public var timeout: Double
    /// Feedback to capture besides the verdict; nil for ordinary runs.
    public var probe: PythonProbe?

    public init(id: String, source: String, timeout: Double) {
        self.id = id
        self.source = source
        self.timeout = timeout
    }
}

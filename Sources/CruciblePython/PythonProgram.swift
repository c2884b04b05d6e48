/// One program to run in the sandbox: the full source (task prompt, completion and tests already assembled).
public struct PythonProgram: Sendable, Hashable, Codable {
    /// The caller's identifier, echoed in the outcome.
    public var id: String
    public var source: String
    /// Wall-clock seconds before everything the program started is killed.
    public var timeout: Double
    /// Feedback to capture besides the verdict; nil for ordinary runs.
    public var probe: PythonProbe?
    /// The program only runs the benchmark's own code and compares literals (a CRUXEval output prediction that is
    /// a literal): nothing it does can outlive its namespace, so several such programs may share one sandboxed
    /// child (`PythonWorker.runBatch`), which spares a fork per program. Nil or false: a child of its own.
    public var isLiteralCheck: Bool?

    public init(id: String, source: String, timeout: Double) {
        self.id = id
        self.source = source
        self.timeout = timeout
    }
}

/// Several literal checks sent to a worker at once; the worker answers with one outcome per program, in order.
struct PythonBatch: Codable {
    var batch: [PythonProgram]
}

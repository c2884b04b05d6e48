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
    /// The program may run in a child shared with other programs if the worker's audit finds it self-contained
    /// (`SharedChildScript`); nil or false: a child of its own. For test programs whose benchmark code imports
    /// nothing heavy (HumanEval, MBPP, CRUXEval), not for DS-1000's.
    public var mayShareChild: Bool?

    public init(id: String, source: String, timeout: Double) {
        self.id = id
        self.source = source
        self.timeout = timeout
    }
}

/// Several programs that may share a child, sent to a worker at once; the worker answers with one outcome per
/// program, in order.
struct PythonBatch: Codable {
    var batch: [PythonProgram]
}

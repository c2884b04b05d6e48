/// How one program ended.
public struct PythonOutcome: Sendable, Hashable, Codable {
    /// The verdict categories of a Python program.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Ran to the end without raising.
        case passed
        /// An assertion failed.
        case failed
        /// Raised another exception (or called `sys.exit`).
        case error
        /// Ran past its deadline and was killed.
        case timeout
        /// Hit its memory limit.
        case memory
        /// Died without reporting: a signal, `os._exit`, or the worker running it died.
        case crashed
        /// Needs a library that is not installed or the network, which the sandbox does not have.
        case unavailable
    }

    public var status: Status
    /// The exception's type name, for `failed`, `error`, `memory` and `unavailable`.
    public var exceptionType: String?
    public var message: String?
    /// The traceback lines that belong to the program (`line N, in f: code`).
    public var traceback: [String]
    /// Standard output and error, capped.
    public var stdout: String
    public var stderr: String
    public var seconds: Double
    /// With a probe: the failed assertion's statement and values.
    public var assertion: FailedAssertion?
    /// With a tracing probe: the candidate's trace.
    public var trace: String?
    /// With `--check-stability`: the program run again under other hash seeds, and how many of the runs passed.
    public var stability: Stability?
    /// The program ran in a child shared with other programs (`PythonWorker.runBatch`), not in one of its own.
    public var sharedChild: Bool?

    /// How many of a program's runs, each in new workers with its own hash seed and fresh randomness, passed.
    public struct Stability: Sendable, Hashable, Codable {
        public var runs: Int
        public var passed: Int

        public init(runs: Int, passed: Int) {
            self.runs = runs
            self.passed = passed
        }

        /// Some runs passed and some did not: the verdict depends on the seed or on chance.
        public var isUnstable: Bool { passed > 0 && passed < runs }
    }

    public init(
        status: Status, exceptionType: String? = nil, message: String? = nil, traceback: [String] = [],
        stdout: String = "", stderr: String = "", seconds: Double = 0
    ) {
        self.status = status
        self.exceptionType = exceptionType
        self.message = message
        self.traceback = traceback
        self.stdout = stdout
        self.stderr = stderr
        self.seconds = seconds
    }
}

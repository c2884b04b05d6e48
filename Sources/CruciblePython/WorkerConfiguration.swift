/// What a worker process needs to know, passed to it as one JSON argument.
public struct WorkerConfiguration: Sendable, Hashable, Codable {
    /// Directories put first on the embedded interpreter's `sys.path` (`--python-path`).
    public var pythonPaths: [String]
    /// Modules imported once in the worker before any fork; their versions are recorded.
    public var preload: [String]
    /// Further modules imported once before any fork, found in the programs' own import statements (not recorded;
    /// one that fails to import is left for the program to fail on).
    public var programImports: [String] = []
    /// Python run once in the worker after the imports and before any fork, in a namespace of its own, to fill the
    /// libraries' caches every child would otherwise fill again (errors are ignored).
    public var warmUp: String?
    /// Top-level modules whose absence, when the task's own harness imports them, makes a program `unavailable`
    /// rather than an error (torch, tensorflow). Empty: nothing is ever unavailable (HumanEval, MBPP), not even
    /// a download, which then fails like any other error.
    public var optionalModules: [String]
    public var limits: SandboxLimits
    /// The user id programs run as when the worker is root; nil lets each worker pick one of its own.
    public var sandboxUser: UInt32?
    /// Whether each program gets a network namespace of its own (no network at all).
    public var isolateNetwork: Bool
    /// Where per-program working directories are created.
    public var temporaryRoot: String
    /// Restrict the filesystem with Landlock: read-only system and library folders, the Python paths and
    /// `readablePaths`; write access to the program's own directory only.
    public var confineFilesystem: Bool
    /// Folders programs may read besides the system ones (a benchmark's data, e.g. `SEABORN_DATA`).
    public var readablePaths: [String]
    /// The folder, made by the harness, that holds the worker's program directory (one fixed path, recreated
    /// for every program). The harness removes it when the worker is gone, even after a crash. Nil: the worker
    /// makes one under `temporaryRoot`.
    public var workerDirectory: String?

    public init(
        pythonPaths: [String] = [], preload: [String] = [], optionalModules: [String] = [],
        limits: SandboxLimits = SandboxLimits(), sandboxUser: UInt32? = nil, isolateNetwork: Bool = true,
        temporaryRoot: String = "/tmp", confineFilesystem: Bool = true, readablePaths: [String] = []
    ) {
        self.confineFilesystem = confineFilesystem
        self.readablePaths = readablePaths
        self.pythonPaths = pythonPaths
        self.preload = preload
        self.optionalModules = optionalModules
        self.limits = limits
        self.sandboxUser = sandboxUser
        self.isolateNetwork = isolateNetwork
        self.temporaryRoot = temporaryRoot
    }
}

/// What a worker reports once its interpreter is ready.
public struct WorkerEnvironment: Sendable, Hashable, Codable {
    public var python: String
    public var executable: String
    /// Each preloaded module's version, or nil when it is not installed.
    public var libraries: [String: String?]
    public var path: [String]
    /// Each confinement layer and whether it is active here ("active", or why not).
    public var confinement: [String: String]
}

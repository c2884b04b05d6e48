/// The resource limits each program runs under.
public struct SandboxLimits: Sendable, Hashable, Codable {
    /// Address space in bytes (`RLIMIT_AS`); the preloaded libraries count too.
    public var memoryBytes: UInt64
    /// Bytes any one file the program writes may reach (`RLIMIT_FSIZE`).
    public var fileBytes: UInt64
    /// Processes the program's user may have at once (`RLIMIT_NPROC`, effective once privileges are dropped).
    public var processes: UInt64
    /// Open file descriptors (`RLIMIT_NOFILE`).
    public var openFiles: UInt64
    /// Bytes of standard output and of standard error kept; the rest is read and dropped.
    public var outputBytes: Int

    public init(
        memoryBytes: UInt64 = 8 << 30, fileBytes: UInt64 = 256 << 20, processes: UInt64 = 64, openFiles: UInt64 = 256,
        outputBytes: Int = 64 << 10
    ) {
        self.memoryBytes = memoryBytes
        self.fileBytes = fileBytes
        self.processes = processes
        self.openFiles = openFiles
        self.outputBytes = outputBytes
    }
}

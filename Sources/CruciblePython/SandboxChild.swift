internal import CSandbox
import Glibc

/// What the forked child does before it runs a program: its own process group, default signal dispositions,
/// standard streams on pipes, no other inherited descriptors, a fresh working directory, no network, resource
/// limits, and (when the worker is root) an unprivileged user, so it can neither raise its limits nor undo
/// anything else. Runs between `fork` and the program: only async-signal-safe system calls, no allocation.
enum SandboxChild {
    /// The descriptor the child reports its verdict on.
    static let resultDescriptor: Int32 = 3

    struct Pipes {
        var result: Int32
        var stdout: Int32
        var stderr: Int32
    }

    /// Sets the child up; returns false when a step that must not fail did (the child then exits unreported).
    static func prepare(
        directory: UnsafePointer<CChar>, pipes: Pipes, configuration: WorkerConfiguration, cpuSeconds: UInt64
    ) -> Bool {
        setpgid(0, 0)
        _ = crucible_set_parent_death_signal(SIGKILL)
        // Swift's runtime installs crash handlers that would turn a crash into a clean exit.
        for signal in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGPIPE, SIGXCPU, SIGXFSZ] {
            Glibc.signal(signal, SIG_DFL)
        }
        var none = sigset_t()
        sigemptyset(&none)
        sigprocmask(SIG_SETMASK, &none, nil)

        let null = open("/dev/null", O_RDONLY)
        guard null >= 0, dup2(null, 0) == 0, dup2(pipes.stdout, 1) == 1, dup2(pipes.stderr, 2) == 2,
            dup2(pipes.result, resultDescriptor) == resultDescriptor
        else { return false }
        _ = crucible_close_from(UInt32(resultDescriptor + 1))
        guard chdir(directory) == 0 else { return false }

        let root = getuid() == 0
        if configuration.isolateNetwork && root && crucible_unshare_network() != 0 { return false }
        let limits = configuration.limits
        _ = crucible_limit_core(0)
        guard crucible_limit_memory(limits.memoryBytes) == 0, crucible_limit_cpu(cpuSeconds) == 0,
            crucible_limit_file_size(limits.fileBytes) == 0, crucible_limit_open_files(limits.openFiles) == 0
        else { return false }
        if root, let user = configuration.sandboxUser {
            guard setgroups(0, nil) == 0, setgid(user) == 0, setuid(user) == 0 else { return false }
            // NPROC counts the user's processes; as root it would not be enforced at all.
            guard crucible_limit_processes(limits.processes) == 0 else { return false }
        }
        return true
    }
}

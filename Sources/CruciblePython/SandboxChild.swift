internal import CSandbox
import Glibc

/// What the forked child does before it runs a program: its own process group, default signal dispositions,
/// standard streams on pipes, no other inherited descriptors, a fresh working directory, no network, resource
/// limits, and (when the worker is root) an unprivileged user, so it can neither raise its limits nor undo
/// anything else. Runs between `fork` and the program: only async-signal-safe system calls, no allocation.
enum SandboxChild {
    /// Set when the worker itself already lives in an empty network namespace, which children inherit.
    nonisolated(unsafe) static var networkIsolatedByWorker = false

    /// The descriptor the child reports its verdict on.
    static let resultDescriptor: Int32 = 3

    struct Pipes {
        var result: Int32
        var stdout: Int32
        var stderr: Int32
    }

    /// Folders every program may read: the interpreter, its libraries, system configuration and devices.
    static let systemReadable = ["/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin", "/etc", "/proc", "/sys", "/dev"]

    /// The confinement layers that took effect in a child.
    struct Layers {
        var network = false
        var landlockABI: Int32 = 0
        var unprivileged = false
    }

    /// Sets the child up; returns nil when a step that must not fail did (the child then exits unreported).
    /// Landlock is best effort: where the kernel refused it, `directory.ruleset` is -1 and `landlockABI` stays 0.
    static func prepare(
        directory: ProgramDirectory, pipes: Pipes, configuration: WorkerConfiguration, cpuSeconds: UInt64
    )
        -> Layers?
    {
        var layers = Layers()
        setpgid(0, 0)
        _ = crucible_set_parent_death_signal(SIGKILL)
        // Swift's runtime installs crash handlers that would turn a crash into a clean exit.
        crucible_default_signal_dispositions()
        var none = sigset_t()
        sigemptyset(&none)
        sigprocmask(SIG_SETMASK, &none, nil)

        let null = open("/dev/null", O_RDONLY)
        guard null >= 0, dup2(null, 0) == 0, dup2(pipes.stdout, 1) == 1, dup2(pipes.stderr, 2) == 2,
            dup2(pipes.result, resultDescriptor) == resultDescriptor
        else { return nil }
        let entered = directory.pathBytes.withUnsafeBufferPointer { chdir($0.baseAddress!) }
        guard entered == 0 else { return nil }
        // The ruleset was built once by the worker and sits above the descriptors just rearranged; enforcing it
        // closes it, and everything else inherited is closed next.
        if directory.ruleset >= 0 {
            guard crucible_landlock_enforce(directory.ruleset) == 0 else { return nil }
            layers.landlockABI = directory.landlockABI
        }
        _ = crucible_close_from(UInt32(resultDescriptor + 1))

        let root = getuid() == 0
        if configuration.isolateNetwork && root {
            guard networkIsolatedByWorker || crucible_unshare_network() == 0 else { return nil }
            layers.network = true
        }
        let limits = configuration.limits
        _ = crucible_limit_core(0)
        guard crucible_limit_memory(limits.memoryBytes) == 0, crucible_limit_cpu(cpuSeconds) == 0,
            crucible_limit_file_size(limits.fileBytes) == 0, crucible_limit_open_files(limits.openFiles) == 0
        else { return nil }
        if root, let user = configuration.sandboxUser {
            guard setgroups(0, nil) == 0, setgid(user) == 0, setuid(user) == 0 else { return nil }
            // NPROC counts the user's processes; as root it would not be enforced at all.
            guard crucible_limit_processes(limits.processes) == 0 else { return nil }
            layers.unprivileged = true
        }
        return layers
    }
}

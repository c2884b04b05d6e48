internal import CSandbox
import Glibc

/// Kills everything a program started and collects the remains. The worker is a child subreaper, so processes
/// that left the program's process group (`setsid`, double forks) are re-parented to it and can be found.
enum ProcessReaper {
    /// A process of the sandbox user that kills every other process of that user on request; started once per
    /// worker so cleaning up after a program costs a pipe round trip instead of a fork. A program can kill it (it
    /// runs as the same user): then a short-lived helper is forked instead and a new one started.
    nonisolated(unsafe) private static var killer: (pid: pid_t, request: Int32, reply: Int32)?

    static func killEverything(group: pid_t, user: UInt32?) {
        kill(-group, SIGKILL)
        let byUser = user != nil && getuid() == 0
        if let user, byUser {
            killAll(ofUser: user)
        }
        for attempt in 0..<4000 {
            let remaining = children().filter { $0 != killer?.pid }
            if !byUser || attempt % 200 == 199 { remaining.forEach { kill($0, SIGKILL) } }
            var status: Int32 = 0
            while waitpid(-1, &status, WNOHANG) > 0 {}
            if remaining.isEmpty { return }
            usleep(250)
        }
    }

    /// The worker's direct children (re-parented descendants included), from
    /// `/proc/self/task/<tid>/children`: the worker is single-threaded.
    static func children() -> [pid_t] {
        let path = "/proc/self/task/\(getpid())/children"
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes.split(separator: UInt8(ascii: " ")).compactMap { pid_t(String(decoding: $0, as: UTF8.self)) }
    }

    private static func killAll(ofUser user: UInt32) {
        if let current = killer {
            var byte: UInt8 = 1
            if write(current.request, &byte, 1) == 1 && read(current.reply, &byte, 1) == 1 { return }
            close(current.request)
            close(current.reply)
            kill(current.pid, SIGKILL)
            killer = nil
        }
        killOnce(ofUser: user)
        startKiller(user: user)
    }

    /// A helper with the program's user id sends SIGKILL to every process that user has (all the program's
    /// processes, since each worker has a user of its own), wherever they are in the process tree.
    private static func killOnce(ofUser user: UInt32) {
        let helper = fork()
        if helper == 0 {
            if setgid(user) == 0 && setuid(user) == 0 {
                kill(-1, SIGKILL)
            }
            _exit(0)
        }
        if helper > 0 {
            var status: Int32 = 0
            waitpid(helper, &status, 0)
        }
    }

    /// Starts the persistent killer (also called once when the worker starts).
    static func startKiller(user: UInt32) {
        guard getuid() == 0 else { return }
        var request: [Int32] = [0, 0]
        var reply: [Int32] = [0, 0]
        guard pipe(&request) == 0, pipe(&reply) == 0 else { return }
        let pid = fork()
        if pid == 0 {
            close(request[1])
            close(reply[0])
            if setgroups(0, nil) == 0 && setgid(user) == 0 && setuid(user) == 0 {
                var byte: UInt8 = 0
                while read(request[0], &byte, 1) == 1 {
                    kill(-1, SIGKILL)
                    if write(reply[1], &byte, 1) != 1 { break }
                }
            }
            _exit(0)
        }
        close(request[0])
        close(reply[1])
        guard pid > 0 else {
            close(request[1])
            close(reply[0])
            return
        }
        killer = (pid, request[1], reply[0])
    }
}

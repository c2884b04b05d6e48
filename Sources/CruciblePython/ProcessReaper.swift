internal import CSandbox
import Foundation
import Glibc

/// Kills everything a program started and collects the remains. The worker is a child subreaper, so processes
/// that left the program's process group (`setsid`, double forks) are re-parented to it and can be found.
enum ProcessReaper {
    static func killEverything(group: pid_t, user: UInt32?) {
        kill(-group, SIGKILL)
        // With a user of its own, one signal reaches every process the program started; without one, the
        // re-parented descendants are found by scanning /proc, which costs milliseconds.
        let byUser = user != nil && getuid() == 0
        if let user, byUser {
            killAll(ofUser: user)
        }
        for attempt in 0..<2000 {
            if !byUser || attempt > 0 && attempt % 100 == 0 { killChildren() }
            if !reapChildren() { return }
            usleep(500)
        }
    }

    /// A helper with the program's user id sends SIGKILL to every process that user has (all the program's
    /// processes, since each worker has a user of its own), wherever they are in the process tree.
    private static func killAll(ofUser user: UInt32) {
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

    /// SIGKILL to every remaining direct child (re-parented descendants included).
    private static func killChildren() {
        let me = getpid()
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return }
        for entry in entries {
            guard let pid = Int32(entry),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 2, Int32(fields[1]) == me { kill(pid, SIGKILL) }
        }
    }

    /// Reaps what has exited; true while some child remains.
    private static func reapChildren() -> Bool {
        var status: Int32 = 0
        while true {
            let pid = waitpid(-1, &status, WNOHANG)
            if pid > 0 { continue }
            return pid == 0
        }
    }
}

internal import CSandbox
import Foundation
import Glibc

/// Watches one forked child: gathers its verdict and capped output, enforces the wall-clock deadline, and notices
/// its exit through a pidfd even while descendants it left behind still hold its pipes open.
struct ChildMonitor {
    var report: [UInt8] = []
    var stdout: [UInt8] = []
    var stderr: [UInt8] = []
    var timedOut = false
    var exitStatus: Int32?

    /// `timeout` runs from the fork, or, with `renewedByReports`, from the last bytes of report (a shared child
    /// reports after each of its programs, and each has a program's deadline).
    static func collect(
        child: pid_t, result: Int32, stdout: Int32, stderr: Int32, timeout: Double, outputCap: Int, user: UInt32?,
        renewedByReports: Bool = false
    ) -> ChildMonitor {
        var monitor = ChildMonitor()
        let allowance = UInt64(max(0, timeout) * 1e9)
        var deadline = DispatchTime.now().uptimeNanoseconds + allowance
        let exitWatch = crucible_pidfd_open(child)
        var open: [Int32: Int] = [result: 0, stdout: 1, stderr: 2]
        var childDone = false
        var drainUntil: UInt64 = .max
        while !open.isEmpty {
            let now = DispatchTime.now().uptimeNanoseconds
            if !childDone && now >= deadline {
                monitor.timedOut = true
                kill(-child, SIGKILL)
                kill(child, SIGKILL)
                monitor.exitStatus = wait(for: child)
                childDone = true
            }
            if childDone {
                if drainUntil == .max {
                    ProcessReaper.killEverything(group: child, user: user)
                    drainUntil = now + 1_000_000_000
                }
                if now >= drainUntil { break }
            }
            var fds = open.keys.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if !childDone && exitWatch >= 0 { fds.append(pollfd(fd: exitWatch, events: Int16(POLLIN), revents: 0)) }
            let limit = childDone ? drainUntil : deadline
            let wait = Int32(clamping: max(1, (limit - min(limit, now)) / 1_000_000))
            let ready = poll(&fds, nfds_t(fds.count), exitWatch >= 0 || childDone ? wait : min(wait, 20))
            if ready < 0 && errno != EINTR { break }
            for entry in fds where entry.revents != 0 {
                if entry.fd == exitWatch {
                    monitor.exitStatus = Self.wait(for: child)
                    childDone = true
                    continue
                }
                guard let kind = open[entry.fd] else { continue }
                if !monitor.read(entry.fd, kind: kind, cap: outputCap) {
                    close(entry.fd)
                    open[entry.fd] = nil
                } else if kind == 0 && renewedByReports {
                    deadline = DispatchTime.now().uptimeNanoseconds + allowance
                }
            }
            if exitWatch < 0 && !childDone {
                var status: Int32 = 0
                if waitpid(child, &status, WNOHANG) == child {
                    monitor.exitStatus = status
                    childDone = true
                }
            }
        }
        open.keys.forEach { close($0) }
        if exitWatch >= 0 { close(exitWatch) }
        if !childDone { monitor.exitStatus = wait(for: child) }
        if drainUntil == .max { ProcessReaper.killEverything(group: child, user: user) }
        return monitor
    }

    private static func wait(for child: pid_t) -> Int32? {
        var status: Int32 = 0
        while true {
            let pid = waitpid(child, &status, 0)
            if pid == child { return status }
            if pid < 0 && errno == EINTR { continue }
            return nil
        }
    }

    /// Reads what is available; false at end of file. Output beyond the cap is read and dropped so a chatty
    /// program never blocks on a full pipe.
    private mutating func read(_ descriptor: Int32, kind: Int, cap: Int) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { return true }
        guard count > 0 else { return false }
        switch kind {
        case 0: if report.count < 1 << 22 { report.append(contentsOf: chunk[0..<count]) }
        case 1: stdout.append(contentsOf: chunk[0..<min(count, max(0, cap - stdout.count))])
        default: stderr.append(contentsOf: chunk[0..<min(count, max(0, cap - stderr.count))])
        }
        return true
    }

    /// The verdict: the child's own report when it made one, otherwise what its exit says.
    func outcome(seconds: Double) -> PythonOutcome {
        let out = String(decoding: stdout, as: UTF8.self)
        let err = String(decoding: stderr, as: UTF8.self)
        if timedOut {
            return PythonOutcome(
                status: .timeout, message: "killed at the deadline", stdout: out, stderr: err, seconds: seconds)
        }
        if let reported = try? JSONDecoder().decode(Report.self, from: Data(report)) {
            var outcome = PythonOutcome(
                status: reported.status, exceptionType: reported.type, message: reported.message,
                traceback: reported.traceback ?? [], stdout: out, stderr: err, seconds: seconds)
            outcome.assertion = reported.assertion
            outcome.trace = reported.trace
            return outcome
        }
        var message = "the program ended without reporting"
        if let status = exitStatus {
            if crucible_wifsignaled(status) != 0 {
                let signal = crucible_wtermsig(status)
                if signal == SIGXCPU {
                    return PythonOutcome(
                        status: .timeout, message: "CPU time limit", stdout: out, stderr: err, seconds: seconds)
                }
                message = "killed by signal \(signal) (\(String(cString: strsignal(signal))))"
            } else if crucible_wifexited(status) != 0 {
                message = "exited with status \(crucible_wexitstatus(status)) before its tests finished"
            }
        }
        return PythonOutcome(status: .crashed, message: message, stdout: out, stderr: err, seconds: seconds)
    }

    /// What a child writes on its result pipe about one program (a shared child: one line per program, with its
    /// own timing).
    struct Report: Decodable {
        var status: PythonOutcome.Status
        var type: String?
        var message: String?
        var traceback: [String]?
        var assertion: FailedAssertion?
        var trace: String?
        var seconds: Double?
    }
}

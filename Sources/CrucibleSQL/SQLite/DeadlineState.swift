internal import CSQLite
import Foundation

/// The deadline a connection's progress handler checks. SQLite calls the handler on the executing thread, so
/// no synchronisation is needed beyond the connection's own single-thread use.
final class DeadlineState {
    /// Virtual-machine instructions between two clock reads: frequent enough to stop within a fraction of a
    /// millisecond, rare enough to cost nothing measurable.
    static let instructionsBetweenChecks: Int32 = 1000

    private var deadlineNanos: UInt64 = .max
    private(set) var expired = false

    func arm(seconds: Double) {
        expired = false
        deadlineNanos = Self.now() &+ UInt64(max(0, seconds) * 1e9)
    }

    func disarm() {
        deadlineNanos = .max
    }

    static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }

    static let callback: @convention(c) (UnsafeMutableRawPointer?) -> Int32 = { context in
        guard let context else { return 0 }
        let state = Unmanaged<DeadlineState>.fromOpaque(context).takeUnretainedValue()
        if state.deadlineNanos != .max && now() >= state.deadlineNanos {
            state.expired = true
            return 1
        }
        return 0
    }
}

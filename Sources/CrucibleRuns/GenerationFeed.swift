import Foundation

/// The link between a generation phase that stores answers and an execution phase that judges them meanwhile:
/// generation reports each stored batch and its end; execution waits for work without polling the store in a loop.
final class GenerationFeed: @unchecked Sendable {
    // @unchecked: every field is read and written under `condition`'s lock.
    private let condition = NSCondition()
    private var storedCount = 0
    private var finished = false
    private var error: RunError?
    private var firstWaitingSince: Date?
    /// How long a part-filled chunk waits for more answers before it is judged anyway: long enough to batch
    /// answers that arrive together, short enough that workers are not left idle.
    let patience: TimeInterval

    init(patience: TimeInterval = 0.5) {
        self.patience = patience
    }

    var stored: Int { locked { storedCount } }
    var isFinished: Bool { locked { finished } }
    var failure: RunError? { locked { error } }

    /// Whether answers have been waiting long enough to be judged in a part-filled chunk.
    var waitedLongEnough: Bool {
        locked { firstWaitingSince.map { Date().timeIntervalSince($0) >= patience } ?? false }
    }

    func added(_ count: Int) {
        locked {
            storedCount += count
            condition.broadcast()
        }
    }

    /// Generation ended; `error` when it failed (execution then stops after the chunk it is judging).
    func finish(error: RunError?) {
        locked {
            finished = true
            self.error = error
            condition.broadcast()
        }
    }

    func chunkTaken() {
        locked { firstWaitingSince = nil }
    }

    /// Waits until more answers than `seen` were stored, generation ended, or part-filled work has waited its
    /// patience; returns the stored count.
    func wait(after seen: Int, pending: Int) -> Int {
        locked {
            if pending > 0 && firstWaitingSince == nil { firstWaitingSince = Date() }
            let deadline = (firstWaitingSince ?? Date()).addingTimeInterval(pending > 0 ? patience : 3600)
            while storedCount == seen && !finished && Date() < deadline {
                _ = condition.wait(until: min(deadline, Date().addingTimeInterval(1)))
            }
            return storedCount
        }
    }

    private func locked<T>(_ body: () -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        return body()
    }
}

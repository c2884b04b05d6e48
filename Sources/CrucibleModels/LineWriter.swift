import Foundation

/// The one writer of a program's standard input. Lines are written one at a time, each whole before the next: on a
/// full pipe the kernel splits a write larger than its atomic size (4 KiB), and a second writer's bytes would land
/// between the pieces. The writes run on a thread of their own, not on Dispatch's or Swift concurrency's shared
/// threads: while a run executes programs those are busy for long stretches, and a request queued behind them
/// would wait for the execution chunk to end.
final class LineWriter: @unchecked Sendable {
    // @unchecked: `pending` and `closing` are only touched under `condition`'s lock.
    private let condition = NSCondition()
    private var pending: [Data] = []
    private var closing = false

    init(_ handle: FileHandle, label: String) {
        let thread = Thread { [self] in self.drain(into: handle) }
        thread.name = label
        thread.start()
    }

    /// Queues `line` (with its newline) and returns at once. A failed write is not reported here: it fails because
    /// the program exited, and whoever reads the program's output sees that and answers for every request.
    func send(_ line: Data) {
        condition.lock()
        pending.append(line)
        condition.signal()
        condition.unlock()
    }

    /// Closes the program's input after the lines already queued, so that it sees their end and then the end of
    /// input, and the handle is never closed under a write in progress.
    func close() {
        condition.lock()
        closing = true
        condition.signal()
        condition.unlock()
    }

    private func drain(into handle: FileHandle) {
        while true {
            condition.lock()
            while pending.isEmpty && !closing { condition.wait() }
            let lines = pending
            pending = []
            let done = closing
            condition.unlock()
            for line in lines { try? handle.write(contentsOf: line) }
            if done && lines.isEmpty {
                try? handle.close()
                return
            }
        }
    }
}

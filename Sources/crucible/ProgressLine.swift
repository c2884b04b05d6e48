import Foundation
import Synchronization

/// A single self-overwriting progress line on standard error, shown only on a terminal and only once the work
/// has lasted a second, so short runs and logs stay clean.
final class ProgressLine: Sendable {
    private struct State {
        var lastDraw = 0.0
        var drawn = false
    }

    private let label: String
    private let start = Date()
    private let interactive = isatty(STDERR_FILENO) == 1
    private let state = Mutex(State())

    init(label: String) {
        self.label = label
    }

    func update(done: Int, total: Int) {
        guard interactive else { return }
        let elapsed = Date().timeIntervalSince(start)
        guard elapsed >= 1 else { return }
        state.withLock { state in
            guard elapsed - state.lastDraw >= 0.1 || done == total else { return }
            state.lastDraw = elapsed
            state.drawn = true
            let rate = Double(done) / elapsed
            let line = String(format: "\r%@: %d/%d (%.0f/s, %.1f s)", label, done, total, rate, elapsed)
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    func finish() {
        state.withLock { state in
            if state.drawn { FileHandle.standardError.write(Data("\n".utf8)) }
        }
    }
}

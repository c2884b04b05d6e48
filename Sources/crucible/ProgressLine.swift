import Foundation
import Synchronization

/// Progress on standard error: on a terminal one self-overwriting line (done/total, requests in flight, accuracy so
/// far, rate, ETA), drawn once the work has lasted a second so short runs stay clean; in a log (not a terminal)
/// a plain line every 30 seconds; nothing in quiet mode.
final class ProgressLine: Sendable {
    private struct State {
        var lastDraw = 0.0
        var drawn = false
        var firstDone: Int?
    }

    private let label: String
    private let start = Date()
    private let interactive = isatty(STDERR_FILENO) == 1
    private let quiet: Bool
    private let state = Mutex(State())

    init(label: String, quiet: Bool = false) {
        self.label = label
        self.quiet = quiet
    }

    /// `passed` of `judged` gives the accuracy so far; `inFlight` the requests waiting for the model.
    func update(done: Int, total: Int, inFlight: Int? = nil, passed: Int? = nil, judged: Int? = nil) {
        guard !quiet else { return }
        let elapsed = Date().timeIntervalSince(start)
        state.withLock { state in
            // Work found already done (a resumed run) does not count towards the rate.
            if state.firstDone == nil { state.firstDone = done }
            guard elapsed >= 1 else { return }
            let interval = interactive ? 0.1 : 30
            guard elapsed - state.lastDraw >= interval || (interactive && done == total) else { return }
            state.lastDraw = elapsed
            state.drawn = interactive
            var parts = ["\(label): \(done)/\(total)"]
            if let inFlight { parts.append("\(inFlight) in flight") }
            if let passed, let judged, judged > 0 {
                parts.append(String(format: "%.1f %% passed so far", Double(passed) / Double(judged) * 100))
            }
            let rate = Double(done - (state.firstDone ?? 0)) / elapsed
            parts.append(String(format: "%.1f/s", rate))
            if rate > 0, done < total {
                parts.append("ETA " + Self.duration(Double(total - done) / rate))
            }
            parts.append(Self.duration(elapsed))
            let line = parts.joined(separator: " · ")
            // \u{1B}[K clears what a longer earlier line left behind.
            let text = interactive ? "\r" + line + "\u{1B}[K" : line + "\n"
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    func finish() {
        state.withLock { state in
            if state.drawn { FileHandle.standardError.write(Data("\n".utf8)) }
            state.drawn = false
        }
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m\(String(format: "%02d", whole % 60))s" }
        return "\(whole / 3600)h\(String(format: "%02d", whole % 3600 / 60))m"
    }
}

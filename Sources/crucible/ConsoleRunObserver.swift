import CrucibleRuns
import Foundation
import Synchronization

/// A run's progress on standard error: while answers arrive, the generation line (stored, in flight); once
/// generation is over, the execution line (judged, accuracy so far); notices as lines of their own.
final class ConsoleRunObserver: RunObserver {
    private let quiet: Bool
    private let generation: ProgressLine
    private let execution: ProgressLine
    private let generating = Mutex(true)

    init(quiet: Bool) {
        self.quiet = quiet
        generation = ProgressLine(label: "generating", quiet: quiet)
        execution = ProgressLine(label: "executing", quiet: quiet)
    }

    func generated(stored: Int, total: Int, inFlight: Int) {
        generation.update(done: stored, total: total, inFlight: inFlight)
    }

    func generationEnded() {
        generating.withLock { $0 = false }
        generation.finish()
    }

    func judged(done: Int, total: Int, passed: Int) {
        // Judging starts while answers still arrive; one line at a time on a terminal.
        guard !generating.withLock({ $0 }) else { return }
        execution.update(done: done, total: total, passed: passed, judged: done)
    }

    func phaseEnded() {
        generation.finish()
        execution.finish()
    }

    func notice(_ message: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data("crucible run: \(message)\n".utf8))
    }
}

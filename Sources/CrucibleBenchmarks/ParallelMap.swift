import Dispatch
import Foundation
import Synchronization

/// Maps a pure function over an array on every core, keeping the order.
enum ParallelMap {
    static func map<Element: Sendable, Mapped: Sendable>(
        _ elements: [Element], _ transform: @Sendable (Element) -> Mapped
    ) -> [Mapped] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, elements.count))
        let chunk = (elements.count + workers - 1) / max(1, workers)
        let parts = Mutex([[Mapped]](repeating: [], count: workers))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let range = min(elements.count, worker * chunk)..<min(elements.count, (worker + 1) * chunk)
            let mapped = elements[range].map(transform)
            parts.withLock { $0[worker] = mapped }
        }
        return parts.withLock { $0.flatMap { $0 } }
    }
}

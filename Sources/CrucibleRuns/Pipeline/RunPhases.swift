import Dispatch
import Foundation
import Synchronization

/// Generation and execution of one run, overlapped: answers are judged chunk by chunk as soon as they are stored,
/// while later requests are still in flight, so a run takes about as long as the slower of the two rather than
/// their sum. Resuming is unchanged: each phase does only what the store is missing.
struct RunPhases {
    let plan: any BenchmarkRunPlan
    let generation: any RoundGeneration
    let store: RunStore
    let observer: any RunObserver

    func run() throws {
        let total = generation.expected
        let round = generation.round
        let feed = GenerationFeed()
        let start = try store.counts(round: generation.round)
        let generated = Mutex(start.generations)
        let observer = self.observer
        let generation = self.generation
        let store = self.store
        let reports = Mutex<GenerationJob.Report?>(nil)
        let generationDone = DispatchSemaphore(value: 0)
        // Generation runs on Swift's concurrency pool; execution on this thread (the sandbox and the SQL executor
        // block while they work).
        Task {
            var failure: RunError?
            do {
                let report = try await generation.run(store: store) { stored, inFlight in
                    let done = generated.withLock { value in
                        value += stored
                        return value
                    }
                    observer.generated(stored: done, total: total, inFlight: inFlight)
                    feed.added(stored)
                }
                reports.withLock { $0 = report }
            } catch {
                failure = error as? RunError ?? RunError(.model, "\(error)")
            }
            observer.generationEnded()
            feed.finish(error: failure)
            generationDone.signal()
        }
        do {
            try plan.execute(store: store, round: round, feed: feed) { done, passed in
                observer.judged(done: start.executions + done, total: total, passed: start.passed + passed)
            }
        } catch {
            // Execution failed: the answers still arriving are stored, then the error is reported.
            generationDone.wait()
            throw error
        }
        generationDone.wait()
        observer.phaseEnded()
        if let failure = feed.failure { throw failure }
        if let cached = reports.withLock({ $0?.cached }), cached > 0 {
            observer.notice("\(cached) samples taken from the generation cache")
        }
    }
}

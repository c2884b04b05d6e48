import Synchronization

/// A sandbox's workers between two calls, with the configuration they were started with. Workers are reused only
/// by a call whose configuration they satisfy: the same in everything but the program imports, and those already
/// imported. Otherwise they are stopped, and the new workers import what both calls need, so that alternating
/// chunks do not restart them again and again.
final class IdleWorkers: Sendable {
    private struct State {
        var configuration: WorkerConfiguration?
        var workers: [WorkerConnection] = []
    }

    private let state = Mutex(State())

    /// The idle workers `configuration` can use (it gains their imports), or none (they are stopped).
    func take(for configuration: inout WorkerConfiguration) -> [WorkerConnection] {
        let (kept, stale) = state.withLock { state -> ([WorkerConnection], [WorkerConnection]) in
            defer { state.workers = [] }
            guard let started = state.configuration else { return ([], state.workers) }
            var comparable = started
            comparable.programImports = configuration.programImports
            let imports = Set(started.programImports)
            if comparable == configuration && imports.isSuperset(of: configuration.programImports) {
                configuration = started
                return (state.workers.filter(\.isAlive), state.workers.filter { !$0.isAlive })
            }
            if comparable == configuration {
                configuration.programImports = imports.union(configuration.programImports).sorted()
            }
            return ([], state.workers)
        }
        for worker in stale { worker.stop() }
        return kept
    }

    /// A worker that finished its share of a call.
    func keep(_ worker: WorkerConnection) {
        guard worker.isAlive else { return }
        state.withLock { $0.workers.append(worker) }
    }

    /// Workers that were not needed in a call, and the configuration every kept worker was started with.
    func keepAll(_ workers: [WorkerConnection], configuration: WorkerConfiguration) {
        state.withLock { state in
            state.workers += workers.filter(\.isAlive)
            state.configuration = configuration
        }
    }

    func stopAll() {
        let workers = state.withLock { state in
            defer { state.workers = [] }
            return state.workers
        }
        for worker in workers { worker.stop() }
    }
}

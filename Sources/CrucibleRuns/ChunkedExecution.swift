/// What the execution phases of Python and text-to-SQL runs share: the generations of a round without a verdict,
/// judged a chunk at a time, each chunk's verdicts stored in one transaction, so a killed run loses at most the
/// chunk in flight. While generation is still running (`feed`), it judges what has been stored so far and waits
/// for more, so that execution overlaps generation.
enum ChunkedExecution {
    /// `judge` turns a chunk of generations into their verdicts; `progress` receives the generations judged so far
    /// in this call and how many passed. Returns how many were judged.
    static func run(
        store: RunStore, round: Int, chunkSize: Int, feed: GenerationFeed? = nil,
        progress: (@Sendable (_ done: Int, _ passed: Int) -> Void)?,
        judge: ([StoredGeneration]) throws(RunError) -> [StoredExecution]
    ) throws(RunError) -> Int {
        var done = 0
        var passed = 0
        var seen = feed?.stored ?? 0
        let size = max(1, chunkSize)
        while true {
            // The feed's state is read before the store, so nothing stored in between is missed.
            let generating = feed.map { !$0.isFinished } ?? false
            let pending: [StoredGeneration]
            do {
                pending = try store.unexecuted(round: round)
            } catch {
                throw RunError(store: error)
            }
            // While answers still arrive, a part-filled chunk waits a little for more; every full chunk read here is
            // judged before the store is asked again, so each answer is read once.
            let ready =
                generating && !(feed?.waitedLongEnough ?? true) ? pending.count - pending.count % size : pending.count
            if ready == 0 {
                guard generating, let feed else { return done }
                seen = feed.wait(after: seen, pending: pending.count)
                continue
            }
            feed?.chunkTaken()
            for start in stride(from: 0, to: ready, by: size) {
                let executions = try judge(Array(pending[start..<min(ready, start + size)]))
                do {
                    try store.record(executions)
                } catch {
                    throw RunError(store: error)
                }
                done += executions.count
                passed += executions.filter { $0.passed == true }.count
                progress?(done, passed)
                if feed?.failure != nil { return done }
            }
        }
    }
}

/// What the execution phases of Python and text-to-SQL runs share: the generations of a round without a verdict,
/// judged a chunk at a time, each chunk's verdicts stored in one transaction, so a killed run loses at most the
/// chunk in flight.
enum ChunkedExecution {
    /// `judge` turns a chunk of generations into their verdicts; `progress` receives the generations judged so far
    /// in this call and how many passed. Returns how many were judged.
    static func run(
        store: RunStore, round: Int, chunkSize: Int, progress: (@Sendable (_ done: Int, _ passed: Int) -> Void)?,
        judge: ([StoredGeneration]) throws(RunError) -> [StoredExecution]
    ) throws(RunError) -> Int {
        let pending: [StoredGeneration]
        do {
            pending = try store.unexecuted(round: round)
        } catch {
            throw RunError(store: error)
        }
        var done = 0
        var passed = 0
        var start = 0
        while start < pending.count {
            let chunk = Array(pending[start..<min(pending.count, start + max(1, chunkSize))])
            start += chunk.count
            let executions = try judge(chunk)
            do {
                try store.record(executions)
            } catch {
                throw RunError(store: error)
            }
            done += executions.count
            passed += executions.filter { $0.passed == true }.count
            progress?(done, passed)
        }
        return done
    }
}

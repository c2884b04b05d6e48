/// The request loop a round's generation shares (first answers and repairs alike): requests 0..<count sent with at
/// most `limit` outstanding at once. After the first failure nothing new is sent, but the requests in flight finish
/// (and store what they got), so a resumed run repeats only what was never answered.
enum OutstandingRequests {
    /// `finished` receives each success with the number of requests still in flight. Returns how many requests were
    /// sent and the first failure.
    static func run<Value: Sendable>(
        count: Int, limit: Int, work: @escaping @Sendable (Int) async -> Result<Value, RunError>,
        finished: (Value, _ inFlight: Int) -> Void
    ) async -> (sent: Int, failure: RunError?) {
        await withTaskGroup(of: Result<Value, RunError>.self) { group in
            var failure: RunError?
            var next = 0
            var inFlight = 0
            func launch() {
                guard failure == nil, next < count else { return }
                let index = next
                next += 1
                inFlight += 1
                group.addTask { await work(index) }
            }
            for _ in 0..<max(1, limit) { launch() }
            while let result = await group.next() {
                inFlight -= 1
                var value: Value?
                switch result {
                case .success(let done): value = done
                case .failure(let error): failure = failure ?? error
                }
                launch()
                if let value { finished(value, inFlight) }
            }
            return (next, failure)
        }
    }
}

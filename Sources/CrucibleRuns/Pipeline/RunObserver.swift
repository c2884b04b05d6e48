/// What a run tells whoever watches it (the command line draws a progress line; tests may record): every method
/// has a default that does nothing.
public protocol RunObserver: Sendable {
    /// Answers stored so far (of `total` samples) and the requests still waiting for the model.
    func generated(stored: Int, total: Int, inFlight: Int)
    /// Generation is over (every answer stored, or the model failed); judging goes on.
    func generationEnded()
    /// Samples judged so far (of `total`) and how many of them passed.
    func judged(done: Int, total: Int, passed: Int)
    /// A phase's progress is complete (the line can be ended).
    func phaseEnded()
    /// Something the user should know that is not an error (examples left out, samples from the cache).
    func notice(_ message: String)
}

extension RunObserver {
    public func generated(stored: Int, total: Int, inFlight: Int) {}
    public func generationEnded() {}
    public func judged(done: Int, total: Int, passed: Int) {}
    public func phaseEnded() {}
    public func notice(_ message: String) {}
}

/// Watches nothing: for tests and quiet embedding.
public struct SilentRunObserver: RunObserver {
    public init() {}
}

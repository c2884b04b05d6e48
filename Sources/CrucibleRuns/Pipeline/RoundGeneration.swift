/// The generation side of one round, as `RunPhases` drives it: a run's first answers (`GenerationJob`) or a
/// refinement round's repairs (`RepairJob`).
protocol RoundGeneration: Sendable {
    var round: Int { get }
    /// How many answers the round holds when complete.
    var expected: Int { get }
    /// Asks for what the store is missing, storing each answer as it arrives; `progress` receives the answers just
    /// stored and the requests still in flight.
    func run(store: RunStore, progress: (@Sendable (_ stored: Int, _ inFlight: Int) -> Void)?) async throws(RunError)
        -> GenerationJob.Report
}

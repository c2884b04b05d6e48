import CrucibleCore

/// Every sample's candidates and verdicts, round by round, as the store holds them: what a round's repairs are
/// chosen from and what the per-round figures count.
struct RefinementHistory {
    struct SampleKey: Hashable, Sendable {
        var taskID: TaskID
        var sample: Int
    }

    /// By round, then by sample.
    private(set) var generations: [Int: [SampleKey: StoredGeneration]] = [:]
    private(set) var executions: [Int: [SampleKey: StoredExecution]] = [:]
    /// Samples of round 0, in task and sample order.
    private(set) var samples: [SampleKey] = []

    /// Rounds `0 ... last` from `store`.
    static func load(_ store: RunStore, through last: Int) throws(RunError) -> RefinementHistory {
        var history = RefinementHistory()
        do {
            for round in 0...max(0, last) {
                let generations = try store.generations(round: round)
                if round == 0 { history.samples = generations.map { SampleKey(taskID: $0.taskID, sample: $0.sample) } }
                history.generations[round] = Dictionary(
                    generations.map { (SampleKey(taskID: $0.taskID, sample: $0.sample), $0) },
                    uniquingKeysWith: { first, _ in first })
                history.executions[round] = Dictionary(
                    try store.executions(round: round).map { (SampleKey(taskID: $0.taskID, sample: $0.sample), $0) },
                    uniquingKeysWith: { first, _ in first })
            }
        } catch {
            throw RunError(store: error)
        }
        return history
    }

    /// The sample's latest judged candidate in a round up to `round`.
    func latest(_ key: SampleKey, through round: Int) -> RepairCandidate? {
        for earlier in stride(from: round, through: 0, by: -1) {
            if let execution = executions[earlier]?[key], let generation = generations[earlier]?[key] {
                return RepairCandidate(generation: generation, execution: execution)
            }
        }
        return nil
    }

    /// Whether the sample passes after `round` (its latest verdict so far); nil when it cannot be judged here.
    func passes(_ key: SampleKey, after round: Int) -> Bool? {
        latest(key, through: round)?.execution.passed
    }

    /// Whether the sample has a candidate of its own in `round`.
    func attempted(_ key: SampleKey, in round: Int) -> Bool {
        generations[round]?[key] != nil
    }
}

/// Counts of one group of tasks (a hardness level, a library, or all of them).
public struct AccuracyTally: Sendable, Codable, Equatable {
    /// Every task in the group, available or not.
    public var total: Int = 0
    /// Tasks that were judged (total minus unavailable).
    public var scored: Int = 0
    /// Judged tasks that passed.
    public var passed: Int = 0

    public init() {}

    public init(total: Int, scored: Int, passed: Int) {
        self.total = total
        self.scored = scored
        self.passed = passed
    }

    /// Tasks that could not be run here.
    public var unavailable: Int { total - scored }

    /// Passed over scored; nil when nothing was scored.
    public var accuracy: Double? { scored == 0 ? nil : Double(passed) / Double(scored) }

    /// Adds one task; `passed` is nil for an unavailable task.
    public mutating func add(passed verdict: Bool?) {
        total += 1
        guard let verdict else { return }
        scored += 1
        if verdict { passed += 1 }
    }
}

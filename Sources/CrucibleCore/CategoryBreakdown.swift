/// Accuracy per category (hardness, difficulty, library...) plus the overall tally.
public struct CategoryBreakdown: Sendable, Codable, Equatable {
    /// The benchmark's own categories, shown in this order even when empty.
    public let preferredOrder: [String]
    public private(set) var tallies: [String: AccuracyTally]
    public private(set) var all = AccuracyTally()

    public init(preferredOrder: [String]) {
        self.preferredOrder = preferredOrder
        tallies = Dictionary(uniqueKeysWithValues: preferredOrder.map { ($0, AccuracyTally()) })
    }

    /// Category names in display order: the preferred ones, then any others alphabetically.
    public var order: [String] {
        preferredOrder + tallies.keys.filter { !preferredOrder.contains($0) }.sorted()
    }

    /// Adds one task of `category`; `passed` is nil for an unavailable task.
    public mutating func add(category: String, passed: Bool?) {
        tallies[category, default: AccuracyTally()].add(passed: passed)
        all.add(passed: passed)
    }

    /// The tally of `category`, empty when no task had it.
    public subscript(category: String) -> AccuracyTally { tallies[category] ?? AccuracyTally() }
}

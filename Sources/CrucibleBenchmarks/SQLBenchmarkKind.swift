/// The text-to-SQL benchmarks Crucible loads.
public enum SQLBenchmarkKind: String, Sendable, Codable, CaseIterable {
    case spider
    case bird

    /// The category shown in reports: Spider's hardness, BIRD's difficulty.
    public var categoryName: String {
        switch self {
        case .spider: return "hardness"
        case .bird: return "difficulty"
        }
    }

    /// The benchmark's own categories, in the order papers print them.
    public var categoryOrder: [String] {
        switch self {
        case .spider: return ["easy", "medium", "hard", "extra"]
        case .bird: return ["simple", "moderate", "challenging"]
        }
    }
}

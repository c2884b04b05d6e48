/// A rule that decides whether a prediction's result equals the gold's.
///
/// A rule may rewrite both queries before they run (Spider's evaluator does), and decides from the rewritten
/// gold whether row order matters.
public protocol SQLComparisonRule: Sendable {
    /// The rule's name as given to `--rule`.
    var name: SQLRuleName { get }
    /// The SQL actually executed for a prediction and its gold.
    func prepare(prediction: String, gold: String) -> PreparedComparison
    /// Whether `prediction` matches `gold`.
    func matches(prediction: SQLResultTable, gold: SQLResultTable, orderMatters: Bool) -> Bool
    /// Whether text that is not UTF-8 makes the query fail, as it does under Python's default text decoding.
    var failsOnInvalidUTF8: Bool { get }
}

extension SQLComparisonRule {
    public var failsOnInvalidUTF8: Bool { false }
}

/// The SQL a rule executes for one task, and whether row order matters for it.
public struct PreparedComparison: Sendable, Hashable {
    public var prediction: String
    public var gold: String
    public var orderMatters: Bool

    public init(prediction: String, gold: String, orderMatters: Bool) {
        self.prediction = prediction
        self.gold = gold
        self.orderMatters = orderMatters
    }
}

/// The comparison rules Crucible implements.
public enum SQLRuleName: String, Sendable, Codable, CaseIterable {
    /// Spider's official execution match (test-suite-sql-eval).
    case spider
    /// BIRD's official rule: the sets of rows are equal.
    case bird
    /// Exact equality of the row lists, order and duplicates kept.
    case ordered
    /// Equality of the bags of rows, order ignored, duplicates counted, column order kept.
    case multiset

    /// The rule object, with Spider's DISTINCT handling chosen by `keepDistinct`.
    public func rule(keepDistinct: Bool = false) -> any SQLComparisonRule {
        switch self {
        case .spider: return SpiderExecutionRule(keepDistinct: keepDistinct)
        case .bird: return BIRDSetRule()
        case .ordered: return OrderedRule()
        case .multiset: return MultisetRule()
        }
    }
}

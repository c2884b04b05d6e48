/// Strict equality: the same rows in the same order, duplicates counted, column order kept.
public struct OrderedRule: SQLComparisonRule {
    public init() {}

    public var name: SQLRuleName { .ordered }

    public func prepare(prediction: String, gold: String) -> PreparedComparison {
        PreparedComparison(prediction: prediction, gold: gold, orderMatters: true)
    }

    public func matches(prediction: SQLResultTable, gold: SQLResultTable, orderMatters: Bool) -> Bool {
        prediction.rows == gold.rows
    }
}

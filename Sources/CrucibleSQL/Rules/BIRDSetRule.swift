/// BIRD's official execution rule: correct iff `set(predicted_rows) == set(gold_rows)`.
///
/// Row order and duplicates are ignored; column order is kept. Queries run as written.
public struct BIRDSetRule: SQLComparisonRule {
    public init() {}

    public var name: SQLRuleName { .bird }

    /// BIRD's evaluator opens databases with Python's default text decoding, which raises on bytes that are not
    /// UTF-8; the exception makes the prediction wrong.
    public var failsOnInvalidUTF8: Bool { true }

    public func prepare(prediction: String, gold: String) -> PreparedComparison {
        PreparedComparison(prediction: prediction, gold: gold, orderMatters: false)
    }

    public func matches(prediction: SQLResultTable, gold: SQLResultTable, orderMatters: Bool) -> Bool {
        Set(prediction.rows) == Set(gold.rows)
    }
}

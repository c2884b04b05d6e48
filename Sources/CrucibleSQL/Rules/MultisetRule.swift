/// Bag equality: the same rows with the same multiplicities, in any order, column order kept.
public struct MultisetRule: SQLComparisonRule {
    public init() {}

    public var name: SQLRuleName { .multiset }

    public func prepare(prediction: String, gold: String) -> PreparedComparison {
        PreparedComparison(prediction: prediction, gold: gold, orderMatters: false)
    }

    public func matches(prediction: SQLResultTable, gold: SQLResultTable, orderMatters: Bool) -> Bool {
        RowBag.equal(prediction.rows, gold.rows)
    }
}

/// Multiset equality of row lists.
enum RowBag {
    static func equal(_ lhs: [[SQLValue]], _ rhs: [[SQLValue]]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var counts: [[SQLValue]: Int] = [:]
        for row in lhs { counts[row, default: 0] += 1 }
        for row in rhs {
            guard let count = counts[row], count > 0 else { return false }
            counts[row] = count - 1
        }
        return true
    }
}

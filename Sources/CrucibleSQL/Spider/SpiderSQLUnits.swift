/// A column reference resolved against the schema: `*`, or a real table's column (aliases already replaced).
public enum SpiderColumn: Sendable, Equatable, Hashable {
    case all
    case column(table: String, name: String)
}

/// A column with an optional aggregation and `DISTINCT`: the official `col_unit` `(agg_id, col_id, isDistinct)`.
public struct SpiderColumnUnit: Sendable, Equatable, Hashable {
    public var aggregation: SpiderAggregation
    public var column: SpiderColumn
    public var isDistinct: Bool

    public init(aggregation: SpiderAggregation = .none, column: SpiderColumn, isDistinct: Bool = false) {
        self.aggregation = aggregation
        self.column = column
        self.isDistinct = isDistinct
    }
}

/// One column unit, or two joined by arithmetic: the official `val_unit` `(unit_op, col_unit1, col_unit2)`.
///
/// `right` can be present with operator `none`, because the official parser treats the word `none` as an operator.
public struct SpiderValueUnit: Sendable, Equatable, Hashable {
    public var unitOperator: SpiderUnitOperator
    public var left: SpiderColumnUnit
    public var right: SpiderColumnUnit?

    public init(unitOperator: SpiderUnitOperator = .none, left: SpiderColumnUnit, right: SpiderColumnUnit? = nil) {
        self.unitOperator = unitOperator
        self.left = left
        self.right = right
    }
}

/// The right-hand side of a predicate: the official `val`.
public indirect enum SpiderValue: Sendable, Equatable {
    /// A token Python's `float()` accepts.
    case number(Double)
    /// A quoted literal, kept as written (original case) but with its quotes turned into double quotes.
    case string(String)
    /// A column, as in a join condition `T1.id = T2.id`.
    case column(SpiderColumnUnit)
    /// A nested query; these are what hardness counts as nesting.
    case subquery(SpiderSQL)

    /// The nested query, when this value is one.
    public var subquery: SpiderSQL? {
        if case .subquery(let query) = self { return query }
        return nil
    }
}

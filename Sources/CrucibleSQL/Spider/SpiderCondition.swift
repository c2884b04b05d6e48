/// One predicate: the official `cond_unit` `(not_op, op_id, val_unit, val1, val2)`.
public struct SpiderPredicate: Sendable, Equatable {
    /// Whether `NOT` preceded the operator (`NOT IN`, `NOT LIKE`, ...).
    public var isNegated: Bool
    public var conditionOperator: SpiderConditionOperator
    public var left: SpiderValueUnit
    public var value: SpiderValue
    /// The upper bound of `BETWEEN`; `nil` for every other operator.
    public var upperValue: SpiderValue?

    public init(
        isNegated: Bool = false,
        conditionOperator: SpiderConditionOperator,
        left: SpiderValueUnit,
        value: SpiderValue,
        upperValue: SpiderValue? = nil
    ) {
        self.isNegated = isNegated
        self.conditionOperator = conditionOperator
        self.left = left
        self.value = value
        self.upperValue = upperValue
    }
}

/// One element of a condition list: a predicate or the connector between two predicates.
public enum SpiderConditionItem: Sendable, Equatable {
    case predicate(SpiderPredicate)
    case connector(SpiderConnector)
}

/// A `WHERE`, `HAVING` or join (`ON`) condition, kept as the official flat list `[cond1, 'and'/'or', cond2, ...]`.
///
/// The list is kept flat rather than as a tree because the official hardness rules slice it by position
/// (`[::2]` for predicates, `[1::2]` for connectors) and measure its raw length; a structured form would lose
/// exactly the details those rules depend on.
public struct SpiderCondition: Sendable, Equatable {
    public var items: [SpiderConditionItem]

    public init(items: [SpiderConditionItem] = []) {
        self.items = items
    }

    /// True when the clause was absent (or empty).
    public var isEmpty: Bool { items.isEmpty }

    /// The items at even positions, where the official code expects predicates (its `[::2]`).
    public var evenItems: [SpiderConditionItem] {
        items.enumerated().filter { $0.offset.isMultiple(of: 2) }.map(\.element)
    }

    /// The items at odd positions, where the official code expects connectors (its `[1::2]`).
    public var oddItems: [SpiderConditionItem] {
        items.enumerated().filter { !$0.offset.isMultiple(of: 2) }.map(\.element)
    }

    /// All predicates, wherever they sit.
    public var predicates: [SpiderPredicate] {
        items.compactMap { item in
            if case .predicate(let predicate) = item { return predicate }
            return nil
        }
    }
}

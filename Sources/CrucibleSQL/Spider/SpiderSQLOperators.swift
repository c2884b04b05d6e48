/// An aggregation applied to a column, numbered as the official Spider parse tree numbers it (`AGG_OPS`).
///
/// `none` is both "no aggregation" and a real keyword: the official parser accepts `none(x)` and records id 0.
public enum SpiderAggregation: Int, Sendable, Codable, CaseIterable {
    case none = 0
    case max = 1
    case min = 2
    case count = 3
    case sum = 4
    case avg = 5

    /// The lowercased keyword the tokenizer produces for this aggregation.
    public var keyword: String {
        switch self {
        case .none: "none"
        case .max: "max"
        case .min: "min"
        case .count: "count"
        case .sum: "sum"
        case .avg: "avg"
        }
    }

    /// The aggregation named by a lowercased token, if the token is one of the official keywords.
    public init?(keyword: String) {
        guard let match = Self.allCases.first(where: { $0.keyword == keyword }) else { return nil }
        self = match
    }
}

/// The arithmetic operator between the two columns of a value unit, numbered as in the official tree (`UNIT_OPS`).
public enum SpiderUnitOperator: Int, Sendable, Codable, CaseIterable {
    case none = 0
    case minus = 1
    case plus = 2
    case times = 3
    case divide = 4

    /// The token that selects this operator; the literal word `none` counts, as it does officially.
    public var keyword: String {
        switch self {
        case .none: "none"
        case .minus: "-"
        case .plus: "+"
        case .times: "*"
        case .divide: "/"
        }
    }

    /// The operator selected by a token, if any.
    public init?(keyword: String) {
        guard let match = Self.allCases.first(where: { $0.keyword == keyword }) else { return nil }
        self = match
    }
}

/// The operator of one predicate, numbered as in the official tree (`WHERE_OPS`).
///
/// `not` appears both as a negation flag and, for fidelity, as an operator of its own: the official parser accepts a
/// second `not` in operator position.
public enum SpiderConditionOperator: Int, Sendable, Codable, CaseIterable {
    case not = 0
    case between = 1
    case equal = 2
    case greaterThan = 3
    case lessThan = 4
    case greaterThanOrEqual = 5
    case lessThanOrEqual = 6
    case notEqual = 7
    case `in` = 8
    case like = 9
    case `is` = 10
    case exists = 11

    /// The token (after the tokenizer merged `!=`, `>=`, `<=`) that selects this operator.
    public var keyword: String {
        switch self {
        case .not: "not"
        case .between: "between"
        case .equal: "="
        case .greaterThan: ">"
        case .lessThan: "<"
        case .greaterThanOrEqual: ">="
        case .lessThanOrEqual: "<="
        case .notEqual: "!="
        case .in: "in"
        case .like: "like"
        case .is: "is"
        case .exists: "exists"
        }
    }

    /// The operator selected by a token, if any.
    public init?(keyword: String) {
        guard let match = Self.allCases.first(where: { $0.keyword == keyword }) else { return nil }
        self = match
    }
}

/// The word joining two predicates of a condition (`COND_OPS`).
public enum SpiderConnector: String, Sendable, Codable, CaseIterable {
    case and
    case or
}

/// The direction of an `ORDER BY` clause (`ORDER_OPS`); the official tree keeps one direction per clause.
public enum SpiderOrderDirection: String, Sendable, Codable, CaseIterable {
    case desc
    case asc
}

/// The compound-query operator that joins a query to the one after it (`SQL_OPS`).
public enum SpiderSetOperator: String, Sendable, Codable, CaseIterable {
    case intersect
    case union
    case except
}

/// A query parsed the way the official Spider `process_sql.get_sql` parses it.
///
/// The shape mirrors the official nested dictionary (`select`, `from`, `where`, `groupBy`, `having`, `orderBy`,
/// `limit`, `intersect`/`union`/`except`) so that hardness can be computed from it by the official rules.
public struct SpiderSQL: Sendable, Equatable {
    public var select: SpiderSelectClause
    public var from: SpiderFromClause
    public var whereCondition: SpiderCondition
    public var groupBy: [SpiderColumnUnit]
    public var having: SpiderCondition
    /// `nil` when there is no `ORDER BY`; present (possibly with no units) when the clause was written.
    public var orderBy: SpiderOrderBy?
    /// The `LIMIT` value: the integer written, or 1 when the token after `LIMIT` is not an integer (the official
    /// parser records 1 whatever the token). Hardness only looks at whether it is present.
    public var limit: Int?
    /// The query joined to this one by `INTERSECT`, `UNION` or `EXCEPT`; at most one per level, as officially.
    public var setOperation: SpiderSetOperation?

    public init(
        select: SpiderSelectClause,
        from: SpiderFromClause,
        whereCondition: SpiderCondition = SpiderCondition(),
        groupBy: [SpiderColumnUnit] = [],
        having: SpiderCondition = SpiderCondition(),
        orderBy: SpiderOrderBy? = nil,
        limit: Int? = nil,
        setOperation: SpiderSetOperation? = nil
    ) {
        self.select = select
        self.from = from
        self.whereCondition = whereCondition
        self.groupBy = groupBy
        self.having = having
        self.orderBy = orderBy
        self.limit = limit
        self.setOperation = setOperation
    }
}

/// The `SELECT` list: the official `(isDistinct, [(agg_id, val_unit), ...])`.
public struct SpiderSelectClause: Sendable, Equatable {
    public var isDistinct: Bool
    public var items: [SpiderSelectItem]

    public init(isDistinct: Bool = false, items: [SpiderSelectItem]) {
        self.isDistinct = isDistinct
        self.items = items
    }
}

/// One selected expression with the aggregation written around it.
public struct SpiderSelectItem: Sendable, Equatable {
    public var aggregation: SpiderAggregation
    public var value: SpiderValueUnit

    public init(aggregation: SpiderAggregation = .none, value: SpiderValueUnit) {
        self.aggregation = aggregation
        self.value = value
    }
}

/// The `FROM` clause: the tables or subqueries joined, and every `ON` condition merged into one list with `and`.
public struct SpiderFromClause: Sendable, Equatable {
    public var tableUnits: [SpiderTableUnit]
    public var conditions: SpiderCondition

    public init(tableUnits: [SpiderTableUnit], conditions: SpiderCondition = SpiderCondition()) {
        self.tableUnits = tableUnits
        self.conditions = conditions
    }
}

/// One source in `FROM`: the official `table_unit` `('table_unit', table)` or `('sql', query)`.
public indirect enum SpiderTableUnit: Sendable, Equatable {
    /// A schema table, by its lowercased name (aliases resolved).
    case table(String)
    /// A parenthesised query used as a table. It counts as a join for hardness, not as nesting.
    case subquery(SpiderSQL)
}

/// An `ORDER BY` clause: one direction (the last one written wins, as officially) and the ordered expressions.
public struct SpiderOrderBy: Sendable, Equatable {
    public var direction: SpiderOrderDirection
    public var units: [SpiderValueUnit]

    public init(direction: SpiderOrderDirection = .asc, units: [SpiderValueUnit]) {
        self.direction = direction
        self.units = units
    }
}

/// A compound query's right-hand side, tagged with the operator that joins it.
public indirect enum SpiderSetOperation: Sendable, Equatable {
    case intersect(SpiderSQL)
    case union(SpiderSQL)
    case except(SpiderSQL)

    public init(_ setOperator: SpiderSetOperator, _ query: SpiderSQL) {
        switch setOperator {
        case .intersect: self = .intersect(query)
        case .union: self = .union(query)
        case .except: self = .except(query)
        }
    }

    public var setOperator: SpiderSetOperator {
        switch self {
        case .intersect: .intersect
        case .union: .union
        case .except: .except
        }
    }

    public var query: SpiderSQL {
        switch self {
        case .intersect(let query), .union(let query), .except(let query): query
        }
    }
}

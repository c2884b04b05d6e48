/// The official Spider difficulty levels, as `evaluation.py`'s `Evaluator.eval_hardness` assigns them.
public enum SpiderHardness: String, Sendable, Codable, CaseIterable {
    case easy
    case medium
    case hard
    case extra
}

extension SpiderHardness {
    /// The level of a parsed query, by the official rules (see `SpiderHardnessComponents` for what is counted).
    public init(sql: SpiderSQL) {
        self.init(components: SpiderHardnessComponents(sql: sql))
    }

    /// The level for already computed component counts, by the official thresholds.
    public init(components: SpiderHardnessComponents) {
        let clauses = components.component1
        let nested = components.component2
        let others = components.others
        if clauses <= 1 && others == 0 && nested == 0 {
            self = .easy
        } else if (others <= 2 && clauses <= 1 && nested == 0) || (clauses <= 2 && others < 2 && nested == 0) {
            self = .medium
        } else if (others > 2 && clauses <= 2 && nested == 0)
            || (clauses > 2 && clauses <= 3 && others <= 2 && nested == 0)
            || (clauses <= 1 && others == 0 && nested <= 1)
        {
            self = .hard
        } else {
            self = .extra
        }
    }

    /// Parses `sql` against `schema` and classifies it.
    ///
    /// - Throws: `SpiderSQLParseError` when the official parser would not accept the query.
    public static func classify(_ sql: String, schema: SpiderSchema) throws -> SpiderHardness {
        SpiderHardness(sql: try SpiderSQL.parse(sql, schema: schema))
    }
}

/// The three counts the official hardness is decided on, computed only on the top level of a query (nested queries
/// are counted, never looked into).
///
/// The counts keep the official code's accidents, because the published difficulty split depends on them:
/// - in `others`, the "aggregation" count reads the first field of every WHERE item at an even position and of every
///   HAVING item. For a predicate that field is its NOT flag, so `NOT IN` counts as an aggregation while
///   `HAVING count(*) > 1` does not; and each `and`/`or` in HAVING counts as one.
/// - "more than one WHERE condition" tests the length of the flat list, connectors included.
/// - ORDER BY aggregations are read from both column units of each ordered expression.
public struct SpiderHardnessComponents: Sendable, Equatable {
    /// Clauses and joins: WHERE, GROUP BY, ORDER BY and LIMIT present (one each), one per table unit beyond the
    /// first, and one per `or` connector and per `LIKE` predicate in the join, WHERE and HAVING conditions.
    public var component1: Int
    /// Nesting: one per subquery used as a predicate value in the join, WHERE or HAVING conditions, plus one for an
    /// INTERSECT, UNION or EXCEPT. Subqueries in FROM are not counted here.
    public var component2: Int
    /// Other complexity: one each for more than one aggregation, more than one selected expression, a WHERE list
    /// longer than one item, and more than one GROUP BY column.
    public var others: Int

    public init(component1: Int, component2: Int, others: Int) {
        self.component1 = component1
        self.component2 = component2
        self.others = others
    }

    /// Counts the components of `sql`.
    public init(sql: SpiderSQL) {
        self.init(
            component1: Self.countClauses(sql),
            component2: Self.countNested(sql),
            others: Self.countOthers(sql)
        )
    }

    private static func conditions(of sql: SpiderSQL) -> [SpiderCondition] {
        [sql.from.conditions, sql.whereCondition, sql.having]
    }

    private static func countClauses(_ sql: SpiderSQL) -> Int {
        var count = 0
        if !sql.whereCondition.isEmpty { count += 1 }
        if !sql.groupBy.isEmpty { count += 1 }
        if sql.orderBy != nil { count += 1 }
        if sql.limit != nil { count += 1 }
        count += max(sql.from.tableUnits.count - 1, 0)
        for condition in conditions(of: sql) {
            count += condition.oddItems.filter { $0 == .connector(.or) }.count
            for case .predicate(let predicate) in condition.evenItems where predicate.conditionOperator == .like {
                count += 1
            }
        }
        return count
    }

    private static func countNested(_ sql: SpiderSQL) -> Int {
        var count = sql.setOperation == nil ? 0 : 1
        // A connector at an even position would crash the official code (it indexes into the string); it can only
        // arise from malformed conditions, and is simply not counted here.
        for condition in conditions(of: sql) {
            for case .predicate(let predicate) in condition.evenItems {
                if predicate.value.subquery != nil { count += 1 }
                if predicate.upperValue?.subquery != nil { count += 1 }
            }
        }
        return count
    }

    private static func countOthers(_ sql: SpiderSQL) -> Int {
        var aggregations = sql.select.items.filter { $0.aggregation != .none }.count
        aggregations += sql.whereCondition.evenItems.filter(Self.readsAsAggregated).count
        aggregations += sql.groupBy.filter { $0.aggregation != .none }.count
        for unit in sql.orderBy?.units ?? [] {
            if unit.left.aggregation != .none { aggregations += 1 }
            if let right = unit.right, right.aggregation != .none { aggregations += 1 }
        }
        aggregations += sql.having.items.filter(Self.readsAsAggregated).count

        var count = 0
        if aggregations > 1 { count += 1 }
        if sql.select.items.count > 1 { count += 1 }
        if sql.whereCondition.items.count > 1 { count += 1 }
        if sql.groupBy.count > 1 { count += 1 }
        return count
    }

    /// What the official `has_agg` answers for a condition item: it tests the item's first field against 0, which
    /// for a predicate is its NOT flag and for a connector string is its first letter (never 0).
    private static func readsAsAggregated(_ item: SpiderConditionItem) -> Bool {
        switch item {
        case .predicate(let predicate): predicate.isNegated
        case .connector: true
        }
    }
}

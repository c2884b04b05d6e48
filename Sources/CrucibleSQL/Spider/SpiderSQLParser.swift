extension SpiderSQL {
    /// Parses `sql` the way the official Spider `process_sql.get_sql` does, resolving columns against `schema`.
    ///
    /// Tokens left over after the top-level query are ignored, as they are officially.
    /// - Throws: `SpiderSQLParseError` wherever the official parser would fail (unknown table or column, an alias
    ///   that shadows a table name, a construct outside Spider's subset), naming the token at fault.
    public static func parse(_ sql: String, schema: SpiderSchema) throws -> SpiderSQL {
        let tokens = try SpiderSQLTokenizer.tokenize(sql)
        let parser = try SpiderSQLParser(tokens: tokens, schema: schema)
        return try parser.parseSQL(at: 0).query
    }
}

/// A recursive-descent parser that follows the official one decision for decision, including where it gives up and
/// where it silently skips tokens, because hardness is defined on whatever tree the official parser builds.
struct SpiderSQLParser {
    let tokens: [String]
    let schema: SpiderSchema
    /// Alias or table name → table name, built once from every `x AS y` in the query (`get_tables_with_alias`).
    let tablesByAlias: [String: String]

    static let clauseKeywords: Set<String> = [
        "select", "from", "where", "group", "order", "limit", "intersect", "union", "except",
    ]
    static let joinKeywords: Set<String> = ["join", "on", "as"]

    init(tokens: [String], schema: SpiderSchema) throws {
        self.tokens = tokens
        self.schema = schema
        // Aliases are collected globally, not per scope, and a later `AS` with the same alias wins.
        var aliases: [String: String] = [:]
        for (index, token) in tokens.enumerated() where token == "as" {
            guard index + 1 < tokens.count else {
                throw SpiderSQLParseError("'as' at the end of the query", tokenIndex: index, token: token)
            }
            // Python's `toks[idx - 1]` wraps around to the last token when `as` comes first.
            let aliased = index == 0 ? tokens[tokens.count - 1] : tokens[index - 1]
            aliases[tokens[index + 1]] = aliased
        }
        for table in schema.tables.keys.sorted() {
            if aliases[table] != nil {
                throw SpiderSQLParseError("Alias '\(table)' has the same name as a table")
            }
            aliases[table] = table
        }
        self.tablesByAlias = aliases
    }

    // MARK: - Token access

    /// The token at `index`, failing like Python's `toks[idx]` past `end` (the end of a sub-list, or of the query).
    func token(at index: Int, end: Int? = nil) throws -> String {
        guard index >= 0, index < (end ?? tokens.count) else {
            throw SpiderSQLParseError("Unexpected end of query", tokenIndex: index)
        }
        return tokens[index]
    }

    /// Whether a token exists at `index` and satisfies `test`; the guarded `idx < len_ and ...` of the official code.
    func tokenExists(at index: Int, end: Int? = nil, where test: (String) -> Bool) -> Bool {
        index < (end ?? tokens.count) && test(tokens[index])
    }

    func expect(_ expected: String, at index: Int, end: Int? = nil, context: String) throws {
        let found = try token(at: index, end: end)
        guard found == expected else {
            throw SpiderSQLParseError("Expected '\(expected)' \(context)", tokenIndex: index, token: found)
        }
    }

    /// Whether `token` closes the current clause: a clause keyword, `)` or `;`.
    static func endsClause(_ token: String) -> Bool {
        clauseKeywords.contains(token) || token == ")" || token == ";"
    }

    // MARK: - Query

    func parseSQL(at start: Int) throws -> (next: Int, query: SpiderSQL) {
        var index = start
        let isBlock = try token(at: index) == "("
        if isBlock { index += 1 }

        // FROM is parsed first because the tables it names decide how bare column names in SELECT resolve.
        let from = try parseFrom(at: start)
        let select = try parseSelect(at: index, defaultTables: from.defaultTables)
        index = from.next
        let whereCondition = try parseOptionalCondition("where", at: index, defaultTables: from.defaultTables)
        index = whereCondition.next
        let groupBy = try parseGroupBy(at: index, defaultTables: from.defaultTables)
        index = groupBy.next
        let having = try parseOptionalCondition("having", at: index, defaultTables: from.defaultTables)
        index = having.next
        let orderBy = try parseOrderBy(at: index, defaultTables: from.defaultTables)
        index = orderBy.next
        let limit = try parseLimit(at: index)
        index = skipSemicolons(from: limit.next)
        if isBlock {
            try expect(")", at: index, context: "to close the parenthesised query")
            index += 1
        }
        index = skipSemicolons(from: index)

        var setOperation: SpiderSetOperation?
        if index < tokens.count, let setOperator = SpiderSetOperator(rawValue: tokens[index]) {
            let right = try parseSQL(at: index + 1)
            index = right.next
            setOperation = SpiderSetOperation(setOperator, right.query)
        }
        let query = SpiderSQL(
            select: select,
            from: from.clause,
            whereCondition: whereCondition.condition,
            groupBy: groupBy.units,
            having: having.condition,
            orderBy: orderBy.orderBy,
            limit: limit.value,
            setOperation: setOperation
        )
        return (index, query)
    }

    private func skipSemicolons(from start: Int) -> Int {
        var index = start
        while tokenExists(at: index, where: { $0 == ";" }) { index += 1 }
        return index
    }

    // MARK: - FROM

    /// Parses the first `FROM` at or after `start`, wherever the SELECT list ends.
    private func parseFrom(
        at start: Int
    ) throws -> (next: Int, clause: SpiderFromClause, defaultTables: [String]) {
        guard start <= tokens.count, let fromIndex = tokens[start...].firstIndex(of: "from") else {
            throw SpiderSQLParseError("'from' not found", tokenIndex: start)
        }
        var index = fromIndex + 1
        var units: [SpiderTableUnit] = []
        var conditions: [SpiderConditionItem] = []
        var defaultTables: [String] = []
        while index < tokens.count {
            let isBlock = tokens[index] == "("
            if isBlock { index += 1 }
            if try token(at: index) == "select" {
                let nested = try parseSQL(at: index)
                index = nested.next
                units.append(.subquery(nested.query))
            } else {
                if tokenExists(at: index, where: { $0 == "join" }) { index += 1 }
                let table = try parseTableUnit(at: index)
                index = table.next
                units.append(.table(table.name))
                defaultTables.append(table.name)
            }
            if tokenExists(at: index, where: { $0 == "on" }) {
                let joined = try parseCondition(at: index + 1, defaultTables: defaultTables)
                index = joined.next
                // Successive ON clauses are merged into one list, glued with an `and` of their own.
                if !conditions.isEmpty { conditions.append(.connector(.and)) }
                conditions.append(contentsOf: joined.condition.items)
            }
            if isBlock {
                try expect(")", at: index, context: "to close the parenthesised FROM item")
                index += 1
            }
            if tokenExists(at: index, where: Self.endsClause) { break }
        }
        let clause = SpiderFromClause(tableUnits: units, conditions: SpiderCondition(items: conditions))
        return (index, clause, defaultTables)
    }

    private func parseTableUnit(at start: Int) throws -> (next: Int, name: String) {
        let written = try token(at: start)
        guard let table = tablesByAlias[written] else {
            throw SpiderSQLParseError("Unknown table or alias", tokenIndex: start, token: written)
        }
        guard schema.hasTable(table) else {
            throw SpiderSQLParseError("Alias does not name a table of the schema", tokenIndex: start, token: written)
        }
        // `T AS x` is skipped whole; a bare alias after the table is not, and fails on the next round.
        let next = tokenExists(at: start + 1, where: { $0 == "as" }) ? start + 3 : start + 1
        return (next, table)
    }

    // MARK: - SELECT

    private func parseSelect(at start: Int, defaultTables: [String]) throws -> SpiderSelectClause {
        try expect("select", at: start, context: "to start the query")
        var index = start + 1
        var isDistinct = false
        if tokenExists(at: index, where: { $0 == "distinct" }) {
            index += 1
            isDistinct = true
        }
        var items: [SpiderSelectItem] = []
        while tokenExists(at: index, where: { !Self.clauseKeywords.contains($0) }) {
            var aggregation = SpiderAggregation.none
            if let written = SpiderAggregation(keyword: tokens[index]) {
                aggregation = written
                index += 1
            }
            let value = try parseValueUnit(at: index, defaultTables: defaultTables)
            index = value.next
            items.append(SpiderSelectItem(aggregation: aggregation, value: value.unit))
            if tokenExists(at: index, where: { $0 == "," }) { index += 1 }
        }
        return SpiderSelectClause(isDistinct: isDistinct, items: items)
    }

    // MARK: - GROUP BY, ORDER BY, LIMIT

    private func parseGroupBy(
        at start: Int,
        defaultTables: [String]
    ) throws -> (next: Int, units: [SpiderColumnUnit]) {
        guard tokenExists(at: start, where: { $0 == "group" }) else { return (start, []) }
        try expect("by", at: start + 1, context: "after 'group'")
        var index = start + 2
        var units: [SpiderColumnUnit] = []
        while tokenExists(at: index, where: { !Self.endsClause($0) }) {
            let unit = try parseColumnUnit(at: index, end: tokens.count, defaultTables: defaultTables)
            index = unit.next
            units.append(unit.unit)
            guard tokenExists(at: index, where: { $0 == "," }) else { break }
            index += 1
        }
        return (index, units)
    }

    private func parseOrderBy(
        at start: Int,
        defaultTables: [String]
    ) throws -> (next: Int, orderBy: SpiderOrderBy?) {
        guard tokenExists(at: start, where: { $0 == "order" }) else { return (start, nil) }
        try expect("by", at: start + 1, context: "after 'order'")
        var index = start + 2
        var direction = SpiderOrderDirection.asc
        var units: [SpiderValueUnit] = []
        while tokenExists(at: index, where: { !Self.endsClause($0) }) {
            let unit = try parseValueUnit(at: index, defaultTables: defaultTables)
            index = unit.next
            units.append(unit.unit)
            if index < tokens.count, let written = SpiderOrderDirection(rawValue: tokens[index]) {
                direction = written
                index += 1
            }
            guard tokenExists(at: index, where: { $0 == "," }) else { break }
            index += 1
        }
        return (index, SpiderOrderBy(direction: direction, units: units))
    }

    private func parseLimit(at start: Int) throws -> (next: Int, value: Int?) {
        guard tokenExists(at: start, where: { $0 == "limit" }) else { return (start, nil) }
        // The token after LIMIT is skipped unexamined; the official tree always stores 1.
        let written = try token(at: start + 1)
        return (start + 2, Int(written) ?? 1)
    }
}

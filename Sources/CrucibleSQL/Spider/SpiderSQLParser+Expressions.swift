extension SpiderSQLParser {
    /// Tokens that end a value parsed as a column. `or` is deliberately absent, as officially: in
    /// `a = T2.b OR c = 1` everything from `T2.b` to the next terminator is swallowed by the value, and the `OR`
    /// branch never reaches the tree.
    static let valueTerminators: Set<String> = clauseKeywords.union(joinKeywords).union([",", ")", "and"])

    // MARK: - Conditions

    /// Parses `keyword` followed by a condition, or nothing when the next token is not `keyword`.
    func parseOptionalCondition(
        _ keyword: String,
        at start: Int,
        defaultTables: [String]
    ) throws -> (next: Int, condition: SpiderCondition) {
        guard tokenExists(at: start, where: { $0 == keyword }) else { return (start, SpiderCondition()) }
        return try parseCondition(at: start + 1, defaultTables: defaultTables)
    }

    /// Parses predicates joined by `and`/`or` into the official flat list.
    ///
    /// When a predicate is followed by neither a connector nor a terminator, the next predicate is appended with no
    /// connector in between, exactly as officially; the list then loses its strict alternation.
    func parseCondition(
        at start: Int,
        defaultTables: [String]
    ) throws -> (next: Int, condition: SpiderCondition) {
        var index = start
        var items: [SpiderConditionItem] = []
        while index < tokens.count {
            let left = try parseValueUnit(at: index, defaultTables: defaultTables)
            index = left.next
            var isNegated = false
            if try token(at: index) == "not" {
                isNegated = true
                index += 1
            }
            guard index < tokens.count, let conditionOperator = SpiderConditionOperator(keyword: tokens[index]) else {
                let found = index < tokens.count ? tokens[index] : nil
                throw SpiderSQLParseError("Expected a comparison operator", tokenIndex: index, token: found)
            }
            index += 1
            let value = try parseValue(at: index, defaultTables: defaultTables)
            index = value.next
            var upperValue: SpiderValue?
            if conditionOperator == .between {
                try expect("and", at: index, context: "between the bounds of BETWEEN")
                let upper = try parseValue(at: index + 1, defaultTables: defaultTables)
                index = upper.next
                upperValue = upper.value
            }
            let predicate = SpiderPredicate(
                isNegated: isNegated,
                conditionOperator: conditionOperator,
                left: left.unit,
                value: value.value,
                upperValue: upperValue
            )
            items.append(.predicate(predicate))

            if tokenExists(at: index, where: { Self.endsClause($0) || Self.joinKeywords.contains($0) }) { break }
            if index < tokens.count, let connector = SpiderConnector(rawValue: tokens[index]) {
                items.append(.connector(connector))
                index += 1
            }
        }
        return (index, SpiderCondition(items: items))
    }

    // MARK: - Values

    /// Parses the right-hand side of a predicate: a subquery, a quoted literal, a number, or a column.
    func parseValue(at start: Int, defaultTables: [String]) throws -> (next: Int, value: SpiderValue) {
        var index = start
        let isBlock = try token(at: index) == "("
        if isBlock { index += 1 }

        let value: SpiderValue
        let written = try token(at: index)
        if written == "select" {
            let nested = try parseSQL(at: index)
            index = nested.next
            value = .subquery(nested.query)
        } else if written.contains("\"") {
            value = .string(written)
            index += 1
        } else if let number = Self.pythonFloat(written) {
            value = .number(number)
            index += 1
        } else {
            var end = index
            while tokenExists(at: end, where: { !Self.valueTerminators.contains($0) }) { end += 1 }
            // The column is read from a sub-list that starts at `start`, before any `(`, and stops at `end`; the
            // rest of the sub-list is then skipped unread. Both quirks are the official behaviour.
            let unit = try parseColumnUnit(at: start, end: end, defaultTables: defaultTables)
            value = .column(unit.unit)
            index = end
        }

        if isBlock {
            try expect(")", at: index, context: "to close the parenthesised value")
            index += 1
        }
        return (index, value)
    }

    /// Python's `float(token)`: decimal literals with optional sign, fraction, exponent and digit-separating
    /// underscores, plus `inf`, `infinity` and `nan`. Swift's own parser differs (it takes hexadecimal, rejects
    /// underscores), so the grammar is checked here first.
    static func pythonFloat(_ text: String) -> Double? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var sign = 1.0
        if let first = scalars.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            index = 1
        }
        switch text.dropFirst(index).lowercased() {
        case "inf", "infinity": return sign * .infinity
        case "nan": return .nan
        default: break
        }

        var literal = String.UnicodeScalarView()
        func isDigit(_ offset: Int) -> Bool {
            offset < scalars.count && ("0"..."9").contains(scalars[offset])
        }
        /// Reads `digit (["_"] digit)*` into `literal`, returning whether it read at least one digit.
        func readDigitPart() -> Bool {
            guard isDigit(index) else { return false }
            while true {
                if isDigit(index) {
                    literal.append(scalars[index])
                    index += 1
                } else if index < scalars.count, scalars[index] == "_", isDigit(index + 1) {
                    index += 1
                } else {
                    return true
                }
            }
        }
        func consume(_ accepted: Set<Unicode.Scalar>) -> Unicode.Scalar? {
            guard index < scalars.count, accepted.contains(scalars[index]) else { return nil }
            index += 1
            return scalars[index - 1]
        }

        let hasIntegerPart = readDigitPart()
        var hasFraction = false
        if consume(["."]) != nil {
            literal.append(".")
            hasFraction = readDigitPart()
        }
        guard hasIntegerPart || hasFraction else { return nil }
        if consume(["e", "E"]) != nil {
            literal.append("e")
            if let exponentSign = consume(["+", "-"]) { literal.append(exponentSign) }
            guard readDigitPart() else { return nil }
        }
        guard index == scalars.count, let magnitude = Double(String(literal)) else { return nil }
        return sign * magnitude
    }

    // MARK: - Value units, column units, columns

    /// Parses one column unit, or two joined by `-`, `+`, `*`, `/` (or the word `none`), optionally parenthesised.
    func parseValueUnit(at start: Int, defaultTables: [String]) throws -> (next: Int, unit: SpiderValueUnit) {
        var index = start
        let isBlock = try token(at: index) == "("
        if isBlock { index += 1 }

        let left = try parseColumnUnit(at: index, end: tokens.count, defaultTables: defaultTables)
        index = left.next
        var unit = SpiderValueUnit(left: left.unit)
        if index < tokens.count, let unitOperator = SpiderUnitOperator(keyword: tokens[index]) {
            let right = try parseColumnUnit(at: index + 1, end: tokens.count, defaultTables: defaultTables)
            index = right.next
            unit.unitOperator = unitOperator
            unit.right = right.unit
        }

        if isBlock {
            try expect(")", at: index, context: "to close the parenthesised expression")
            index += 1
        }
        return (index, unit)
    }

    /// Parses `[(] [agg ( [distinct] col )] | [(] [distinct] col [)]`, reading no further than `end`.
    ///
    /// An opening `(` before an aggregation is never matched with its `)`, as officially; the caller's own `)`
    /// check then consumes it.
    func parseColumnUnit(
        at start: Int,
        end: Int,
        defaultTables: [String]
    ) throws -> (next: Int, unit: SpiderColumnUnit) {
        var index = start
        let isBlock = try token(at: index, end: end) == "("
        if isBlock { index += 1 }

        if let aggregation = SpiderAggregation(keyword: try token(at: index, end: end)) {
            index += 1
            try expect("(", at: index, end: end, context: "after an aggregation")
            index += 1
            var isDistinct = false
            if try token(at: index, end: end) == "distinct" {
                isDistinct = true
                index += 1
            }
            let column = try parseColumn(at: index, end: end, defaultTables: defaultTables)
            index = column.next
            try expect(")", at: index, end: end, context: "to close the aggregation")
            let unit = SpiderColumnUnit(aggregation: aggregation, column: column.column, isDistinct: isDistinct)
            return (index + 1, unit)
        }

        var isDistinct = false
        if try token(at: index, end: end) == "distinct" {
            isDistinct = true
            index += 1
        }
        let column = try parseColumn(at: index, end: end, defaultTables: defaultTables)
        index = column.next
        if isBlock {
            try expect(")", at: index, end: end, context: "to close the parenthesised column")
            index += 1
        }
        return (index, SpiderColumnUnit(column: column.column, isDistinct: isDistinct))
    }

    /// Resolves `*`, `alias.column`, or a bare column looked up in the FROM tables in order (first match wins).
    func parseColumn(
        at index: Int,
        end: Int,
        defaultTables: [String]
    ) throws -> (next: Int, column: SpiderColumn) {
        let written = try token(at: index, end: end)
        if written == "*" { return (index + 1, .all) }

        if written.contains(".") {
            let parts = written.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else {
                throw SpiderSQLParseError("Column reference with more than one '.'", tokenIndex: index, token: written)
            }
            guard let table = tablesByAlias[parts[0]] else {
                throw SpiderSQLParseError("Unknown table or alias", tokenIndex: index, token: written)
            }
            guard schema.hasColumn(parts[1], inTable: table) else {
                throw SpiderSQLParseError("Unknown column", tokenIndex: index, token: written)
            }
            return (index + 1, .column(table: table, name: parts[1]))
        }

        guard !defaultTables.isEmpty else {
            throw SpiderSQLParseError("Bare column with no table in FROM", tokenIndex: index, token: written)
        }
        for table in defaultTables where schema.hasColumn(written, inTable: table) {
            return (index + 1, .column(table: table, name: written))
        }
        throw SpiderSQLParseError("Unknown column", tokenIndex: index, token: written)
    }
}

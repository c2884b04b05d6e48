import CrucibleSQL
import Testing

/// Hand-written checks of the Spider parser and hardness on the `concert_singer` schema. Expected component counts
/// were obtained by running the official `process_sql.py` and `evaluation.py` on the same queries.
@Suite("Spider parser and hardness by example")
struct SpiderParserTests {
    static let schema = SpiderSchema(tables: [
        "stadium": ["Stadium_ID", "Location", "Name", "Capacity", "Highest", "Lowest", "Average"],
        "singer": ["Singer_ID", "Name", "Country", "Song_Name", "Song_release_year", "Age", "Is_male"],
        "concert": ["concert_ID", "concert_Name", "Theme", "Stadium_ID", "Year"],
        "singer_in_concert": ["concert_ID", "Singer_ID"],
    ])

    static func parse(_ sql: String) throws -> SpiderSQL {
        try SpiderSQL.parse(sql, schema: schema)
    }

    static func column(_ table: String, _ name: String) -> SpiderColumnUnit {
        SpiderColumnUnit(column: .column(table: table, name: name))
    }

    // MARK: - Hardness levels

    struct Example: Sendable, CustomTestStringConvertible {
        let sql: String
        let components: (Int, Int, Int)
        let hardness: SpiderHardness
        var testDescription: String { sql }
    }

    static let examples: [Example] = [
        Example(sql: "SELECT count(*) FROM singer", components: (0, 0, 0), hardness: .easy),
        Example(sql: "SELECT name FROM singer WHERE age BETWEEN 20 AND 30", components: (1, 0, 0), hardness: .easy),
        Example(
            sql: "SELECT name, country, age FROM singer ORDER BY age DESC", components: (1, 0, 1), hardness: .medium),
        Example(sql: "SELECT name FROM singer WHERE name LIKE '%Joe%'", components: (2, 0, 0), hardness: .medium),
        Example(
            sql: "SELECT T2.name FROM singer_in_concert AS T1 JOIN singer AS T2 ON T1.singer_id = T2.singer_id "
                + "WHERE T2.age > 30 GROUP BY T2.name",
            components: (3, 0, 0),
            hardness: .hard
        ),
        Example(
            sql: "SELECT country, max(age), min(age) FROM singer GROUP BY country, is_male ORDER BY count(*) DESC",
            components: (2, 0, 3),
            hardness: .hard
        ),
        Example(
            sql: "SELECT name FROM singer WHERE age > (SELECT avg(age) FROM singer)", components: (1, 1, 0),
            hardness: .hard),
        Example(
            sql: "SELECT name FROM singer EXCEPT SELECT name FROM singer WHERE age > 30", components: (0, 1, 0),
            hardness: .hard),
        Example(
            sql: "SELECT name FROM singer WHERE singer_id NOT IN (SELECT singer_id FROM singer_in_concert) "
                + "ORDER BY age LIMIT 3",
            components: (3, 1, 0),
            hardness: .extra
        ),
        Example(
            sql: "select name from singer where age > 20 and country = 'France' group by name order by age limit 1",
            components: (4, 0, 1),
            hardness: .extra
        ),
    ]

    @Test("Each hardness level, with the official component counts", arguments: examples)
    func hardnessLevels(_ example: Example) throws {
        let parsed = try Self.parse(example.sql)
        let components = SpiderHardnessComponents(sql: parsed)
        let (clauses, nested, others) = example.components
        #expect(components == SpiderHardnessComponents(component1: clauses, component2: nested, others: others))
        #expect(SpiderHardness(sql: parsed) == example.hardness)
        #expect(try SpiderHardness.classify(example.sql, schema: Self.schema) == example.hardness)
    }

    // MARK: - Official quirks

    @Test("NOT in WHERE counts as an aggregation, so NOT IN can raise the level")
    func negationCountsAsAggregation() throws {
        let inQuery = "SELECT count(*) FROM singer WHERE singer_id IN (SELECT singer_id FROM singer_in_concert)"
        let notInQuery = "SELECT count(*) FROM singer WHERE singer_id NOT IN (SELECT singer_id FROM singer_in_concert)"
        #expect(try SpiderHardness.classify(inQuery, schema: Self.schema) == .hard)
        #expect(try SpiderHardness.classify(notInQuery, schema: Self.schema) == .extra)
        #expect(SpiderHardnessComponents(sql: try Self.parse(notInQuery)).others == 1)
    }

    @Test("HAVING counts its connectors as aggregations but not its aggregated columns")
    func havingQuirk() throws {
        let single = try Self.parse("SELECT count(*) FROM singer GROUP BY country HAVING count(*) > 1")
        let joined = try Self.parse(
            "SELECT count(*) FROM singer GROUP BY country HAVING count(*) > 1 AND avg(age) > 20")
        #expect(SpiderHardnessComponents(sql: single).others == 0)
        #expect(SpiderHardnessComponents(sql: joined).others == 1)
        #expect(joined.having.items.count == 3)
    }

    @Test("An OR after a column value is swallowed, as officially")
    func orAfterColumnValueIsSwallowed() throws {
        let parsed = try Self.parse(
            "SELECT T1.name FROM singer AS T1 JOIN singer_in_concert AS T2 ON T1.singer_id = T2.singer_id "
                + "WHERE T1.singer_id = T2.concert_id OR T1.age = 3"
        )
        #expect(parsed.whereCondition.items.count == 1)
        #expect(
            parsed.whereCondition.predicates.first?.value == .column(Self.column("singer_in_concert", "concert_id")))
        let literal = try Self.parse("SELECT name FROM singer WHERE age > 20 OR country = 'France'")
        #expect(literal.whereCondition.items.count == 3)
        #expect(literal.whereCondition.items[1] == .connector(.or))
    }

    @Test("ORDER BY keeps one direction, the last one written")
    func orderByDirection() throws {
        let parsed = try Self.parse("SELECT name, capacity FROM stadium ORDER BY capacity DESC, average ASC LIMIT 5")
        #expect(parsed.orderBy?.direction == .asc)
        #expect(parsed.orderBy?.units.count == 2)
        #expect(parsed.limit == 5)
        let descending = try Self.parse("SELECT name FROM singer ORDER BY age DESC")
        #expect(
            descending.orderBy
                == SpiderOrderBy(direction: .desc, units: [SpiderValueUnit(left: Self.column("singer", "age"))]))
    }

    // MARK: - Parse features

    @Test("Aliases resolve to tables, and JOIN ... ON ... AND ... merges into one condition list")
    func aliasesAndJoins() throws {
        let parsed = try Self.parse(
            "SELECT T3.name FROM concert AS T1 JOIN singer_in_concert AS T2 ON T1.concert_id = T2.concert_id "
                + "AND T1.year = T2.singer_id JOIN singer AS T3 ON T2.singer_id = T3.singer_id"
        )
        #expect(parsed.from.tableUnits == [.table("concert"), .table("singer_in_concert"), .table("singer")])
        #expect(parsed.select.items.first?.value.left == Self.column("singer", "name"))
        let items = parsed.from.conditions.items
        #expect(items.count == 5)
        #expect(items[1] == .connector(.and) && items[3] == .connector(.and))
        #expect(
            parsed.from.conditions.predicates.first?.value == .column(Self.column("singer_in_concert", "concert_id")))
        #expect(SpiderHardness(sql: parsed) == .medium)
    }

    @Test("Set operations attach the following query")
    func setOperations() throws {
        for (keyword, setOperator) in [
            ("UNION", SpiderSetOperator.union), ("INTERSECT", .intersect), ("EXCEPT", .except),
        ] {
            let parsed = try Self.parse("SELECT name FROM singer \(keyword) SELECT name FROM stadium")
            #expect(parsed.setOperation?.setOperator == setOperator)
            #expect(parsed.setOperation?.query.from.tableUnits == [.table("stadium")])
            #expect(SpiderHardness(sql: parsed) == .hard)
        }
    }

    @Test("BETWEEN, NOT IN and NOT LIKE predicates")
    func predicates() throws {
        let between = try Self.parse("SELECT name FROM singer WHERE age BETWEEN 20 AND 30").whereCondition.predicates
        #expect(between.first?.conditionOperator == .between)
        #expect(between.first?.value == .number(20) && between.first?.upperValue == .number(30))

        let notIn = try Self.parse(
            "SELECT name FROM singer WHERE singer_id NOT IN (SELECT singer_id FROM singer_in_concert)")
        let predicate = try #require(notIn.whereCondition.predicates.first)
        #expect(predicate.isNegated && predicate.conditionOperator == .in)
        #expect(predicate.value.subquery?.from.tableUnits == [.table("singer_in_concert")])

        let notLike = try Self.parse("SELECT name FROM singer WHERE name NOT LIKE '%Joe%'").whereCondition.predicates
        #expect(notLike.first?.isNegated == true && notLike.first?.conditionOperator == .like)
        #expect(notLike.first?.value == .string("\"%Joe%\""))
    }

    @Test("count(DISTINCT x) and arithmetic in SELECT")
    func selectExpressions() throws {
        let distinct = try Self.parse("SELECT count(DISTINCT country) FROM singer").select.items
        #expect(
            distinct == [
                SpiderSelectItem(
                    aggregation: .count,
                    value: SpiderValueUnit(
                        left: SpiderColumnUnit(column: .column(table: "singer", name: "country"), isDistinct: true)))
            ])
        let difference = try Self.parse("SELECT highest - lowest FROM stadium").select.items.first?.value
        #expect(
            difference
                == SpiderValueUnit(
                    unitOperator: .minus, left: Self.column("stadium", "highest"),
                    right: Self.column("stadium", "lowest")))
    }

    @Test("String values in single and double quotes keep their case and come back double-quoted")
    func stringValues() throws {
        let parsed = try Self.parse("SELECT name FROM singer WHERE country = 'France' AND song_name = \"Sun Is Up\"")
        let values = parsed.whereCondition.predicates.map(\.value)
        #expect(values == [.string("\"France\""), .string("\"Sun Is Up\"")])
        #expect(parsed.whereCondition.items.count == 3)
        #expect(
            try SpiderSQLTokenizer.tokenize("WHERE Name = 'Joe' or x != 'A b'") == [
                "where", "name", "=", "\"Joe\"", "or", "x", "!=", "\"A b\"",
            ])
    }

    @Test("A subquery in FROM is a table unit, not nesting")
    func subqueryInFrom() throws {
        let parsed = try Self.parse("SELECT count(*) FROM (SELECT name FROM singer WHERE age > 20)")
        #expect(parsed.from.tableUnits.count == 1)
        guard case .subquery(let inner) = parsed.from.tableUnits.first else {
            Issue.record("expected a subquery table unit")
            return
        }
        #expect(inner.whereCondition.predicates.first?.value == .number(20))
        #expect(SpiderHardness(sql: parsed) == .easy)
    }

    @Test("Comparison operators are merged whether or not they are spaced")
    func comparisonOperators() throws {
        let parsed = try Self.parse("SELECT name FROM singer WHERE age != 20 AND age >= 3 AND age < = 9")
        let operators = parsed.whereCondition.predicates.map(\.conditionOperator)
        #expect(operators == [.notEqual, .greaterThanOrEqual, .lessThanOrEqual])
    }

    // MARK: - Errors

    @Test("Queries the official parser rejects are rejected with the token at fault")
    func errors() throws {
        #expect(throws: SpiderSQLParseError.self) { try Self.parse("SELECT nickname FROM singer") }
        do {
            _ = try Self.parse("SELECT T9.name FROM singer AS T1")
            Issue.record("an unknown alias should not parse")
        } catch let error as SpiderSQLParseError {
            #expect(error.tokenIndex == 1 && error.token == "t9.name")
        }
        #expect(throws: SpiderSQLParseError.self) { try Self.parse("SELECT name FROM singer WHERE name = 'O'Brien'") }
        #expect(throws: SpiderSQLParseError.self) { try Self.parse("SELECT name FROM singer AS concert") }
        #expect(throws: SpiderSQLParseError.self) { try Self.parse("SELECT name FROM singer WHERE age IN (1, 2)") }
    }
}

import Testing

@testable import CrucibleSQL

private func table(_ rows: [[SQLValue]]) -> SQLResultTable {
    SQLResultTable(columnCount: rows.first?.count ?? 0, rows: rows)
}

private let spider = SpiderExecutionRule()
private let bird = BIRDSetRule()
private let ordered = OrderedRule()
private let multiset = MultisetRule()

@Suite("Spider's execution match")
struct SpiderRuleTests {
    @Test func rowOrderMattersOnlyWhenAsked() {
        let gold = table([[.integer(1)], [.integer(2)]])
        let swapped = table([[.integer(2)], [.integer(1)]])
        #expect(spider.matches(prediction: swapped, gold: gold, orderMatters: false))
        #expect(!spider.matches(prediction: swapped, gold: gold, orderMatters: true))
    }

    @Test func duplicatesCount() {
        let gold = table([[.text("a")], [.text("a")], [.text("b")]])
        #expect(
            !spider.matches(
                prediction: table([[.text("a")], [.text("b")], [.text("b")]]), gold: gold, orderMatters: false))
        #expect(!spider.matches(prediction: table([[.text("a")], [.text("b")]]), gold: gold, orderMatters: false))
        #expect(
            spider.matches(
                prediction: table([[.text("b")], [.text("a")], [.text("a")]]), gold: gold, orderMatters: false))
    }

    @Test func columnPermutationsAreAllowed() {
        let gold = table([[.text("x"), .integer(1), .real(2.5)], [.text("y"), .integer(2), .real(3.5)]])
        let permuted = table([[.real(2.5), .text("x"), .integer(1)], [.real(3.5), .text("y"), .integer(2)]])
        #expect(spider.matches(prediction: permuted, gold: gold, orderMatters: true))
        #expect(!bird.matches(prediction: permuted, gold: gold, orderMatters: false))
    }

    @Test func permutationMustBeOneForAllRows() {
        // Each row alone is a permutation of the gold row, but no single column mapping fits both rows.
        let gold = table([[.integer(1), .integer(2)], [.integer(3), .integer(4)]])
        let prediction = table([[.integer(1), .integer(2)], [.integer(4), .integer(3)]])
        #expect(!spider.matches(prediction: prediction, gold: gold, orderMatters: false))
    }

    @Test func manyColumnsAreSearchedWithoutEnumeratingEverything() {
        let width = 9
        let goldRow = (0..<width).map { SQLValue.integer(Int64($0)) }
        let gold = table([goldRow, goldRow.map { _ in .integer(7) }])
        let prediction = table([Array(goldRow.reversed()), goldRow.map { _ in .integer(7) }])
        #expect(spider.matches(prediction: prediction, gold: gold, orderMatters: true))
    }

    @Test func nullsAreValues() {
        let gold = table([[.null, .integer(1)]])
        #expect(spider.matches(prediction: table([[.integer(1), .null]]), gold: gold, orderMatters: false))
        #expect(!spider.matches(prediction: table([[.integer(1), .integer(0)]]), gold: gold, orderMatters: false))
    }

    @Test func integerAndRealOfTheSameValueAreEqual() {
        #expect(spider.matches(prediction: table([[.real(3.0)]]), gold: table([[.integer(3)]]), orderMatters: false))
    }

    @Test func theOfficialSortKeyQuirkIsKept() {
        // Official quick rejection sorts each row by str(v)+str(type(v)): (1, 1.5) sorts as (1.5, 1) but
        // (1.0, 1.5) sorts as (1.0, 1.5), so the official evaluator rejects a pair that is equal value by value.
        let gold = table([[.integer(1), .real(1.5)]])
        let prediction = table([[.real(1.0), .real(1.5)]])
        #expect(!spider.matches(prediction: prediction, gold: gold, orderMatters: false))
        #expect(bird.matches(prediction: prediction, gold: gold, orderMatters: false))
    }

    @Test func emptyResultsMatchWhateverTheirColumns() {
        let empty = SQLResultTable(columnCount: 2, rows: [])
        #expect(spider.matches(prediction: SQLResultTable(columnCount: 1, rows: []), gold: empty, orderMatters: false))
        #expect(!spider.matches(prediction: table([[.null, .null]]), gold: empty, orderMatters: false))
        #expect(!spider.matches(prediction: empty, gold: table([[.integer(1), .integer(2)]]), orderMatters: false))
    }

    @Test func differentColumnCountsNeverMatch() {
        #expect(
            !spider.matches(
                prediction: table([[.integer(1), .integer(1)]]), gold: table([[.integer(1)]]), orderMatters: false))
    }

    @Test func textThatIsNotUTF8ComparesAfterDecoding() throws {
        let database = try TemporaryDatabase(
            "CREATE TABLE t(x TEXT); INSERT INTO t VALUES (CAST(X'4AFF6F' AS TEXT)); INSERT INTO t VALUES ('Jo');")
        let raw = try database.table("SELECT x FROM t WHERE rowid = 1")
        let clean = try database.table("SELECT x FROM t WHERE rowid = 2")
        #expect(spider.matches(prediction: raw, gold: clean, orderMatters: false))
    }
}

@Suite("BIRD, ordered and multiset rules")
struct OtherRuleTests {
    let gold = table([[.integer(1), .text("a")], [.integer(1), .text("a")], [.integer(2), .text("b")]])

    @Test func birdIgnoresOrderAndDuplicatesButKeepsColumnOrder() {
        #expect(
            bird.matches(
                prediction: table([[.integer(2), .text("b")], [.integer(1), .text("a")]]), gold: gold,
                orderMatters: false))
        #expect(
            !bird.matches(
                prediction: table([[.text("a"), .integer(1)], [.text("b"), .integer(2)]]), gold: gold,
                orderMatters: false))
        #expect(
            bird.matches(
                prediction: table([[.real(1), .text("a")], [.real(2), .text("b")]]), gold: gold, orderMatters: false))
        #expect(bird.matches(prediction: table([]), gold: table([]), orderMatters: false))
        #expect(
            !bird.matches(
                prediction: table([[.null, .text("a")]]), gold: table([[.integer(0), .text("a")]]), orderMatters: false)
        )
    }

    @Test func orderedKeepsOrderAndDuplicates() {
        #expect(ordered.matches(prediction: gold, gold: gold, orderMatters: true))
        let reordered = table([gold.rows[2], gold.rows[0], gold.rows[1]])
        #expect(!ordered.matches(prediction: reordered, gold: gold, orderMatters: true))
        #expect(!ordered.matches(prediction: table(Array(gold.rows.prefix(2))), gold: gold, orderMatters: true))
    }

    @Test func multisetCountsDuplicatesIgnoresOrder() {
        let reordered = table([gold.rows[2], gold.rows[0], gold.rows[1]])
        #expect(multiset.matches(prediction: reordered, gold: gold, orderMatters: false))
        #expect(!multiset.matches(prediction: table([gold.rows[0], gold.rows[2]]), gold: gold, orderMatters: false))
        let swappedColumns = table(gold.rows.map { Array($0.reversed()) })
        #expect(!multiset.matches(prediction: swappedColumns, gold: gold, orderMatters: false))
    }

    @Test func rulesNamedOnTheCommandLineBuildTheRightTypes() {
        #expect(SQLRuleName.spider.rule().name == .spider)
        #expect(SQLRuleName.bird.rule() is BIRDSetRule)
        #expect(SQLRuleName.ordered.rule() is OrderedRule)
        #expect(SQLRuleName.multiset.rule() is MultisetRule)
    }
}

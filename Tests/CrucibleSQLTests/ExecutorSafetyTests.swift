import Foundation
import Testing

@testable import CrucibleSQL

@Suite("The executor confines every query")
struct ExecutorSafetyTests {
    static let script = """
        CREATE TABLE people(id INTEGER PRIMARY KEY, name TEXT, age INTEGER);
        INSERT INTO people(name, age) VALUES ('Ada', 36), ('Alan', 41), ('Grace', 85);
        """

    private func fileBytes(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    @Test func aRecursiveQueryThatNeverEndsStopsAtItsDeadline() throws {
        let database = try TemporaryDatabase(Self.script)
        let start = Date()
        let outcome = try database.connection().execute(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
            timeout: 0.3, rowCap: 100)
        let elapsed = Date().timeIntervalSince(start)
        #expect(outcome == .timeout(seconds: 0.3))
        #expect(elapsed >= 0.3)
        #expect(elapsed < 2.0)
    }

    @Test(arguments: [
        "INSERT INTO people(name, age) VALUES ('Eve', 1)",
        "DELETE FROM people",
        "UPDATE people SET age = 0",
        "DROP TABLE people",
        "CREATE TABLE x(a)",
        "ATTACH DATABASE '/tmp/crucible-attached.sqlite' AS other",
        "PRAGMA writable_schema = ON",
        "PRAGMA writable_schema",
        "PRAGMA journal_mode = DELETE",
        "SELECT load_extension('/usr/lib/x86_64-linux-gnu/libsqlite3.so.0')",
        "SELECT name FROM people; DELETE FROM people",
        "SELECT 1; DROP TABLE people;",
        "VACUUM",
        "VACUUM INTO '/tmp/crucible-vacuum-copy.sqlite'",
        "REINDEX",
        "ANALYZE",
    ])
    func writesAndStateChangesAreDeniedAndTheFileIsUntouched(sql: String) throws {
        let database = try TemporaryDatabase(Self.script)
        let before = try fileBytes(database.path)
        let connection = try database.connection()
        let outcome = connection.execute(sql, timeout: 5, rowCap: 1000)
        guard case .denied = outcome else {
            Issue.record("expected denied, got \(outcome) for \(sql)")
            return
        }
        #expect(try fileBytes(database.path) == before)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/crucible-vacuum-copy.sqlite"))
        #expect(
            connection.execute("SELECT count(*) FROM people", timeout: 5, rowCap: 10).table?.rows == [[.integer(3)]])
    }

    @Test func readOnlyIntrospectionPragmasStillWork() throws {
        let database = try TemporaryDatabase(Self.script)
        let outcome = try database.connection().execute("PRAGMA table_info(people)", timeout: 5, rowCap: 100)
        #expect(outcome.table?.rows.count == 3)
    }

    @Test func aHugeCrossJoinStopsAtTheRowCap() throws {
        let database = try TemporaryDatabase(
            """
            CREATE TABLE n(i INTEGER);
            WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000) INSERT INTO n SELECT x FROM c;
            """)
        let start = Date()
        let outcome = try database.connection().execute(
            "SELECT a.i, b.i, c.i FROM n AS a, n AS b, n AS c", timeout: 30, rowCap: 100_000)
        #expect(outcome == .rowCap(limit: 100_000))
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func oneStatementOnlyAsInPython() throws {
        let database = try TemporaryDatabase(Self.script)
        let connection = try database.connection()
        #expect(
            connection.execute("SELECT 1; SELECT 2", timeout: 5, rowCap: 10)
                == .error("You can only execute one statement at a time."))
        #expect(
            connection.execute("SELECT 1; -- trailing comment\n", timeout: 5, rowCap: 10).table?.rows == [[.integer(1)]]
        )
        #expect(
            connection.execute("SELECT 1; ;", timeout: 5, rowCap: 10)
                == .error("You can only execute one statement at a time."))
        #expect(connection.execute("  ", timeout: 5, rowCap: 10).table?.rows == [])
    }

    @Test func sqlErrorsCarrySQLitesMessage() throws {
        let database = try TemporaryDatabase(Self.script)
        let outcome = try database.connection().execute("SELECT nope FROM people", timeout: 5, rowCap: 10)
        #expect(outcome == .error("no such column: nope"))
    }

    @Test func aMissingDatabaseIsAClearError() {
        #expect(throws: SQLiteError.self) { try SQLiteConnection(readOnlyPath: "/nonexistent/db.sqlite") }
    }
}

@Suite("The executor runs each distinct query once, on all cores")
struct ExecutorSchedulingTests {
    @Test func distinctQueriesRunOnceAndEveryOutcomeIsReturned() throws {
        let database = try TemporaryDatabase(ExecutorSafetyTests.script)
        let queries = (0..<50).map { index in
            SQLQuery(databasePath: database.path, sql: "SELECT name FROM people WHERE id = \(index % 5)")
        }
        let counter = Counter()
        let executor = SQLExecutor(workers: 2)
        let outcomes = executor.execute(queries) { _ in counter.increment() }
        #expect(outcomes.count == 5)
        #expect(counter.value == 5)
        #expect(
            outcomes[SQLQuery(databasePath: database.path, sql: "SELECT name FROM people WHERE id = 1")]?.outcome.table?
                .rows == [[.text("Ada")]])
    }

    @Test func reversedScanOrderExposesALimitWithoutOrder() throws {
        let database = try TemporaryDatabase(ExecutorSafetyTests.script)
        let sql = "SELECT name FROM people LIMIT 1"
        let executor = SQLExecutor(workers: 1)
        let forward = executor.executeHere(SQLQuery(databasePath: database.path, sql: sql))
        let reversed = executor.executeHere(SQLQuery(databasePath: database.path, sql: sql, reversedScanOrder: true))
        #expect(forward.outcome.table?.rows == [[.text("Ada")]])
        #expect(reversed.outcome.table?.rows == [[.text("Grace")]])
    }
}

@Suite("Explicit tie-breaking exposes golds that depend on how ties fall")
struct OrderTieBreakerTests {
    @Test func keysGoBeforeTheLimitOrAtTheEnd() {
        let limited = OrderTieBreaker("SELECT a, b FROM t ORDER BY count(*) DESC LIMIT 3")?.variants(columnCount: 2)
        #expect(limited?.ascending == "SELECT a, b FROM t ORDER BY count(*) DESC, 1 ASC, 2 ASC LIMIT 3")
        #expect(limited?.descending == "SELECT a, b FROM t ORDER BY count(*) DESC, 1 DESC, 2 DESC LIMIT 3")
        let open = OrderTieBreaker("SELECT a FROM t ORDER BY a ;")?.variants(columnCount: 1)
        #expect(open?.ascending == "SELECT a FROM t ORDER BY a, 1 ASC ;")
    }

    @Test func orderingInsideASubqueryIsNotTouched() {
        #expect(
            OrderTieBreaker("SELECT a FROM t WHERE b = (SELECT b FROM u ORDER BY c LIMIT 1)") == nil)
        #expect(OrderTieBreaker("SELECT a FROM t") == nil)
    }

    @Test func aTieAtTheCutChangesTheResult() throws {
        let database = try TemporaryDatabase(
            ExecutorSafetyTests.script + "INSERT INTO people(name, age) VALUES ('Bob', 36);")
        let gold = "SELECT name FROM people ORDER BY age LIMIT 1"
        let variants = try #require(OrderTieBreaker(gold)?.variants(columnCount: 1))
        #expect(try database.table(variants.ascending).rows == [[.text("Ada")]])
        #expect(try database.table(variants.descending).rows == [[.text("Bob")]])
        let unique = try #require(
            OrderTieBreaker("SELECT name FROM people ORDER BY age DESC LIMIT 1")?.variants(columnCount: 1))
        #expect(try database.table(unique.ascending).rows == database.table(unique.descending).rows)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

internal import CSQLite
import Dispatch
import Foundation
import Synchronization

/// Executes many queries on many databases, on all cores, each distinct query once.
///
/// Every worker thread keeps its own read-only connection per database (SQLite connections are not shared across
/// threads), reused for every query that worker takes. Workers pull the next query from a shared counter, so a slow
/// query does not hold back the others.
public final class SQLExecutor: Sendable {
    public let limits: SQLExecutionLimits
    public let workerCount: Int
    private let pool: ConnectionPool

    public init(limits: SQLExecutionLimits = SQLExecutionLimits(), workers: Int? = nil) {
        self.limits = limits
        self.workerCount = max(1, workers ?? ProcessInfo.processInfo.activeProcessorCount)
        self.pool = ConnectionPool(slots: workerCount)
        if limits.heapLimitBytes > 0 {
            sqlite3_hard_heap_limit64(limits.heapLimitBytes)
        }
    }

    /// Runs each distinct query once and returns the outcome of every one. `progress` is called with the number of
    /// queries finished so far, from worker threads.
    public func execute(_ queries: [SQLQuery], progress: (@Sendable (Int) -> Void)? = nil) -> [SQLQuery: TimedOutcome] {
        var seen = Set<SQLQuery>()
        let unique = queries.filter { seen.insert($0).inserted }
        let slots = OutcomeSlots(count: unique.count)
        let next = Mutex(0)
        let finished = Mutex(0)
        let limits = limits
        pool.whileHeld { pool in
            DispatchQueue.concurrentPerform(iterations: min(workerCount, max(1, unique.count))) { worker in
                pool.withSlot(worker) { connections in
                    Self.drain(
                        unique, next: next, finished: finished, slots: slots, limits: limits, connections: &connections,
                        progress: progress)
                }
            }
        }
        var results: [SQLQuery: TimedOutcome] = [:]
        results.reserveCapacity(unique.count)
        for (index, query) in unique.enumerated() {
            results[query] = slots[index]
        }
        return results
    }

    /// One worker's loop: take the next query, run it on this worker's connections, record the outcome.
    private static func drain(
        _ unique: [SQLQuery], next: borrowing Mutex<Int>, finished: borrowing Mutex<Int>, slots: OutcomeSlots,
        limits: SQLExecutionLimits,
        connections: inout [String: SQLiteConnection], progress: (@Sendable (Int) -> Void)?
    ) {
        while true {
            let index = next.withLock { value in
                defer { value += 1 }
                return value
            }
            guard index < unique.count else { break }
            let query = unique[index]
            slots[index] = Self.run(query, limits: limits, connections: &connections)
            let done = finished.withLock { value in
                value += 1
                return value
            }
            progress?(done)
        }
    }

    /// Runs one query on a connection of the caller's thread.
    public func executeHere(_ query: SQLQuery) -> TimedOutcome {
        var connections: [String: SQLiteConnection] = [:]
        return Self.run(query, limits: limits, connections: &connections)
    }

    private static func run(
        _ query: SQLQuery, limits: SQLExecutionLimits, connections: inout [String: SQLiteConnection]
    ) -> TimedOutcome {
        let start = DeadlineState.now()
        let cacheKey = (query.reversedScanOrder ? "reversed:" : "forward:") + query.databasePath
        let connection: SQLiteConnection
        if let open = connections[cacheKey] {
            connection = open
        } else {
            do {
                connection = try SQLiteConnection(readOnlyPath: query.databasePath)
            } catch {
                return TimedOutcome(outcome: .error("cannot open database: \(error)"), seconds: 0)
            }
            if query.reversedScanOrder { connection.setHarnessPragma("reverse_unordered_selects = 1") }
            connections[cacheKey] = connection
        }
        let outcome = connection.execute(query.sql, timeout: limits.timeout, rowCap: limits.rowCap)
        return TimedOutcome(outcome: outcome, seconds: Double(DeadlineState.now() - start) / 1e9)
    }
}

/// Each worker's open connections, kept between `execute` calls so that a second pass (the gold checks) reuses
/// them. Slot `i` is only ever touched by the `concurrentPerform` iteration `i` of the one `execute` call that holds
/// the pool, which is what makes the unchecked sendability sound.
private final class ConnectionPool: @unchecked Sendable {
    private var slots: [[String: SQLiteConnection]]
    private let held = NSLock()

    init(slots count: Int) {
        slots = Array(repeating: [:], count: count)
    }

    func whileHeld<T>(_ body: (ConnectionPool) -> T) -> T {
        held.lock()
        defer { held.unlock() }
        return body(self)
    }

    func withSlot(_ index: Int, _ body: (inout [String: SQLiteConnection]) -> Void) {
        body(&slots[index])
    }
}

/// Result slots written by worker threads, each slot by exactly one worker, read only after all have joined.
private final class OutcomeSlots: @unchecked Sendable {
    private var storage: [TimedOutcome?]
    private let lock = NSLock()

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    subscript(index: Int) -> TimedOutcome {
        get { lock.withLock { storage[index]! } }
        set { lock.withLock { storage[index] = newValue } }
    }
}

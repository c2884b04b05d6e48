import Benchmark
import BenchmarkSupport
import CrucibleSQL
import Foundation

/// Every gold query and every prediction of the 972 tasks executed once, single-threaded, on connections opened
/// beforehand: the least any execution-based scorer has to spend.
final class ExecutionFloor: MeasuredWorkload {
    let paths: SuitePaths
    let samples = Samples()
    private var connections: [String: SQLiteConnection] = [:]
    /// (connection, SQL, is gold), in task order: gold then prediction.
    private var workload: [(connection: SQLiteConnection, sql: String, isGold: Bool)] = []

    static let timeout = 30.0
    static let rowCap = 1_000_000

    init(paths: SuitePaths) {
        self.paths = paths
    }

    func prepare() throws {
        let spider = try SpiderTasks(paths: paths)
        for task in spider.tasks where connections[task.databaseID] == nil {
            do {
                connections[task.databaseID] = try SQLiteConnection(readOnlyPath: task.databasePath)
            } catch {
                throw BenchmarkFailure("cannot open \(task.databasePath): \(error)")
            }
        }
        workload = spider.tasks.flatMap { task -> [(connection: SQLiteConnection, sql: String, isGold: Bool)] in
            let connection = connections[task.databaseID]!
            return [(connection, task.gold, true), (connection, task.prediction, false)]
        }
        guard spider.tasks.count == SpiderSuite.expectedScored else {
            throw BenchmarkFailure(
                "\(spider.tasks.count) tasks have a database, expected \(SpiderSuite.expectedScored)")
        }
    }

    func cleanUp() {}

    func runOnce(_ benchmark: Benchmark) throws {
        var failedGolds = 0
        var failedPredictions = 0
        var rows = 0
        let start = ContinuousClock.now
        for item in workload {
            let outcome = item.connection.execute(item.sql, timeout: Self.timeout, rowCap: Self.rowCap)
            if let table = outcome.table {
                rows &+= table.rows.count
            } else if item.isGold {
                failedGolds += 1
            } else {
                failedPredictions += 1
            }
        }
        let elapsed = start.duration(to: .now)
        benchmark.stopMeasurement()
        blackHole(rows)

        guard failedGolds == 0 else {
            throw BenchmarkFailure("\(failedGolds) gold queries failed on the execution floor")
        }
        if isMeasured(benchmark) {
            samples.seconds.append(elapsed.seconds)
            samples.note =
                "\(workload.count) executions on \(connections.count) connections, "
                + "\(failedPredictions) predictions failed, \(rows) rows"
        }
    }
}

import CrucibleCore
import Dispatch
import Foundation
import Glibc
import Synchronization

/// Runs untrusted Python programs in a pool of worker processes, one per core by default. A program never runs
/// in the harness: each is forked from a worker that already imported the heavy libraries. A worker that dies is
/// replaced, the program it was running is reported as `crashed`, and nothing else is lost.
public final class PythonSandbox: Sendable {
    /// How to start the pool.
    public struct Options: Sendable {
        /// The `crucible` executable, started with the hidden `worker` subcommand.
        public var executable: String
        public var workers: Int
        public var configuration: WorkerConfiguration
        /// Variables added to the workers' scrubbed environment (e.g. `SEABORN_DATA`).
        public var environment: [String: String]
        /// Top-level packages whose modules, when the programs import them, the workers import before forking
        /// (the benchmark's libraries and safe standard modules; never anything with import-time side effects).
        public var preloadRoots: Set<String> = []
        /// Keep the workers between calls of `run` (until `stopWorkers` or the sandbox's end): for runs that judge
        /// their answers a chunk at a time. Off, every call starts its workers and stops them before it returns.
        public var keepsWorkers = false

        public init(
            executable: String, workers: Int? = nil, configuration: WorkerConfiguration = WorkerConfiguration(),
            environment: [String: String] = [:]
        ) {
            self.executable = executable
            self.workers = max(1, workers ?? ProcessInfo.processInfo.activeProcessorCount)
            self.configuration = configuration
            self.environment = environment
        }
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
        // A worker that dies while a request is being written to it must cost one program, not the harness:
        // without this, the write raises SIGPIPE and kills the whole process.
        signal(SIGPIPE, SIG_IGN)
    }

    /// Runs every program and returns their outcomes in order. `progress` receives the number finished.
    public func run(_ programs: [PythonProgram], progress: (@Sendable (Int) -> Void)? = nil) -> [PythonOutcome] {
        let next = Mutex(0)
        let finished = Mutex(0)
        let results = Mutex([PythonOutcome?](repeating: nil, count: programs.count))
        let environment = Mutex<WorkerEnvironment?>(nil)
        var prepared = options
        prepared.configuration.programImports = Self.programImports(programs, options: options)
        let kept = options.keepsWorkers ? idle.take(for: &prepared.configuration) : []
        let options = prepared
        let reusable = Mutex(kept)
        let units = Self.units(programs)
        DispatchQueue.concurrentPerform(iterations: min(options.workers, max(1, units.count))) { index in
            var worker: WorkerConnection? = reusable.withLock { $0.popLast() }
            if let hello = worker?.environment { environment.withLock { $0 = $0 ?? hello } }
            while true {
                let position = next.withLock { value in
                    defer { value += 1 }
                    return value
                }
                guard position < units.count else { break }
                if worker == nil {
                    worker = try? Self.start(options: options)
                    if let hello = worker?.environment { environment.withLock { $0 = $0 ?? hello } }
                }
                let unit = units[position]
                let answers: [PythonOutcome]?
                if unit.count == 1 {
                    answers = worker?.run(programs[unit[0]]).map { [$0] }
                } else {
                    answers = worker?.run(batch: unit.map { programs[$0] })
                }
                let outcomes: [PythonOutcome]
                if let answers {
                    outcomes = answers
                } else {
                    let reason = worker?.deathReason ?? "could not be started"
                    let crashed = PythonOutcome(status: .crashed, message: "the worker running the program \(reason)")
                    outcomes = Array(repeating: crashed, count: unit.count)
                    worker = nil
                }
                results.withLock { results in
                    for (program, outcome) in zip(unit, outcomes) { results[program] = outcome }
                }
                let done = finished.withLock { value in
                    value += unit.count
                    return value
                }
                progress?(done)
            }
            if let worker {
                if options.keepsWorkers { idle.keep(worker) } else { worker.stop() }
            }
        }
        if options.keepsWorkers { idle.keepAll(reusable.withLock { $0 }, configuration: options.configuration) }
        lastEnvironment.withLock { $0 = environment.withLock { $0 } }
        return results.withLock { $0.map { $0 ?? PythonOutcome(status: .crashed, message: "not run") } }
    }

    /// Programs that may share a child go to a worker together, up to `batchSize` at a time, dealt out in turn so
    /// that a task's samples (which follow each other and cost alike) spread over the units instead of loading
    /// one worker; every other program goes alone. `CRUCIBLE_SHARED_CHILDREN=0` in the environment sends every
    /// program alone.
    static func units(_ programs: [PythonProgram], batchSize: Int = 32) -> [[Int]] {
        let sharing = ProcessInfo.processInfo.environment["CRUCIBLE_SHARED_CHILDREN"] != "0"
        let shared = programs.indices.filter { index in
            let program = programs[index]
            return sharing && program.probe == nil
                && (program.isLiteralCheck == true || program.mayShareChild == true)
        }
        let count = (shared.count + batchSize - 1) / batchSize
        var units = [[Int]](repeating: [], count: count)
        for (position, index) in shared.enumerated() { units[position % count].append(index) }
        let alone = Set(shared)
        return units + programs.indices.filter { !alone.contains($0) }.map { [$0] }
    }

    /// Workers kept between calls: a run judges its answers a chunk at a time, and starting workers again for
    /// every chunk costs each of them its imports and warm-up (seconds for DS-1000).
    private let idle = IdleWorkers()

    deinit {
        idle.stopAll()
    }

    /// Stops the workers kept between calls (`Options.keepsWorkers`), removing their folders.
    public func stopWorkers() {
        idle.stopAll()
    }

    /// The interpreter and library versions the workers reported in the last run.
    public var workerEnvironment: WorkerEnvironment? { lastEnvironment.withLock { $0 } }
    private let lastEnvironment = Mutex<WorkerEnvironment?>(nil)

    /// The programs' imports within `preloadRoots` that the configuration does not preload already.
    static func programImports(_ programs: [PythonProgram], options: Options) -> [String] {
        guard !options.preloadRoots.isEmpty else { return [] }
        var found: Set<String> = []
        for program in programs { found.formUnion(ImportScanner.modules(in: program.source)) }
        let known = Set(options.configuration.preload)
        return found.filter { module in
            !known.contains(module) && options.preloadRoots.contains(String(module.prefix { $0 != "." }))
        }.sorted()
    }

    private static func start(options: Options) throws -> WorkerConnection {
        try WorkerConnection(
            executable: options.executable, configuration: options.configuration,
            extraEnvironment: options.environment)
    }
}

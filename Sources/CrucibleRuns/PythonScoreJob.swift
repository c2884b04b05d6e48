public import CrucibleBenchmarks
public import CrucibleCore
public import CruciblePython
import Foundation

/// Scores answers to Python tasks by running every (task, sample) program in the sandbox.
public struct PythonScoreJob: Sendable {
    public var benchmark: String
    public var tasks: [PythonTask]
    public var answers: [[PythonAnswer]]
    public var ks: [Int]
    public var timeout: Double
    public var sandbox: PythonSandbox
    /// `--check-stability N`: every program also run under N other hash seeds.
    public var stabilityCheck: StabilityCheck?

    public init(
        benchmark: String, tasks: [PythonTask], answers: [[PythonAnswer]], ks: [Int], timeout: Double,
        sandbox: PythonSandbox
    ) throws(DatasetError) {
        precondition(answers.count == tasks.count, "one answer list per task")
        let fewest = answers.map(\.count).min() ?? 0
        if let k = ks.max(), k > fewest {
            throw DatasetError(
                .mismatch, file: benchmark,
                "pass@\(k) needs at least \(k) samples per task, but some task has only \(fewest)")
        }
        self.benchmark = benchmark
        self.tasks = tasks
        self.answers = answers
        self.ks = ks
        self.timeout = timeout
        self.sandbox = sandbox
    }

    public func run(progress: (@Sendable (Int, Int) -> Void)? = nil) -> PythonScoreResult {
        let started = Date()
        var programs: [PythonProgram] = []
        var owners: [(task: Int, sample: Int)] = []
        var samples = answers.map { [PythonOutcome](repeating: OfficialSkips.outcome, count: $0.count) }
        for (taskIndex, task) in tasks.enumerated() {
            for (sample, answer) in answers[taskIndex].enumerated() where !task.officiallySkips(answer.code) {
                programs.append(
                    task.sandboxProgram(
                        id: "\(task.id)#\(sample)", answer: answer.code, isFullSolution: answer.isFullSolution,
                        timeout: timeout))
                owners.append((taskIndex, sample))
            }
        }
        let total = programs.count * (1 + (stabilityCheck?.extraRuns ?? 0))
        let report: (@Sendable (Int) -> Void)? = if let progress { { progress($0, total) } } else { nil }
        var outcomes = sandbox.run(programs, progress: report)
        if let stabilityCheck {
            let first = programs.count
            var later: (@Sendable (Int) -> Void)?
            if let report { later = { report(first + $0) } }
            outcomes = stabilityCheck.check(programs, outcomes: outcomes, options: sandbox.options, progress: later)
        }
        for (position, owner) in owners.enumerated() {
            samples[owner.task][owner.sample] = outcomes[position]
        }
        for (index, task) in tasks.enumerated() {
            samples[index] = OfficialSkips.counted(samples[index], task: task)
        }
        let scores = tasks.enumerated().map { index, task in
            PythonTaskScore(taskID: task.id, category: task.category, groups: task.groups, samples: samples[index])
        }
        var result = PythonScoreResult(
            benchmark: benchmark, ks: ks, tasks: scores, environment: sandbox.workerEnvironment,
            seconds: Date().timeIntervalSince(started))
        result.stabilityRuns = stabilityCheck.map { $0.extraRuns + 1 }
        return result
    }
}

/// The samples of one task and what they add up to.
public struct PythonTaskScore: Sendable {
    public var taskID: TaskID
    public var category: String?
    public var groups: [String: String]
    public var samples: [PythonOutcome]

    /// A task is unavailable here when any of its samples needed something the sandbox lacks.
    public var isAvailable: Bool { !samples.contains { $0.status == .unavailable } }
    public var correct: Int { samples.filter { $0.status == .passed }.count }
}

/// Everything one Python score run found.
public struct PythonScoreResult: Sendable {
    public var benchmark: String
    public var ks: [Int]
    public var tasks: [PythonTaskScore]
    public var environment: WorkerEnvironment?
    public var seconds: Double
    /// With `--check-stability N`: N + 1, the runs of every program.
    public var stabilityRuns: Int?

    public var availableTasks: [PythonTaskScore] { tasks.filter(\.isAvailable) }

    /// pass@k over the available tasks, nil when some task has fewer than k samples.
    public func passAtK(_ k: Int, category: String? = nil) -> Double? {
        passAtK(k, of: availableTasks.filter { category == nil || $0.category == category })
    }

    public func passAtK(_ k: Int, of tasks: [PythonTaskScore]) -> Double? {
        PassAtK.mean(tasks.map { ($0.samples.count, $0.correct) }, k: k, shortListsPass: shortListsPass)
    }

    /// CRUXEval's pass@k counts a list its filters shortened below k as 1 (`PassAtK`).
    public var shortListsPass: Bool { Benchmark(rawValue: benchmark)?.isExecutionPrediction ?? false }

    /// A task's pass@k estimate as this benchmark's official scorer computes it.
    public func passAtK(_ k: Int, of task: PythonTaskScore) -> Double? {
        PassAtK.estimate(samples: task.samples.count, correct: task.correct, k: k, shortListsPass: shortListsPass)
    }

    /// pass@k's 95 % interval over the available tasks: the percentile bootstrap of the tasks' estimates
    /// (10,000 resamples, seed 0, so the same results give the same interval).
    public func passAtKInterval(_ k: Int) -> BootstrapInterval? {
        let estimates = availableTasks.map { passAtK(k, of: $0) }
        guard !estimates.contains(where: { $0 == nil }) else { return nil }
        return Bootstrap.mean(estimates.compactMap { $0 })
    }

    /// The groupings to break results down by: "category" (the benchmark's main one) and each named group.
    public var breakdowns: [(name: String, groups: [(value: String, tasks: [PythonTaskScore])])] {
        var result: [(String, [(String, [PythonTaskScore])])] = []
        let categories = Set(tasks.compactMap(\.category)).sorted(by: Self.naturalOrder)
        if !categories.isEmpty {
            // DS-1000's categories are its libraries, the grouping its paper reports.
            let name = benchmark == "ds1000" ? "library" : "category"
            result.append((name, categories.map { value in (value, availableTasks.filter { $0.category == value }) }))
        }
        for group in Set(tasks.flatMap(\.groups.keys)).sorted() {
            let values = Set(tasks.compactMap { $0.groups[group] }).sorted(by: Self.naturalOrder)
            result.append((group, values.map { value in (value, availableTasks.filter { $0.groups[group] == value }) }))
        }
        return result
    }

    /// Numbers inside names compare as numbers (`4–6 lines` before `10+ lines`).
    static func naturalOrder(_ left: String, _ right: String) -> Bool {
        left.compare(right, options: [.numeric]) == .orderedAscending
    }

    /// Passed samples over all samples of the available tasks (pass@1 when n = 1).
    public var sampleAccuracy: Double? {
        let samples = availableTasks.flatMap(\.samples)
        guard !samples.isEmpty else { return nil }
        return Double(samples.filter { $0.status == .passed }.count) / Double(samples.count)
    }

    public var statusCounts: [PythonOutcome.Status: Int] {
        Dictionary(grouping: tasks.flatMap(\.samples), by: \.status).mapValues(\.count)
    }
}

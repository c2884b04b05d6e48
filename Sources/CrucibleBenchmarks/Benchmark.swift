/// Every benchmark Crucible runs, and what each one fixes for every command: where its tasks come from and how long
/// a query or program may run. The Python sandbox's policy per benchmark is `Benchmark+Python.swift`.
public enum Benchmark: String, Sendable, Codable, CaseIterable {
    case spider, bird, humaneval, mbpp, ds1000
    /// CRUXEval: predict a function's output for an input (`-o`), or an input that gives an output (`-i`).
    case cruxevalOutput = "cruxeval-o"
    case cruxevalInput = "cruxeval-i"

    /// Text-to-SQL benchmarks are judged by execution on databases; the others run Python programs.
    public var sqlKind: SQLBenchmarkKind? {
        switch self {
        case .spider: return .spider
        case .bird: return .bird
        case .humaneval, .mbpp, .ds1000, .cruxevalOutput, .cruxevalInput: return nil
        }
    }

    /// Seconds per query or program when `--timeout` is not given: the official evaluators' values (SQL 30 s,
    /// DS-1000 120 s, CRUXEval 3 s) and a forgiving 10 s for HumanEval/MBPP, whose own harness uses 3 s.
    public var defaultTimeout: Double {
        switch self {
        case .spider, .bird: return 30
        case .humaneval, .mbpp: return 10
        case .ds1000: return 120
        case .cruxevalOutput, .cruxevalInput: return 3
        }
    }

    /// Whether the model predicts what code does (CRUXEval) rather than writing it.
    public var isExecutionPrediction: Bool { self == .cruxevalOutput || self == .cruxevalInput }

    /// The Python benchmark's problems, from its problems file; nil for text-to-SQL benchmarks.
    public func pythonTasks(_ path: String) throws(DatasetError) -> [PythonTask]? {
        switch self {
        case .humaneval: return try PythonDatasetLoader.humanEval(path)
        case .mbpp: return try PythonDatasetLoader.mbpp(path)
        case .ds1000: return try PythonDatasetLoader.ds1000(path)
        case .cruxevalOutput: return try PythonDatasetLoader.cruxeval(path, predicting: .output)
        case .cruxevalInput: return try PythonDatasetLoader.cruxeval(path, predicting: .input)
        case .spider, .bird: return nil
        }
    }
}

extension SQLBenchmarkKind {
    /// The split `questions` of the benchmark in `directory`, with its databases.
    public func load(directory: String, questions: String = "dev.json") throws(DatasetError) -> SQLDataset {
        switch self {
        case .spider: return try SpiderDatasetLoader.load(directory: directory, questions: questions)
        case .bird: return try BIRDDatasetLoader.load(directory: directory, questions: questions)
        }
    }
}

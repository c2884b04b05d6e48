extension Benchmark {
    /// Standard modules common in benchmark programs and free of import-time side effects.
    public static let standardModules = [
        "typing", "math", "re", "collections", "heapq", "itertools", "functools", "string", "random", "bisect",
        "copy", "hashlib", "operator", "statistics", "fractions", "decimal", "datetime", "cmath", "array", "io",
        "tokenize", "textwrap", "pickle", "json",
    ]

    /// Libraries imported once per worker before programs fork from it: a module a program imports for itself
    /// costs its loading time in every child (`typing`, imported by a fifth of HumanEval's prompts, about 3 ms).
    public var preload: [String] {
        switch self {
        case .ds1000:
            return ["numpy", "pandas", "scipy", "sklearn", "matplotlib", "seaborn", "statsmodels.api"]
                + Self.standardModules
        case .humaneval, .mbpp, .spider, .bird, .cruxevalOutput, .cruxevalInput: return Self.standardModules
        }
    }

    /// Top-level packages whose modules the workers also import when the programs do (`sklearn.svm`,
    /// `scipy.optimize`, `mpl_toolkits.mplot3d`); never torch or tensorflow, which start threads.
    public var preloadRoots: Set<String> {
        switch self {
        case .ds1000:
            return Set(["numpy", "pandas", "scipy", "sklearn", "matplotlib", "seaborn", "statsmodels", "PIL", "yaml"])
                .union(["mpl_toolkits"]).union(Self.standardModules)
        case .humaneval, .mbpp, .spider, .bird, .cruxevalOutput, .cruxevalInput: return Set(Self.standardModules)
        }
    }

    /// Modules a problem may need that the environment may lack: a problem that imports a missing one is
    /// unavailable, never failed.
    public var optionalModules: [String] {
        self == .ds1000 ? PythonDatasetLoader.ds1000OptionalModules : []
    }

    /// Python run in each worker before it forks, so that the first program of every worker does not pay for
    /// lazy initialisation (DS-1000: Matplotlib's font cache, pandas' and sklearn's first calls).
    public var warmUp: String? {
        self == .ds1000 ? DS1000WarmUp.script : nil
    }
}

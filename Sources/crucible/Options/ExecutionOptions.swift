import ArgumentParser

/// How queries and programs are executed: the same for `score` and `run`.
struct ExecutionOptions: ParsableArguments {
    @Option(
        name: .customLong("timeout"),
        help: "Seconds before a query or program is stopped (default: 30 for SQL, 10 HumanEval/MBPP, 120 DS-1000).")
    var timeout: Double?

    @Option(help: "Worker threads (SQL) or sandbox worker processes (Python); default: all cores.")
    var workers: Int?

    @Option(
        name: .customLong("python-path"),
        help: ArgumentHelp(
            "Python: a directory of cp311 packages put first on sys.path (repeatable).",
            discussion:
                "The directories then form the whole environment: the system's site packages (Debian's python3-*, "
                + "the default) are left out, so a pinned set such as .python/ds1000 is never mixed with them."))
    var pythonPaths: [String] = []

    @Option(help: "DS-1000: the folder of seaborn's datasets (default: $SEABORN_DATA).")
    var seabornData: String?

    @Option(
        help: ArgumentHelp(
            "Python: run every program N more times, in new workers with hash seeds 1 … N and fresh randomness, and "
                + "report the verdicts that change.",
            valueName: "N"))
    var checkStability: Int?

    func validate() throws {
        if let checkStability, checkStability < 1 { throw ValidationError("--check-stability must be at least 1") }
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be positive") }
        if let workers, workers <= 0 { throw ValidationError("--workers must be positive") }
    }
}

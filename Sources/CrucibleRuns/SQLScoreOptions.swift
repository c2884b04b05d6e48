public import CrucibleSQL

/// How `crucible score` judges text-to-SQL predictions.
public struct SQLScoreOptions: Sendable {
    /// The rules to score with; the first is the one `passed` and the accuracy refer to.
    public var rules: [SQLRuleName]
    /// Spider only: keep DISTINCT instead of removing it from both queries.
    public var keepDistinct: Bool
    public var limits: SQLExecutionLimits
    /// Worker threads; nil uses every core.
    public var workers: Int?
    /// Score the tasks whose database exists and report the others as unavailable, instead of stopping.
    public var allowUnavailable: Bool
    /// Re-run gold queries whose result depends on row order with the scan order reversed, to find ties.
    public var checkGoldDeterminism: Bool

    public init(
        rules: [SQLRuleName], keepDistinct: Bool = false, limits: SQLExecutionLimits = SQLExecutionLimits(),
        workers: Int? = nil, allowUnavailable: Bool = false, checkGoldDeterminism: Bool = true
    ) {
        self.rules = rules
        self.keepDistinct = keepDistinct
        self.limits = limits
        self.workers = workers
        self.allowUnavailable = allowUnavailable
        self.checkGoldDeterminism = checkGoldDeterminism
    }
}

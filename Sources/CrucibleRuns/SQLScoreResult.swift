public import CrucibleBenchmarks
public import CrucibleCore
public import CrucibleSQL

/// Everything one `crucible score` run on text-to-SQL found.
public struct SQLScoreResult: Sendable {
    public var kind: SQLBenchmarkKind
    public var rules: [SQLRuleName]
    public var scores: [SQLTaskScore]
    public var goldChecks: GoldCheckReport
    public var distinctQueries: Int
    public var executionSeconds: Double
    /// Prediction lines the official evaluator reads differently from how they look, with both verdicts.
    public var inputFindings: [SQLJudgedFinding] = []

    /// Accuracy per category under the rule at `ruleIndex` (0 is the primary rule).
    public func breakdown(ruleIndex: Int = 0) -> CategoryBreakdown {
        var breakdown = CategoryBreakdown(preferredOrder: kind.categoryOrder)
        for score in scores {
            breakdown.add(category: score.category ?? "unknown", passed: score.statuses[ruleIndex].status.passed)
        }
        return breakdown
    }

    /// Tasks whose verdicts differ between the rules scored.
    public var ruleDisagreements: [SQLTaskScore] {
        scores.filter { score in Set(score.statuses.map { $0.status.passed }).count > 1 }
    }

    /// How many tasks ended in each status under the primary rule.
    public var statusCounts: [ScoreStatus: Int] {
        Dictionary(grouping: scores, by: \.status).mapValues(\.count)
    }
}

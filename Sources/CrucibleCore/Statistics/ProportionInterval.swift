/// A binomial proportion with a confidence interval, all in [0, 1].
public struct ProportionInterval: Sendable, Equatable {
    /// The observed proportion, successes over trials.
    public var estimate: Double
    /// The lower bound.
    public var low: Double
    /// The upper bound.
    public var high: Double

    public init(estimate: Double, low: Double, high: Double) {
        self.estimate = estimate
        self.low = low
        self.high = high
    }

    /// The Wilson score interval (Wilson 1927) for `successes` of `trials` at the two-sided `confidence` level.
    ///
    /// Chosen over the normal (Wald) interval because it stays inside [0, 1] and keeps close to its nominal
    /// coverage for small samples and for proportions near 0 or 1, where pass rates often sit.
    /// Returns nil when `trials` is 0, when `successes` is outside 0...trials, or unless 0 < confidence < 1.
    public static func wilson(successes: Int, trials: Int, confidence: Double = 0.95) -> ProportionInterval? {
        guard trials > 0, (0...trials).contains(successes),
            let z = StandardNormal.criticalValue(confidence: confidence)
        else { return nil }
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let shrink = 1 + z2 / n
        let center = (p + z2 / (2 * n)) / shrink
        let half = z / shrink * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        // At 0 and at n the bound is exactly 0 or 1 in closed form; the subtraction would leave rounding noise.
        let low = successes == 0 ? 0 : max(0, center - half)
        let high = successes == trials ? 1 : min(1, center + half)
        return ProportionInterval(estimate: p, low: low, high: high)
    }
}

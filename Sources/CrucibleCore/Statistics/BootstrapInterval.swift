/// A statistic on the original data with a bootstrap percentile interval around it.
public struct BootstrapInterval: Sendable, Equatable {
    /// The statistic computed on the original data, not on the resamples.
    public var estimate: Double
    /// The lower percentile of the resampled statistics.
    public var low: Double
    /// The upper percentile of the resampled statistics.
    public var high: Double

    public init(estimate: Double, low: Double, high: Double) {
        self.estimate = estimate
        self.low = low
        self.high = high
    }
}

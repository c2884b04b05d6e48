/// Percentile bootstrap intervals over items (tasks), reproducible from a seed.
///
/// Each replicate draws n item indices with replacement as `Int(generator.next() % UInt64(n))` from one
/// `SplitMix64` stream seeded with `seed`, replicate after replicate, so any implementation of the same steps
/// gets the same interval bit for bit. (The modulo bias is below n / 2⁶⁴, far under the resampling noise.)
///
/// The interval is the (α/2, 1 − α/2) quantiles of the sorted replicate statistics, α = 1 − confidence, with
/// linear interpolation between order statistics (Hyndman–Fan type 7, numpy's default "linear" method): for R
/// sorted values x₀ ≤ … ≤ x_{R−1}, the q quantile sits at position h = q · (R − 1) and is
/// x_⌊h⌋ + (h − ⌊h⌋) · (x_{⌊h⌋+1} − x_⌊h⌋).
public enum Bootstrap {
    /// The mean of per-item `values` (for example per-task pass@1 fractions) with its percentile interval.
    ///
    /// Returns nil when `values` is empty or holds a non-finite number, when `resamples` < 1, or unless
    /// 0 < confidence < 1.
    public static func mean(
        _ values: [Double], confidence: Double = 0.95, resamples: Int = 10_000, seed: UInt64 = 0
    ) -> BootstrapInterval? {
        guard isUsable(values, confidence: confidence, resamples: resamples) else { return nil }
        let n = values.count
        var generator = SplitMix64(seed: seed)
        var statistics = [Double](repeating: 0, count: resamples)
        // Raw buffers keep the inner loop free of array bounds and uniqueness checks, which dominate a debug build.
        values.withUnsafeBufferPointer { items in
            let items = items.baseAddress!
            let bound = UInt64(n)
            for replicate in 0..<resamples {
                var sum = 0.0
                for _ in 0..<n {
                    sum += items[Int(generator.next() % bound)]
                }
                statistics[replicate] = sum / Double(n)
            }
        }
        return interval(estimate: plainMean(values), statistics: &statistics, confidence: confidence)
    }

    /// mean(`second`) − mean(`first`) over paired items, with its percentile interval.
    ///
    /// Each replicate draws one set of item indices and applies it to both arrays, so the interval reflects the
    /// pairing (the same tasks under two models or settings) rather than two independent samples.
    /// Returns nil when the arrays differ in length, are empty or hold a non-finite number, when `resamples` < 1,
    /// or unless 0 < confidence < 1.
    public static func pairedDifference(
        from first: [Double], to second: [Double], confidence: Double = 0.95, resamples: Int = 10_000,
        seed: UInt64 = 0
    ) -> BootstrapInterval? {
        guard first.count == second.count, isUsable(first, confidence: confidence, resamples: resamples),
            isUsable(second, confidence: confidence, resamples: resamples)
        else { return nil }
        let n = first.count
        var generator = SplitMix64(seed: seed)
        var statistics = [Double](repeating: 0, count: resamples)
        first.withUnsafeBufferPointer { firstItems in
            second.withUnsafeBufferPointer { secondItems in
                let firstItems = firstItems.baseAddress!
                let secondItems = secondItems.baseAddress!
                let bound = UInt64(n)
                for replicate in 0..<resamples {
                    var firstSum = 0.0
                    var secondSum = 0.0
                    for _ in 0..<n {
                        let index = Int(generator.next() % bound)
                        firstSum += firstItems[index]
                        secondSum += secondItems[index]
                    }
                    statistics[replicate] = secondSum / Double(n) - firstSum / Double(n)
                }
            }
        }
        let estimate = plainMean(second) - plainMean(first)
        return interval(estimate: estimate, statistics: &statistics, confidence: confidence)
    }

    /// The q quantile of ascending `sorted` values by linear interpolation (type 7); see the type's description.
    static func quantile(sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        guard below + 1 < sorted.count else { return sorted[sorted.count - 1] }
        let fraction = position - Double(below)
        return sorted[below] + fraction * (sorted[below + 1] - sorted[below])
    }

    private static func isUsable(_ values: [Double], confidence: Double, resamples: Int) -> Bool {
        !values.isEmpty && values.allSatisfy(\.isFinite) && resamples >= 1 && confidence > 0 && confidence < 1
    }

    /// Summed left to right, the order the replicates use, so a one-item-per-draw replicate reproduces it.
    private static func plainMean(_ values: [Double]) -> Double {
        var sum = 0.0
        for value in values { sum += value }
        return sum / Double(values.count)
    }

    private static func interval(
        estimate: Double, statistics: inout [Double], confidence: Double
    ) -> BootstrapInterval {
        statistics.sort()
        let alpha = 1 - confidence
        return BootstrapInterval(
            estimate: estimate,
            low: quantile(sorted: statistics, alpha / 2),
            high: quantile(sorted: statistics, 1 - alpha / 2)
        )
    }
}

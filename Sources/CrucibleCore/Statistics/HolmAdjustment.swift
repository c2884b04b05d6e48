/// The Holm–Bonferroni step-down adjustment for several tests reported together.
public enum HolmAdjustment {
    /// Adjusted p-values, in the order of `pValues`, each in [0, 1].
    ///
    /// With p₍₁₎ ≤ … ≤ p₍ₘ₎ sorted ascending, the adjusted value of p₍ᵢ₎ is max over j ≤ i of
    /// min(1, (m − j + 1) · p₍ⱼ₎). Rejecting where the adjusted value is at most α controls the family-wise error
    /// rate at α under any dependence between the tests, and never rejects less than plain Bonferroni.
    /// Every p-value must lie in [0, 1].
    public static func adjustedPValues(_ pValues: [Double]) -> [Double] {
        precondition(pValues.allSatisfy { (0...1).contains($0) }, "p-values must lie in [0, 1]")
        let m = pValues.count
        // Ties are broken by position only to make the order total; tied p-values get the same adjusted value.
        let order = pValues.indices.sorted { (pValues[$0], $0) < (pValues[$1], $1) }
        var adjusted = [Double](repeating: 0, count: m)
        var running = 0.0
        for (rank, index) in order.enumerated() {
            running = max(running, min(1, Double(m - rank) * pValues[index]))
            adjusted[index] = running
        }
        return adjusted
    }
}

/// McNemar's test for paired binary outcomes, such as two models judged on the same tasks.
public enum McNemarTest {
    /// The two-sided exact (binomial) p-value from the discordant pairs: `b` items where the first passed and
    /// the second failed, `c` items where the first failed and the second passed.
    ///
    /// p = min(1, 2 · P(X ≤ min(b, c))) with X ~ Binomial(b + c, 1/2), and 1 when b + c = 0. Concordant pairs
    /// carry no information about which side is better, so they do not enter. The exact test is used rather than
    /// the χ² approximation because discordant counts on benchmark slices are often small.
    public static func exactPValue(firstOnly b: Int, secondOnly c: Int) -> Double {
        precondition(b >= 0 && c >= 0, "discordant counts cannot be negative")
        let n = b + c
        guard n > 0 else { return 1 }
        return min(1, 2 * binomialHalfCDF(min(b, c), trials: n))
    }

    /// P(X ≤ k) for X ~ Binomial(n, 1/2), for 0 ≤ k ≤ n.
    static func binomialHalfCDF(_ k: Int, trials n: Int) -> Double {
        // C(n, n/2) leaves Double's range from n ≈ 1030 and 2^−n underflows, although their product may be an
        // ordinary number; so the coefficients are summed as significand · 2^scale and 2^−n is applied as an
        // exponent at the end. Each term is the previous one times (n − i + 1) / i, so the relative error grows by
        // a few ulps per step at most, and the terms are all positive, so the sum cancels nothing.
        var term = 1.0
        var sum = 1.0
        var scale = 0
        for i in stride(from: 1, through: k, by: 1) {
            term *= Double(n - i + 1) / Double(i)
            sum += term
            if sum > 0x1p512 {
                term *= 0x1p-512
                sum *= 0x1p-512
                scale += 512
            }
        }
        return Double(sign: .plus, exponent: scale - n, significand: sum)
    }
}

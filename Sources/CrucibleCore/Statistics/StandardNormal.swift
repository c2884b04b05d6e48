#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The standard normal distribution: its CDF, its quantile function and two-sided critical values.
public enum StandardNormal {
    /// Φ(x), the probability that a standard normal variable is at most `x`.
    ///
    /// Written with `erfc` rather than `1 + erf` so that the lower tail keeps its relative precision.
    public static func cdf(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// Φ⁻¹(p), accurate to about 1e-15 relative (1e-16 absolute near p = 0.5) for p ≥ 1e-300.
    ///
    /// Acklam's rational approximation (relative error below 1.15e-9) refined by one Halley step on `erfc`.
    /// Returns −∞ for p ≤ 0, +∞ for p ≥ 1 and NaN for NaN.
    public static func quantile(_ p: Double) -> Double {
        if p.isNaN { return .nan }
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        // Only the lower half is solved directly: 1 − p is exact for p in [0.5, 1] (Sterbenz), and the refinement
        // step needs Φ(x) − p with relative precision, which `erfc` only gives in the lower tail.
        if p > 0.5 { return -lowerQuantile(1 - p) }
        return lowerQuantile(p)
    }

    /// The z with P(−z ≤ Z ≤ z) = `confidence` (1.959963984540054 for 0.95); nil unless 0 < confidence < 1.
    public static func criticalValue(confidence: Double) -> Double? {
        guard confidence > 0, confidence < 1 else { return nil }
        return -lowerQuantile((1 - confidence) / 2)
    }

    private static let central: [Double] = [
        -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00,
    ]
    private static let centralDenominator: [Double] = [
        -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01,
    ]
    private static let tail: [Double] = [
        -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00,
    ]
    private static let tailDenominator: [Double] = [
        7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00,
    ]

    /// Φ⁻¹(p) for 0 < p ≤ 0.5.
    private static func lowerQuantile(_ p: Double) -> Double {
        var x: Double
        if p < 0.02425 {
            let q = (-2 * log(p)).squareRoot()
            x = horner(tail, q) / (horner(tailDenominator, q) * q + 1)
        } else {
            let q = p - 0.5
            let r = q * q
            x = horner(central, r) * q / (horner(centralDenominator, r) * r + 1)
        }
        let error = cdf(x) - p
        if error != 0 {
            // u = (Φ(x) − p) / φ(x); the density is divided out through logarithms because φ(x) underflows
            // long before p does (x ≈ −37.5 at p = 1e-308).
            let u = error / p * exp(log(p) + x * x / 2 + 0.5 * log(2 * Double.pi))
            x -= u / (1 + x * u / 2)
        }
        return x
    }

    private static func horner(_ coefficients: [Double], _ x: Double) -> Double {
        var value = 0.0
        for coefficient in coefficients { value = value * x + coefficient }
        return value
    }
}

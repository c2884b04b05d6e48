import CrucibleCore
import Foundation
import Testing

/// Reference values come from Debian's /usr/bin/python3 (standard library only), computed during the test run by
/// code written independently of the Swift implementation.
@Suite("Statistics")
struct StatisticsTests {
    // MARK: Normal quantile

    @Test func normalQuantileAndCDFMatchPython() throws {
        let points: [Double] = [
            1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.02, 0.02425, 0.025, 0.05, 0.1, 0.25, 0.3, 0.5,
            0.6, 0.75, 0.9, 0.95, 0.975, 0.97575, 0.99, 0.999, 1 - 1e-10,
        ]
        let reference = try runPython(
            """
            import json, sys
            from statistics import NormalDist
            ps = json.loads(sys.argv[1])
            print(json.dumps([NormalDist().inv_cdf(p) for p in ps]))
            """,
            jsonArray(points), as: [Double].self)
        for (p, expected) in zip(points, reference) {
            let x = StandardNormal.quantile(p)
            #expect(abs(x - expected) <= 1e-12 * max(1, abs(expected)), "quantile(\(p))")
            // Python's NormalDist.cdf goes through erf and loses the lower tail, so the CDF is checked by
            // inverting Python's quantile instead.
            #expect(abs(StandardNormal.cdf(expected) - p) <= 1e-12 * p, "cdf at quantile(\(p))")
        }
        #expect(StandardNormal.quantile(0) == -.infinity)
        #expect(StandardNormal.quantile(1) == .infinity)
        #expect(StandardNormal.quantile(.nan).isNaN)
        #expect(StandardNormal.quantile(0.5) == 0)
        let z = try #require(StandardNormal.criticalValue(confidence: 0.95))
        #expect(abs(z - 1.959963984540054) < 1e-14)
        #expect(StandardNormal.criticalValue(confidence: 1) == nil)
        #expect(StandardNormal.criticalValue(confidence: 0) == nil)
    }

    // MARK: Wilson

    @Test func wilsonMatchesPython() throws {
        let cases: [(k: Int, n: Int, confidence: Double)] = [
            (0, 10, 0.95), (10, 10, 0.95), (81, 100, 0.95), (1, 1034, 0.95), (809, 972, 0.95), (81, 263, 0.95),
            (5, 7, 0.95), (1, 1, 0.95), (81, 100, 0.90), (809, 972, 0.90), (3, 40, 0.99), (1, 1034, 0.5),
        ]
        // A different arrangement of the closed form than the Swift one: (k + z²/2) / (n + z²) ± …
        let reference = try runPython(
            """
            import json, math, sys
            from statistics import NormalDist
            out = []
            for k, n, conf in json.loads(sys.argv[1]):
                z = NormalDist().inv_cdf(1 - (1 - conf) / 2)
                p = k / n
                center = (k + z * z / 2) / (n + z * z)
                half = z * math.sqrt(n) / (n + z * z) * math.sqrt(p * (1 - p) + z * z / (4 * n))
                out.append([p, max(0.0, center - half), min(1.0, center + half)])
            print(json.dumps(out))
            """,
            "[" + cases.map { "[\($0.k),\($0.n),\($0.confidence)]" }.joined(separator: ",") + "]",
            as: [[Double]].self)
        for (c, expected) in zip(cases, reference) {
            let interval = try #require(
                ProportionInterval.wilson(successes: c.k, trials: c.n, confidence: c.confidence))
            #expect(interval.estimate == expected[0])
            #expect(abs(interval.low - expected[1]) <= 1e-9, "\(c.k)/\(c.n) at \(c.confidence)")
            #expect(abs(interval.high - expected[2]) <= 1e-9, "\(c.k)/\(c.n) at \(c.confidence)")
            #expect(interval.low >= 0 && interval.low <= interval.estimate)
            #expect(interval.high <= 1 && interval.high >= interval.estimate)
        }
    }

    @Test func wilsonPublishedExamples() throws {
        // Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison of seven methods",
        // Statistics in Medicine 17:857–872, Table I, method 3 (score interval without continuity correction),
        // as quoted to four decimals; each was recomputed from the closed form before being written here.
        let examples: [(k: Int, n: Int, low: Double, high: Double)] = [
            (81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605), (0, 20, 0, 0.1611), (1, 29, 0.0061, 0.1718),
        ]
        for example in examples {
            let interval = try #require(ProportionInterval.wilson(successes: example.k, trials: example.n))
            #expect(abs(interval.low - example.low) < 5e-5, "\(example.k)/\(example.n)")
            #expect(abs(interval.high - example.high) < 5e-5, "\(example.k)/\(example.n)")
        }
        // At the edges the closed form is exact: 0/n starts at 0, n/n ends at 1.
        #expect(ProportionInterval.wilson(successes: 0, trials: 10)?.low == 0)
        #expect(ProportionInterval.wilson(successes: 10, trials: 10)?.high == 1)
    }

    @Test func wilsonRejectsUnusableInput() {
        #expect(ProportionInterval.wilson(successes: 0, trials: 0) == nil)
        #expect(ProportionInterval.wilson(successes: 11, trials: 10) == nil)
        #expect(ProportionInterval.wilson(successes: -1, trials: 10) == nil)
        #expect(ProportionInterval.wilson(successes: 1, trials: 10, confidence: 1) == nil)
        #expect(ProportionInterval.wilson(successes: 1, trials: 10, confidence: 0) == nil)
    }

    // MARK: McNemar

    @Test func mcNemarMatchesExactPython() throws {
        let cases: [(b: Int, c: Int)] = [
            (0, 0), (1, 0), (10, 2), (5, 5), (3, 12), (150, 130), (1000, 900), (0, 40), (4700, 5300), (5000, 5000),
            (0, 996), (2, 1000), (1, 9999), (0, 10_000),
        ]
        // Exact rational arithmetic; the running binomial coefficient is checked against math.comb.
        let reference = try runPython(
            """
            import json, sys
            from fractions import Fraction
            from math import comb
            out = []
            for b, c in json.loads(sys.argv[1]):
                n, k = b + c, min(b, c)
                if n == 0:
                    out.append(1.0)
                    continue
                term, total = 1, 1
                for i in range(k):
                    term = term * (n - i) // (i + 1)
                    total += term
                assert term == comb(n, k)
                out.append(float(min(Fraction(1), Fraction(2 * total, 2 ** n))))
            print(json.dumps(out))
            """,
            "[" + cases.map { "[\($0.b),\($0.c)]" }.joined(separator: ",") + "]", as: [Double].self)
        for (c, expected) in zip(cases, reference) {
            let p = McNemarTest.exactPValue(firstOnly: c.b, secondOnly: c.c)
            #expect(abs(p - expected) <= 1e-12 * expected, "b = \(c.b), c = \(c.c): \(p) vs \(expected)")
            #expect(p == McNemarTest.exactPValue(firstOnly: c.c, secondOnly: c.b))
        }
    }

    @Test func mcNemarSmallCasesByHand() {
        #expect(McNemarTest.exactPValue(firstOnly: 0, secondOnly: 0) == 1)
        // 2 · P(X ≤ 0), X ~ Bin(1, 1/2) = 2 · 1/2.
        #expect(McNemarTest.exactPValue(firstOnly: 1, secondOnly: 0) == 1)
        // 2 · (C(12,0) + C(12,1) + C(12,2)) / 2¹² = 2 · 79 / 4096, exact in binary.
        #expect(McNemarTest.exactPValue(firstOnly: 10, secondOnly: 2) == 158.0 / 4096)
        // 2 · 2⁻⁴⁰.
        #expect(McNemarTest.exactPValue(firstOnly: 0, secondOnly: 40) == 0x1p-39)
    }

    // MARK: Bootstrap

    @Test func splitMix64MatchesPython() throws {
        let seeds: [UInt64] = [0, 1_234_567, .max]
        let reference = try runPython(
            Self.pythonSplitMix + """
                print(json.dumps([[str(g.next()) for _ in range(5)] for g in map(SplitMix64, json.loads(sys.argv[1]))]))
                """,
            jsonArray(seeds), as: [[String]].self)
        for (seed, expected) in zip(seeds, reference) {
            var generator = SplitMix64(seed: seed)
            #expect((0..<5).map { _ in String(generator.next()) } == expected)
        }
    }

    @Test func bootstrapMeanMatchesPython() throws {
        let values = Self.passFractions
        try #require(values.count == 50)
        let configurations: [(confidence: Double, resamples: Int, seed: UInt64)] = [
            (0.95, 10_000, 20_240_601), (0.90, 999, .max), (0.99, 2, 7),
        ]
        let reference = try runPython(
            Self.pythonBootstrap + """
                values = json.loads(sys.argv[1])
                out = []
                for conf, resamples, seed in json.loads(sys.argv[2]):
                    g = SplitMix64(seed)
                    n = len(values)
                    stats = []
                    for _ in range(resamples):
                        s = 0.0
                        for _ in range(n):
                            s += values[g.next() % n]
                        stats.append(s / n)
                    out.append([mean(values)] + percentile_interval(stats, conf))
                print(json.dumps(out))
                """,
            jsonArray(values),
            "[" + configurations.map { "[\($0.confidence),\($0.resamples),\($0.seed)]" }.joined(separator: ",") + "]",
            as: [[Double]].self)
        for (configuration, expected) in zip(configurations, reference) {
            let interval = try #require(
                Bootstrap.mean(
                    values, confidence: configuration.confidence, resamples: configuration.resamples,
                    seed: configuration.seed))
            #expect(abs(interval.estimate - expected[0]) <= 1e-12)
            #expect(abs(interval.low - expected[1]) <= 1e-12, "\(configuration)")
            #expect(abs(interval.high - expected[2]) <= 1e-12, "\(configuration)")
        }
    }

    @Test func bootstrapPairedDifferenceMatchesPython() throws {
        var generator = SplitMix64(seed: 99)
        let first = (0..<60).map { _ in Double(generator.next() % 6) / 5 }
        let second = first.map { min(1, $0 + Double(generator.next() % 3) / 5 - 0.2) }
        let seed: UInt64 = 12_345
        let reference = try runPython(
            Self.pythonBootstrap + """
                a, b = json.loads(sys.argv[1]), json.loads(sys.argv[2])
                g = SplitMix64(int(sys.argv[3]))
                n = len(a)
                stats = []
                for _ in range(4000):
                    sa = sb = 0.0
                    for _ in range(n):
                        j = g.next() % n
                        sa += a[j]
                        sb += b[j]
                    stats.append(sb / n - sa / n)
                print(json.dumps([mean(b) - mean(a)] + percentile_interval(stats, 0.95)))
                """,
            jsonArray(first), jsonArray(second), String(seed), as: [Double].self)
        let interval = try #require(
            Bootstrap.pairedDifference(from: first, to: second, resamples: 4000, seed: seed))
        #expect(abs(interval.estimate - reference[0]) <= 1e-12)
        #expect(abs(interval.low - reference[1]) <= 1e-12)
        #expect(abs(interval.high - reference[2]) <= 1e-12)
        #expect(interval.low <= interval.estimate && interval.estimate <= interval.high)
    }

    @Test func bootstrapIntervalContainsTheEstimateAndNarrowsWithMoreData() throws {
        let small = try #require(Bootstrap.mean(Self.passFractions, resamples: 2000, seed: 1))
        let large = try #require(
            Bootstrap.mean(Array(repeating: Self.passFractions, count: 10).flatMap { $0 }, resamples: 2000, seed: 1))
        #expect(small.low <= small.estimate && small.estimate <= small.high)
        #expect(large.low <= large.estimate && large.estimate <= large.high)
        #expect(abs(small.estimate - large.estimate) < 1e-12)
        // The standard error shrinks as 1/√n, so ten times the data gives about a third of the width.
        let ratio = (large.high - large.low) / (small.high - small.low)
        #expect(ratio > 0.25 && ratio < 0.4)
        let constant = try #require(Bootstrap.mean([0.5, 0.5, 0.5], resamples: 100))
        #expect(constant == BootstrapInterval(estimate: 0.5, low: 0.5, high: 0.5))
        #expect(
            Bootstrap.mean(Self.passFractions, resamples: 100, seed: 3)
                == Bootstrap.mean(
                    Self.passFractions, resamples: 100, seed: 3))
    }

    @Test func bootstrapRejectsUnusableInput() {
        #expect(Bootstrap.mean([]) == nil)
        #expect(Bootstrap.mean([1, .nan]) == nil)
        #expect(Bootstrap.mean([1], resamples: 0) == nil)
        #expect(Bootstrap.mean([1], confidence: 1) == nil)
        #expect(Bootstrap.pairedDifference(from: [1, 0], to: [1]) == nil)
        #expect(Bootstrap.pairedDifference(from: [], to: []) == nil)
    }

    @Test func tenThousandResamplesOfAThousandItemsTakeWellUnderASecond() throws {
        var generator = SplitMix64(seed: 5)
        let values = (0..<1000).map { _ in Double(generator.next() % 11) / 10 }
        let first = values.map { max(0, $0 - 0.1) }
        let clock = ContinuousClock()
        var interval: BootstrapInterval?
        let meanTime = clock.measure { interval = Bootstrap.mean(values, seed: 1) }
        let pairedTime = clock.measure { interval = Bootstrap.pairedDifference(from: first, to: values, seed: 1) }
        #expect(interval != nil)
        #expect(meanTime < .milliseconds(500), "mean: \(meanTime)")
        #expect(pairedTime < .milliseconds(500), "paired difference: \(pairedTime)")
    }

    // MARK: Holm

    @Test func holmByHand() {
        // Sorted: 0.005, 0.01, 0.03, 0.04 with multipliers 4, 3, 2, 1 give 0.02, 0.03, 0.06, 0.04; the running
        // maximum makes the last 0.06. Back in input order: 0.01 → 0.03, 0.04 → 0.06, 0.03 → 0.06, 0.005 → 0.02.
        let adjusted = HolmAdjustment.adjustedPValues([0.01, 0.04, 0.03, 0.005])
        for (value, expected) in zip(adjusted, [0.03, 0.06, 0.06, 0.02]) {
            #expect(abs(value - expected) < 1e-15)
        }
        // 3 · 0.4 caps at 1; ties share a value.
        #expect(HolmAdjustment.adjustedPValues([0.4, 0.5, 0.4]) == [1, 1, 1])
        #expect(HolmAdjustment.adjustedPValues([0.2, 0.2]) == [0.4, 0.4])
        #expect(HolmAdjustment.adjustedPValues([]) == [])
        #expect(HolmAdjustment.adjustedPValues([0.03]) == [0.03])
    }

    @Test func holmMatchesPython() throws {
        var generator = SplitMix64(seed: 2024)
        var pValues = (0..<25).map { index -> Double in
            let uniform = Double(generator.next() >> 11) * 0x1p-53
            // Some very small p-values, as real test batteries have.
            return index % 3 == 0 ? uniform * uniform * uniform : uniform
        }
        pValues[7] = pValues[3]
        // The definition taken literally: a maximum over every earlier rank, no running state.
        let reference = try runPython(
            """
            import json, sys
            ps = json.loads(sys.argv[1])
            m = len(ps)
            order = sorted(range(m), key=lambda i: ps[i])
            adjusted = [0.0] * m
            for rank, i in enumerate(order):
                adjusted[i] = max(min(1.0, (m - j) * ps[order[j]]) for j in range(rank + 1))
            print(json.dumps(adjusted))
            """,
            jsonArray(pValues), as: [Double].self)
        let adjusted = HolmAdjustment.adjustedPValues(pValues)
        #expect(adjusted.count == reference.count)
        for (value, expected) in zip(adjusted, reference) {
            #expect(abs(value - expected) <= 1e-15 * max(expected, 1e-300))
        }
    }

    // MARK: Helpers

    /// Per-task pass fractions (k of 5 or of 10 samples), mostly all-or-nothing as real benchmark tasks are.
    static let passFractions: [Double] = [
        1, 0, 0.2, 0.6, 1, 1, 0, 0.4, 0.8, 1, 0, 0, 0.2, 1, 0.6, 1, 1, 0.8, 0, 0.4, 1, 0.3, 0.7, 1, 0,
        1, 0.9, 0.1, 1, 0, 0.5, 1, 1, 0, 0.6, 0.2, 1, 0.8, 0, 1, 0.4, 1, 0, 0.6, 1, 0.7, 0, 1, 0.2, 1,
    ]

    static let pythonSplitMix = """
        import json, math, sys
        MASK = (1 << 64) - 1
        class SplitMix64:
            def __init__(self, seed):
                self.state = seed & MASK
            def next(self):
                self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
                z = self.state
                z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
                z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
                return z ^ (z >> 31)

        """

    static let pythonBootstrap =
        pythonSplitMix + """
            def mean(xs):
                s = 0.0
                for x in xs:
                    s += x
                return s / len(xs)
            def quantile(xs, q):
                h = q * (len(xs) - 1)
                lo = math.floor(h)
                if lo + 1 >= len(xs):
                    return xs[-1]
                return xs[lo] + (h - lo) * (xs[lo + 1] - xs[lo])
            def percentile_interval(stats, conf):
                stats = sorted(stats)
                alpha = 1 - conf
                return [quantile(stats, alpha / 2), quantile(stats, 1 - alpha / 2)]

            """

    private func jsonArray<Number>(_ numbers: [Number]) -> String {
        "[" + numbers.map { "\($0)" }.joined(separator: ",") + "]"
    }

    /// Runs `/usr/bin/python3 -c script arguments…` and decodes what it prints as JSON.
    private func runPython<Output: Decodable>(
        _ script: String, _ arguments: String..., as type: Output.Type
    ) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python3 failed: \(message)")
        return try JSONDecoder().decode(type, from: data)
    }
}

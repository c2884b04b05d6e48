// TEMPORARY STUB until the statistics branch lands.
import Foundation

public struct BootstrapInterval: Sendable, Equatable {
    public var estimate: Double
    public var low: Double
    public var high: Double
}

public enum Bootstrap {
    public static func pairedDifference(_ a: [Double], _ b: [Double], resamples: Int = 10_000, seed: UInt64 = 0)
        -> BootstrapInterval
    {
        let n = a.count
        guard n > 0 else { return BootstrapInterval(estimate: 0, low: 0, high: 0) }
        let diffs = zip(a, b).map { $1 - $0 }
        let estimate = diffs.reduce(0, +) / Double(n)
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var stats: [Double] = []
        for _ in 0..<resamples {
            var total = 0.0
            for _ in 0..<n { total += diffs[Int(next() % UInt64(n))] }
            stats.append(total / Double(n))
        }
        stats.sort()
        func q(_ p: Double) -> Double {
            let position = p * Double(stats.count - 1)
            let lower = Int(position.rounded(.down))
            let upper = min(lower + 1, stats.count - 1)
            return stats[lower] + (stats[upper] - stats[lower]) * (position - Double(lower))
        }
        return BootstrapInterval(estimate: estimate, low: q(0.025), high: q(0.975))
    }
}

public enum McNemarTest {
    public static func exactPValue(b: Int, c: Int) -> Double {
        let n = b + c
        guard n > 0 else { return 1 }
        let k = min(b, c)
        var total = 0.0
        for i in 0...k {
            total += exp(lgamma(Double(n + 1)) - lgamma(Double(i + 1)) - lgamma(Double(n - i + 1)) - Double(n) * log(2))
        }
        return min(1, 2 * total)
    }
}

public enum HolmAdjustment {
    public static func adjust(_ p: [Double]) -> [Double] {
        let order = p.indices.sorted { p[$0] < p[$1] }
        var adjusted = Array(repeating: 0.0, count: p.count)
        var running = 0.0
        for (rank, index) in order.enumerated() {
            running = max(running, min(1, Double(p.count - rank) * p[index]))
            adjusted[index] = running
        }
        return adjusted
    }
}

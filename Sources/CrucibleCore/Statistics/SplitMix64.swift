/// Vigna's SplitMix64 generator: small, fast, and easy to reproduce exactly in other languages, which is what
/// seeded bootstrap intervals need to be checkable.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The generator's whole state; it advances by a fixed odd constant on every draw.
    public private(set) var state: UInt64

    /// A generator whose first draw mixes `seed + 0x9E3779B97F4A7C15`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

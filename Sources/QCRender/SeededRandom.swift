/// SplitMix64 (Steele, Lea & Flood 2014; Vigna's reference code): seeds `SeededRandom` and hashes lattice points.
struct SplitMix64: Sendable {
    /// The generator state.
    var state: UInt64

    /// A generator starting from `seed`.
    init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 output function: a strong 64-bit finaliser.
    @inline(__always) static func mix(_ z0: UInt64) -> UInt64 {
        var z = z0
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A small deterministic generator: xoshiro256** (Blackman & Vigna 2018) seeded through SplitMix64.
///
/// Every random choice of the renderer comes from one of these, so a `PhotoSpec` with the same seed
/// always gives the same bytes. Never `SystemRandomNumberGenerator`.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// A generator whose whole sequence is fixed by `seed`.
    public init(seed: UInt64) {
        var sm = SplitMix64(seed: seed)
        s0 = sm.next(); s1 = sm.next(); s2 = sm.next(); s3 = sm.next()
    }

    /// The next 64 random bits.
    @inlinable public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// Uniform in [0, 1) with 53 random bits.
    @inlinable public mutating func uniform() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// Uniform in [lo, hi).
    @inlinable public mutating func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * uniform() }

    /// Approximately standard normal: the Irwin–Hall sum of twelve 16-bit uniforms minus 6
    /// (mean 0, variance 1, tails cut at ±6). Integer arithmetic only, so it is fast and bit-reproducible.
    @inlinable public mutating func gaussian() -> Double {
        var sum: UInt64 = 0
        for _ in 0..<3 {
            let r = next()
            sum += (r & 0xFFFF) + ((r >> 16) & 0xFFFF) + ((r >> 32) & 0xFFFF) + (r >> 48)
        }
        // Each 16-bit value u maps to (u + 0.5) / 65536.
        return (Double(sum) + 6.0) / 65536.0 - 6.0
    }
}

/// A small seeded pseudo-random generator (SplitMix64, Steele, Lea and Flood 2014), so
/// pull plans are reproducible from a seed on every platform and toolchain.
///
/// Bounded integers and shuffles are computed here rather than with the standard
/// library's `random(in:using:)`, whose algorithm is not guaranteed to stay the same.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { self.state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (rejection sampling, no modulo bias); 0 when bound <= 1.
    public mutating func nextInt(below bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let range = UInt64(bound)
        let limit = UInt64.max - UInt64.max % range
        while true {
            let value = next()
            if value < limit { return Int(value % range) }
        }
    }

    /// `count` distinct elements of `elements`, chosen uniformly (partial Fisher-Yates), in draw order.
    public mutating func choose<T>(_ count: Int, from elements: [T]) -> [T] {
        var pool = elements
        let take = max(0, min(count, pool.count))
        for index in 0..<take {
            let pick = index + nextInt(below: pool.count - index)
            pool.swapAt(index, pick)
        }
        return Array(pool.prefix(take))
    }
}

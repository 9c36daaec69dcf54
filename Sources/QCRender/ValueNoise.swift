/// Smooth lattice value noise in [−1, 1], seeded: the background's slight texture.
///
/// Values at integer lattice points come from hashing (ix, iy, seed) with the SplitMix64 finaliser;
/// between them they are blended with a smoothstep. Integer hashing keeps it bit-reproducible.
struct ValueNoise: Sendable {
    let seed: UInt64

    @inline(__always) func lattice(_ ix: Int, _ iy: Int) -> Double {
        let h = SplitMix64.mix(seed ^ (UInt64(bitPattern: Int64(ix)) &* 0x9E37_79B9_7F4A_7C15)
                               ^ (UInt64(bitPattern: Int64(iy)) &* 0xC2B2_AE3D_27D4_EB4F))
        return Double(h >> 11) * (2.0 / 9_007_199_254_740_992.0) - 1
    }

    /// Noise at `p` (lattice units).
    @inline(__always) func value(_ p: Vec2) -> Double {
        let fx = p.x.rounded(.down), fy = p.y.rounded(.down)
        let ix = Int(fx), iy = Int(fy)
        var tx = p.x - fx, ty = p.y - fy
        tx = tx * tx * (3 - 2 * tx); ty = ty * ty * (3 - 2 * ty)
        let a = lattice(ix, iy), b = lattice(ix + 1, iy), c = lattice(ix, iy + 1), d = lattice(ix + 1, iy + 1)
        return (a + (b - a) * tx) * (1 - ty) + (c + (d - c) * tx) * ty
    }
}

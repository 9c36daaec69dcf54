/// Exact pixel coverage for anti-aliasing.
///
/// A pixel is the unit square about its centre. Where a single, locally straight boundary crosses it
/// the covered fraction is computed in closed form (`halfPlane`); elsewhere near boundaries the pixel
/// is supersampled on a rank-1 Fibonacci lattice (`lattice`), whose x and y projections are both
/// permutations of a 1/N grid, so axis-aligned edges are resolved to 1/N of a pixel.
enum Coverage {
    /// Fraction of the unit square centred on the origin where `d + n·u < 0`, for a unit normal `n`:
    /// the covered area of a pixel whose centre is at signed distance `d` (px) from a straight edge.
    @inline(__always)
    static func halfPlane(distance d: Double, normal n: Vec2) -> Double {
        var a = abs(n.x), b = abs(n.y)
        if a < b { swap(&a, &b) }
        // X = a·u + b·v with u, v uniform on [−½, ½]: trapezoidal density; return P(X < −d).
        let t = -d
        let outer = (a + b) / 2, inner = (a - b) / 2
        if t <= -outer { return 0 }
        if t >= outer { return 1 }
        if b < 1e-12 { return 0.5 + t / a }
        if t < -inner { let s = t + outer; return s * s / (2 * a * b) }
        if t <= inner { return 0.5 + t / a }
        let s = outer - t
        return 1 - s * s / (2 * a * b)
    }

    /// Number of lattice points: a Fibonacci number.
    static let latticeCount = 233
    /// Generator: the previous Fibonacci number.
    static let latticeGenerator = 144

    /// Offsets from the pixel centre (px), each in (−½, ½)².
    static let lattice: [Vec2] = (0..<latticeCount).map { i in
        let n = Double(latticeCount)
        let x = (Double(i) + 0.5) / n
        let y = (Double((i * latticeGenerator) % latticeCount) + 0.5) / n
        return Vec2(x - 0.5, y - 0.5)
    }
}

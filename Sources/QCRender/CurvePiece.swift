#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A point on a boundary curve with its unit normal, pointing towards increasing signed distance
/// (out of the shape whose boundary it is).
public struct BoundarySample: Sendable, Equatable {
    /// Position (mm).
    public var point: Vec2
    /// Unit normal, out of the shape.
    public var normal: Vec2

    /// A sample from its point and normal.
    public init(point: Vec2, normal: Vec2) { self.point = point; self.normal = normal }
}

/// One smooth piece of a shape's boundary: a straight segment or a circular arc.
///
/// Boundaries are chains of pieces joined end to end; `CurvePiece.sampleUniformly` places points
/// at equal arc-length steps along a whole chain.
public enum CurvePiece: Sendable, Equatable {
    /// Segment from `from` to `to` with a constant unit `normal`.
    case line(from: Vec2, to: Vec2, normal: Vec2)
    /// Arc of a circle: points `centre + radius·(cos θ, sin θ)` for θ from `start` to `start + sweep` (radians);
    /// the normal is `normalSign` times the radial direction (+1 outward, −1 towards the centre).
    case arc(centre: Vec2, radius: Double, start: Double, sweep: Double, normalSign: Double)

    /// Arc length (mm).
    public var length: Double {
        switch self {
        case .line(let a, let b, _): return (b - a).length
        case .arc(_, let r, _, let sweep, _): return r * abs(sweep)
        }
    }

    /// The point and normal at arc length `s` from the piece's start.
    public func sample(at s: Double) -> BoundarySample {
        switch self {
        case .line(let a, let b, let n):
            let l = (b - a).length
            let t = l > 0 ? s / l : 0
            return BoundarySample(point: a + (b - a) * t, normal: n)
        case .arc(let c, let r, let start, let sweep, let sign):
            let theta = start + (sweep >= 0 ? 1.0 : -1.0) * (r > 0 ? s / r : 0)
            let radial = Vec2(cos(theta), sin(theta))
            return BoundarySample(point: c + radial * r, normal: radial * sign)
        }
    }

    /// Points at equal arc-length steps along a chain of pieces: `n = ceil(L / spacing)` points at
    /// arc lengths (i + ½)·L/n, so the chain's ends (often corners) are never sampled.
    public static func sampleUniformly(_ chain: [CurvePiece], spacing: Double) -> [BoundarySample] {
        let lengths = chain.map(\.length)
        let total = lengths.reduce(0, +)
        guard total > 0, spacing > 0 else { return [] }
        let n = max(1, Int((total / spacing).rounded(.up)))
        let step = total / Double(n)
        var out: [BoundarySample] = []
        out.reserveCapacity(n)
        var piece = 0
        var pieceStart = 0.0
        for i in 0..<n {
            let s = (Double(i) + 0.5) * step
            while piece < chain.count - 1 && s > pieceStart + lengths[piece] {
                pieceStart += lengths[piece]
                piece += 1
            }
            out.append(chain[piece].sample(at: min(max(s - pieceStart, 0), lengths[piece])))
        }
        return out
    }
}

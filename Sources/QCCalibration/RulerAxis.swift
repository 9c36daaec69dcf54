/// A rotated coordinate frame along a ruler: t runs along the axis, v across it, both in pixels
/// (pixel-centre convention of `Image`). A point p maps to t = p·u, v = p·n with u = (cos φ, sin φ),
/// n = (−sin φ, cos φ).
struct RulerAxis: Sendable, Equatable {
    /// Axis direction, degrees, measured from +x towards +y (image y points down).
    let angleDegrees: Double
    /// cos φ and sin φ, computed once: profiles map hundreds of thousands of points through the frame.
    private let cosine: Double, sine: Double

    init(angleDegrees: Double) {
        self.angleDegrees = angleDegrees
        cosine = cos(angleDegrees * .pi / 180)
        sine = sin(angleDegrees * .pi / 180)
    }

    var u: (x: Double, y: Double) { (cosine, sine) }
    var n: (x: Double, y: Double) { (-sine, cosine) }

    func point(t: Double, v: Double) -> (x: Double, y: Double) {
        let u = self.u, n = self.n
        return (t * u.x + v * n.x, t * u.y + v * n.y)
    }

    func coordinates(x: Double, y: Double) -> (t: Double, v: Double) {
        let u = self.u, n = self.n
        return (x * u.x + y * u.y, x * n.x + y * n.y)
    }

    /// The range of t and v covered by a width × height raster.
    func extent(width: Int, height: Int) -> (t: ClosedRange<Double>, v: ClosedRange<Double>) {
        let corners = [(0.0, 0.0), (Double(width), 0.0), (0.0, Double(height)), (Double(width), Double(height))]
            .map { coordinates(x: $0.0, y: $0.1) }
        let ts = corners.map(\.t), vs = corners.map(\.v)
        return (ts.min()!...ts.max()!, vs.min()!...vs.max()!)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

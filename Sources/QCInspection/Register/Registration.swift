/// A unit placed onto the master's design frame: design point p (mm) ↦ photo point c + s·R(θ)·p (px),
/// with c the outline's area centroid, s the photo's px/mm and θ the rotation (clockwise on screen).
struct Registration: Sendable {
    let cx: Double, cy: Double
    let pxPerMM: Double
    /// Radians, clockwise on screen (image y points down).
    let theta: Double
    let rotationFrom: String
    /// cos θ and sin θ, computed once (measurements map many thousands of points).
    private let c: Double, s: Double

    init(cx: Double, cy: Double, pxPerMM: Double, theta: Double, rotationFrom: String) {
        self.cx = cx; self.cy = cy; self.pxPerMM = pxPerMM; self.theta = theta; self.rotationFrom = rotationFrom
        c = cos(theta); s = sin(theta)
    }

    /// Photo pixel of design point (x, y) mm.
    @inline(__always) func toPhoto(_ x: Double, _ y: Double) -> (Double, Double) {
        return (cx + pxPerMM * (c * x - s * y), cy + pxPerMM * (s * x + c * y))
    }

    /// Photo direction (unit vector) of a design direction.
    @inline(__always) func directionToPhoto(_ x: Double, _ y: Double) -> (Double, Double) {
        return (c * x - s * y, s * x + c * y)
    }

    /// Design point (mm) of photo pixel (x, y).
    @inline(__always) func toDesign(_ x: Double, _ y: Double) -> (Double, Double) {
        let dx = (x - cx) / pxPerMM, dy = (y - cy) / pxPerMM
        return (c * dx + s * dy, -s * dx + c * dy)
    }

    /// Design direction of a photo direction.
    @inline(__always) func directionToDesign(_ x: Double, _ y: Double) -> (Double, Double) {
        return (c * x + s * y, -s * x + c * y)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

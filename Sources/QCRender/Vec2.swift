#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A 2D point or vector, in millimetres (design and scene frames) or pixels (image frame).
///
/// All frames have x to the right and y downwards, like `Image`. A rotation by a positive angle
/// (`rotated(byDegrees:)`) therefore turns clockwise as seen on screen.
public struct Vec2: Sendable, Hashable, Codable, CustomStringConvertible {
    public var x: Double
    public var y: Double

    /// A vector from its components.
    @inlinable public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }

    /// (0, 0).
    public static let zero = Vec2(0, 0)

    @inlinable public static func + (a: Vec2, b: Vec2) -> Vec2 { Vec2(a.x + b.x, a.y + b.y) }
    @inlinable public static func - (a: Vec2, b: Vec2) -> Vec2 { Vec2(a.x - b.x, a.y - b.y) }
    @inlinable public static func * (a: Vec2, s: Double) -> Vec2 { Vec2(a.x * s, a.y * s) }
    @inlinable public static func * (s: Double, a: Vec2) -> Vec2 { Vec2(a.x * s, a.y * s) }
    @inlinable public static func / (a: Vec2, s: Double) -> Vec2 { Vec2(a.x / s, a.y / s) }
    @inlinable public static prefix func - (a: Vec2) -> Vec2 { Vec2(-a.x, -a.y) }
    @inlinable public static func += (a: inout Vec2, b: Vec2) { a = a + b }

    /// Dot product.
    @inlinable public func dot(_ o: Vec2) -> Double { x * o.x + y * o.y }
    /// 2D cross product (z of the 3D cross product).
    @inlinable public func cross(_ o: Vec2) -> Double { x * o.y - y * o.x }
    /// Euclidean length.
    @inlinable public var length: Double { (x * x + y * y).squareRoot() }
    /// Squared length.
    @inlinable public var lengthSquared: Double { x * x + y * y }
    /// The unit vector in the same direction (zero stays zero).
    @inlinable public var normalized: Vec2 {
        let l = length
        return l > 0 ? Vec2(x / l, y / l) : .zero
    }
    /// This vector turned by +90° (clockwise on screen): (−y, x).
    @inlinable public var perpendicular: Vec2 { Vec2(-y, x) }

    /// This vector rotated by `radians` (clockwise on screen for positive angles, y down).
    @inlinable public func rotated(by radians: Double) -> Vec2 {
        let c = cos(radians), s = sin(radians)
        return Vec2(x * c - y * s, x * s + y * c)
    }

    /// This vector rotated by `degrees` (clockwise on screen for positive angles, y down).
    @inlinable public func rotated(byDegrees degrees: Double) -> Vec2 { rotated(by: degrees * .pi / 180) }

    /// Angle of the vector in degrees, atan2(y, x) (clockwise on screen from +x).
    public var angleDegrees: Double { atan2(y, x) * 180 / .pi }

    public var description: String { "(\(x), \(y))" }
}

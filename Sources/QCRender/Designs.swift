#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QCColor

/// The catalogue of unit designs used by the fixtures and tests, by name.
///
/// - `pin-round-30`: 30 mm round soft enamel pin, 0.80 mm rim, 0.30 mm raised lines dividing
///   three enamel colours (sky, sun, sea) plus seven sun rays.
/// - `pin-shield-25`: 21 × 25 mm shield with a chamfered top-left corner and an off-centre tip (the
///   outline fixes rotation), 0.70 mm rim, a 0.30 mm diagonal line dividing two enamels, a raised star.
/// - `coin-45`: 45 mm coin, 2.0 mm rim, recessed toned field with a raised bead ring and star.
public enum DesignCatalogue {
    /// Half width (mm) of the 0.30 mm raised metal lines.
    static let lineHalfWidth = 0.15

    /// `pin-round-30`.
    public static let pinRound30: Design = build { () throws(RenderError) -> Design in
        let sun = Vec2(-3.5, -3.5)
        let sunRadius = 5.2
        let horizonY = 4.0
        var features: [MetalFeature] = [
            MetalFeature(name: "horizon", shape: .capsule(from: Vec2(-16, horizonY), to: Vec2(16, horizonY), radius: lineHalfWidth),
                         shiftNormal: Vec2(0, 1), carriedFills: [1]),
            MetalFeature(name: "sun-ring", shape: .ring(centre: sun, radius: sunRadius, halfWidth: lineHalfWidth),
                         shiftNormal: Vec2(1, 0), carriedFills: [0]),
        ]
        for (k, deg) in [0.0, -45, -90, -135, 180, 135, 45].enumerated() {
            let d = Vec2(1, 0).rotated(byDegrees: deg)
            features.append(MetalFeature(name: "ray-\(k + 1)",
                                         shape: .capsule(from: sun + d * 6.3, to: sun + d * 8.3, radius: lineHalfWidth),
                                         shiftNormal: d.perpendicular))
        }
        return try Design(
            name: "pin-round-30",
            summary: "30 mm round soft enamel pin, 0.80 mm rim, 0.30 mm raised lines, 3 enamel colours",
            outline: .circle(centre: .zero, radius: 15), rimWidth: 0.80, features: features,
            fills: [
                EnamelFill(name: "sun", shape: .circle(centre: sun, radius: sunRadius), region: .enamel(1)),
                EnamelFill(name: "sea", shape: .halfPlane(through: Vec2(0, horizonY), outwardNormal: Vec2(0, -1)),
                           region: .enamel(2)),
            ],
            field: .enamel(0),
            enamels: [EnamelColour(name: "sky", lab: Lab(74, -9, -27)),
                      EnamelColour(name: "sun", lab: Lab(66, 38, 66)),
                      EnamelColour(name: "sea", lab: Lab(31, 9, -44))])
    }

    /// `pin-shield-25`.
    public static let pinShield25: Design = build { () throws(RenderError) -> Design in
        // Construction frame: the convex core polygon, grown by the 1.5 mm corner radius to 21 × 25 mm.
        let core = [Vec2(3, 0), Vec2(18, 0), Vec2(18, 12.5), Vec2(10, 22), Vec2(0, 13.5), Vec2(0, 3)]
        let outline0 = Shape.roundedPolygon(vertices: core, cornerRadius: 1.5)
        guard let centroid = outline0.areaAndCentroid?.centroid else {
            throw .invalidDesign(name: "pin-shield-25", reason: "outline has no centroid")
        }
        let o = -centroid
        let a = Vec2(-3, 3), b = Vec2(23, 19)
        let n = Vec2(b.y - a.y, -(b.x - a.x)).normalized   // towards the upper right
        return try Design(
            name: "pin-shield-25",
            summary: "21 × 25 mm shield soft enamel pin, 0.70 mm rim, a 0.30 mm diagonal line dividing 2 enamels, raised star",
            outline: outline0.translated(by: o), rimWidth: 0.70,
            features: [
                MetalFeature(name: "diagonal", shape: .capsule(from: a + o, to: b + o, radius: lineHalfWidth),
                             shiftNormal: n, carriedFills: [0]),
                MetalFeature(name: "star", shape: .polygon(vertices: star(centre: Vec2(12.5, 6) + o, outer: 3.2, inner: 1.3)),
                             shiftNormal: Vec2(1, 0)),
            ],
            fills: [EnamelFill(name: "lower-left", shape: .halfPlane(through: a + o, outwardNormal: n), region: .enamel(1))],
            field: .enamel(0),
            enamels: [EnamelColour(name: "navy", lab: Lab(27, 10, -40)),
                      EnamelColour(name: "red", lab: Lab(45, 60, 42))])
    }

    /// `coin-45`.
    public static let coin45: Design = build { () throws(RenderError) -> Design in
        try Design(
            name: "coin-45",
            summary: "45 mm coin, 2.0 mm rim, recessed toned field, raised bead ring and star",
            outline: .circle(centre: .zero, radius: 22.5), rimWidth: 2.0,
            features: [
                MetalFeature(name: "bead-ring", shape: .ring(centre: .zero, radius: 18, halfWidth: 0.3), shiftNormal: Vec2(1, 0)),
                MetalFeature(name: "star", shape: .polygon(vertices: star(centre: Vec2(0, 0.6), outer: 11, inner: 4.4)),
                             shiftNormal: Vec2(1, 0)),
            ],
            fills: [], field: .relief, enamels: [], reliefShade: 0.5)
    }

    /// Every design, in catalogue order.
    public static var all: [Design] { [pinRound30, pinShield25, coin45] }

    /// Every design name, in catalogue order.
    public static var names: [String] { all.map(\.name) }

    /// The design called `name`.
    /// - Throws: `RenderError.unknownDesign`.
    public static func design(named name: String) throws(RenderError) -> Design {
        guard let d = all.first(where: { $0.name == name }) else { throw .unknownDesign(name) }
        return d
    }

    /// Vertices of a star with `points` tips, the first tip straight up (−y).
    public static func star(centre: Vec2, outer: Double, inner: Double, points: Int = 5) -> [Vec2] {
        (0..<(2 * points)).map { k in
            let angle = -Double.pi / 2 + Double(k) * Double.pi / Double(points)
            let r = k % 2 == 0 ? outer : inner
            return centre + Vec2(cos(angle), sin(angle)) * r
        }
    }

    /// Builds a catalogue constant; a failure is a bug in this file, caught by the catalogue tests.
    private static func build(_ make: () throws(RenderError) -> Design) -> Design {
        do { return try make() } catch { fatalError("DesignCatalogue: \(error)") }
    }
}

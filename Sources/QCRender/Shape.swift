#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A 2D shape in millimetres, described by an exact signed distance function (negative inside).
///
/// Distance functions follow Inigo Quilez, "2D distance functions"
/// (https://iquilezles.org/articles/distfunctions2d/): sdCircle, sdPolygon, sdSegment, sdRing-like
/// annulus, and a rounded convex polygon as `sdPolygon − r`. Every case is exact (|d| is the distance
/// to the boundary), which the renderer relies on to decide which pixels straddle an edge, and
/// every boundary is a chain of lines and arcs (`boundaryChains`) for the truth.
public enum Shape: Sendable, Equatable {
    /// Disc.
    case circle(centre: Vec2, radius: Double)
    /// Convex polygon grown outwards by `cornerRadius`: straight sides, round corners.
    case roundedPolygon(vertices: [Vec2], cornerRadius: Double)
    /// Simple polygon with sharp corners (any winding; may be concave, e.g. a star).
    case polygon(vertices: [Vec2])
    /// Segment from `from` to `to` stroked with half width `radius`: a straight line with round caps.
    case capsule(from: Vec2, to: Vec2, radius: Double)
    /// Circular line: the annulus within `halfWidth` of the circle of `radius` about `centre`.
    case ring(centre: Vec2, radius: Double, halfWidth: Double)
    /// Half plane: inside where (p − through)·outwardNormal < 0. `outwardNormal` must be a unit vector.
    case halfPlane(through: Vec2, outwardNormal: Vec2)

    /// Signed distance from `p` to the boundary (mm), negative inside.
    public func distance(_ p: Vec2) -> Double {
        switch self {
        case .circle(let c, let r):
            return (p - c).length - r
        case .roundedPolygon(let v, let r):
            return Shape.polygonDistance(v, p) - r
        case .polygon(let v):
            return Shape.polygonDistance(v, p)
        case .capsule(let a, let b, let r):
            return Shape.segmentDistance(a, b, p) - r
        case .ring(let c, let r, let hw):
            return abs((p - c).length - r) - hw
        case .halfPlane(let o, let n):
            return (p - o).dot(n)
        }
    }

    /// IQ sdSegment: unsigned distance from `p` to the segment ab.
    @inlinable static func segmentDistance(_ a: Vec2, _ b: Vec2, _ p: Vec2) -> Double {
        let pa = p - a, ba = b - a
        let bb = ba.lengthSquared
        let h = bb > 0 ? min(max(pa.dot(ba) / bb, 0), 1) : 0
        return (pa - ba * h).length
    }

    /// IQ sdPolygon: exact signed distance to a simple polygon (crossing-number sign).
    static func polygonDistance(_ v: [Vec2], _ p: Vec2) -> Double {
        v.withUnsafeBufferPointer { polygonDistance($0, p) }
    }

    /// IQ sdPolygon over a vertex buffer.
    @inlinable static func polygonDistance(_ v: UnsafeBufferPointer<Vec2>, _ p: Vec2) -> Double {
        let n = v.count
        var d = (p - v[0]).lengthSquared
        var s = 1.0
        var j = n - 1
        for i in 0..<n {
            let e = v[j] - v[i]
            let w = p - v[i]
            let ee = e.lengthSquared
            let h = ee > 0 ? min(max(w.dot(e) / ee, 0), 1) : 0
            let b = w - e * h
            d = min(d, b.lengthSquared)
            let c1 = p.y >= v[i].y, c2 = p.y < v[j].y, c3 = e.x * w.y > e.y * w.x
            if (c1 && c2 && c3) || (!c1 && !c2 && !c3) { s = -s }
            j = i
        }
        return s * d.squareRoot()
    }

    /// Signed area of a polygon (positive when the vertices run clockwise on screen, y down).
    static func signedArea(_ v: [Vec2]) -> Double {
        var a = 0.0
        for i in 0..<v.count { a += v[i].cross(v[(i + 1) % v.count]) }
        return a / 2
    }

    /// Unit outward normal of each edge v[i] → v[i+1] of a polygon.
    static func edgeNormals(_ v: [Vec2]) -> [Vec2] {
        let sign = signedArea(v) >= 0 ? 1.0 : -1.0
        return (0..<v.count).map { i in
            let e = v[(i + 1) % v.count] - v[i]
            return Vec2(e.y, -e.x).normalized * sign
        }
    }

    /// Whether a polygon is convex (all turns the same way).
    static func isConvex(_ v: [Vec2]) -> Bool {
        guard v.count >= 3 else { return false }
        var sign = 0.0
        for i in 0..<v.count {
            let a = v[(i + 1) % v.count] - v[i], b = v[(i + 2) % v.count] - v[(i + 1) % v.count]
            let c = a.cross(b)
            if c != 0 {
                if sign == 0 { sign = c } else if (c > 0) != (sign > 0) { return false }
            }
        }
        return sign != 0
    }

    /// The same shape moved by `offset` (mm).
    public func translated(by o: Vec2) -> Shape {
        switch self {
        case .circle(let c, let r): return .circle(centre: c + o, radius: r)
        case .roundedPolygon(let v, let r): return .roundedPolygon(vertices: v.map { $0 + o }, cornerRadius: r)
        case .polygon(let v): return .polygon(vertices: v.map { $0 + o })
        case .capsule(let a, let b, let r): return .capsule(from: a + o, to: b + o, radius: r)
        case .ring(let c, let r, let hw): return .ring(centre: c + o, radius: r, halfWidth: hw)
        case .halfPlane(let p, let n): return .halfPlane(through: p + o, outwardNormal: n)
        }
    }

    /// The same shape scaled by `s` about the origin (every length times `s`).
    public func scaled(by s: Double) -> Shape {
        switch self {
        case .circle(let c, let r): return .circle(centre: c * s, radius: r * s)
        case .roundedPolygon(let v, let r): return .roundedPolygon(vertices: v.map { $0 * s }, cornerRadius: r * s)
        case .polygon(let v): return .polygon(vertices: v.map { $0 * s })
        case .capsule(let a, let b, let r): return .capsule(from: a * s, to: b * s, radius: r * s)
        case .ring(let c, let r, let hw): return .ring(centre: c * s, radius: r * s, halfWidth: hw * s)
        case .halfPlane(let p, let n): return .halfPlane(through: p * s, outwardNormal: n)
        }
    }

    /// The shape shrunk by `w` mm (the set where distance < −w), as an exact shape of the same kind:
    /// its distance is `distance(p) + w`. Defined for circles and for rounded polygons whose corner
    /// radius is at least `w`; `nil` otherwise.
    public func inset(by w: Double) -> Shape? {
        switch self {
        case .circle(let c, let r): return r > w ? .circle(centre: c, radius: r - w) : nil
        case .roundedPolygon(let v, let r): return r >= w ? .roundedPolygon(vertices: v, cornerRadius: r - w) : nil
        default: return nil
        }
    }

    /// Axis-aligned bounding box of the shape (mm), `nil` for a half plane.
    public var boundingBox: (min: Vec2, max: Vec2)? {
        switch self {
        case .circle(let c, let r):
            return (Vec2(c.x - r, c.y - r), Vec2(c.x + r, c.y + r))
        case .roundedPolygon(let v, let r):
            let b = Shape.box(v)
            return (Vec2(b.min.x - r, b.min.y - r), Vec2(b.max.x + r, b.max.y + r))
        case .polygon(let v):
            return Shape.box(v)
        case .capsule(let a, let b, let r):
            return (Vec2(min(a.x, b.x) - r, min(a.y, b.y) - r), Vec2(max(a.x, b.x) + r, max(a.y, b.y) + r))
        case .ring(let c, let r, let hw):
            return (Vec2(c.x - r - hw, c.y - r - hw), Vec2(c.x + r + hw, c.y + r + hw))
        case .halfPlane:
            return nil
        }
    }

    static func box(_ v: [Vec2]) -> (min: Vec2, max: Vec2) {
        var lo = v[0], hi = v[0]
        for p in v { lo = Vec2(min(lo.x, p.x), min(lo.y, p.y)); hi = Vec2(max(hi.x, p.x), max(hi.y, p.y)) }
        return (lo, hi)
    }

    /// The zero set of the distance function as closed chains of lines and arcs, with normals towards
    /// increasing distance. A half plane gives one segment of half-length `extent` about `through`.
    public func boundaryChains(extent: Double = 100) -> [[CurvePiece]] {
        switch self {
        case .circle(let c, let r):
            return [[.arc(centre: c, radius: r, start: 0, sweep: 2 * .pi, normalSign: 1)]]
        case .roundedPolygon(let v, let r):
            let normals = Shape.edgeNormals(v)
            let turn = Shape.signedArea(v) >= 0 ? 1.0 : -1.0
            var chain: [CurvePiece] = []
            for i in 0..<v.count {
                let j = (i + 1) % v.count
                let n = normals[i]
                chain.append(.line(from: v[i] + n * r, to: v[j] + n * r, normal: n))
                if r > 0 {
                    let n2 = normals[j]
                    let a0 = atan2(n.y, n.x)
                    var sweep = atan2(n2.y, n2.x) - a0
                    // Convex corner: the normal turns the same way as the polygon runs.
                    while sweep * turn < 0 { sweep += 2 * .pi * turn }
                    while abs(sweep) > 2 * .pi { sweep -= 2 * .pi * turn }
                    chain.append(.arc(centre: v[j], radius: r, start: a0, sweep: sweep, normalSign: 1))
                }
            }
            return [chain]
        case .polygon(let v):
            let normals = Shape.edgeNormals(v)
            return [(0..<v.count).map { i in .line(from: v[i], to: v[(i + 1) % v.count], normal: normals[i]) }]
        case .capsule(let a, let b, let r):
            let d = (b - a).normalized
            let m = d.perpendicular   // (−d.y, d.x)
            let am = atan2(m.y, m.x)
            return [[
                .line(from: a + m * r, to: b + m * r, normal: m),
                .arc(centre: b, radius: r, start: am, sweep: -.pi, normalSign: 1),
                .line(from: b - m * r, to: a - m * r, normal: -m),
                .arc(centre: a, radius: r, start: am + .pi, sweep: -.pi, normalSign: 1),
            ]]
        case .ring(let c, let r, let hw):
            var chains: [[CurvePiece]] = [[.arc(centre: c, radius: r + hw, start: 0, sweep: 2 * .pi, normalSign: 1)]]
            if r - hw > 0 {
                chains.append([.arc(centre: c, radius: r - hw, start: 0, sweep: 2 * .pi, normalSign: -1)])
            }
            return chains
        case .halfPlane(let o, let n):
            let t = n.perpendicular
            return [[.line(from: o - t * extent, to: o + t * extent, normal: n)]]
        }
    }

    /// Area (mm²) and area centroid of a bounded shape, from its boundary by Green's theorem
    /// (arcs subdivided finely enough that the error is below 1e-9 mm). `nil` for a half plane or ring.
    public var areaAndCentroid: (area: Double, centroid: Vec2)? {
        switch self {
        case .circle(let c, let r): return (Double.pi * r * r, c)
        case .halfPlane, .ring: return nil
        default: break
        }
        var pts: [Vec2] = []
        for chain in boundaryChains() {
            for piece in chain {
                switch piece {
                case .line(let a, _, _): pts.append(a)
                case .arc:
                    let k = 4096
                    for i in 0..<k { pts.append(piece.sample(at: piece.length * Double(i) / Double(k)).point) }
                }
            }
        }
        var a = 0.0, cx = 0.0, cy = 0.0
        for i in 0..<pts.count {
            let p = pts[i], q = pts[(i + 1) % pts.count]
            let c = p.cross(q)
            a += c; cx += (p.x + q.x) * c; cy += (p.y + q.y) * c
        }
        a /= 2
        return (abs(a), Vec2(cx / (6 * a), cy / (6 * a)))
    }

    /// Whether the zero set within `window` mm of `p` is a single smooth curve whose radius of curvature
    /// is at least `minRadius` mm, so that a pixel there can be covered analytically by a half plane.
    public func isSimpleEdge(near p: Vec2, window: Double, minRadius: Double) -> Bool {
        switch self {
        case .circle(_, let r):
            return r >= minRadius
        case .halfPlane:
            return true
        case .ring(let c, let r, let hw):
            guard r - hw >= minRadius else { return false }
            let rho = (p - c).length
            return max(abs(rho - r - hw), abs(rho - r + hw)) > window
        case .capsule(let a, let b, let r):
            let ba = b - a
            let len = ba.length
            guard len > 0 else { return false }
            let d = ba / len
            let along = (p - a).dot(d)
            guard along > window && along < len - window else { return false }
            let across = (p - a).dot(d.perpendicular)
            return max(abs(across - r), abs(across + r)) > window
        case .polygon(let v):
            var near = 0
            for i in 0..<v.count {
                if (p - v[i]).length <= window { return false }
                if Shape.segmentDistance(v[i], v[(i + 1) % v.count], p) <= window { near += 1 }
            }
            return near <= 1
        case .roundedPolygon(let v, let r):
            if r >= minRadius { return true }
            for q in v where (p - q).length <= r + window { return false }
            return true
        }
    }
}

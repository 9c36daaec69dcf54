/// Shapes compiled to flat, payload-free records so the per-pixel loop evaluates them without
/// existentials, enum payload copies or reference counting.
struct SDFProgram: Sendable {
    /// One compiled shape.
    struct Primitive: Sendable {
        enum Kind: UInt8, Sendable { case circle, polygon, capsule, ring, halfPlane }
        var kind: Kind
        /// circle/ring: centre; capsule: from; half plane: through.
        var a: Vec2
        /// capsule: to; half plane: outward normal.
        var b: Vec2
        /// circle: radius; polygon: corner radius (0 for sharp); capsule: half width; ring: half width.
        var r: Double
        /// ring: radius of the centre circle.
        var r2: Double
        /// polygon: first vertex and vertex count in `vertices`.
        var start: Int
        var count: Int
    }

    let shapes: [Shape]
    let primitives: [Primitive]
    let vertices: [Vec2]

    init(_ shapes: [Shape]) {
        var prims: [Primitive] = []
        var verts: [Vec2] = []
        for s in shapes {
            switch s {
            case .circle(let c, let r):
                prims.append(Primitive(kind: .circle, a: c, b: .zero, r: r, r2: 0, start: 0, count: 0))
            case .roundedPolygon(let v, let r):
                prims.append(Primitive(kind: .polygon, a: .zero, b: .zero, r: r, r2: 0, start: verts.count, count: v.count))
                verts.append(contentsOf: v)
            case .polygon(let v):
                prims.append(Primitive(kind: .polygon, a: .zero, b: .zero, r: 0, r2: 0, start: verts.count, count: v.count))
                verts.append(contentsOf: v)
            case .capsule(let a, let b, let r):
                prims.append(Primitive(kind: .capsule, a: a, b: b, r: r, r2: 0, start: 0, count: 0))
            case .ring(let c, let r, let hw):
                prims.append(Primitive(kind: .ring, a: c, b: .zero, r: hw, r2: r, start: 0, count: 0))
            case .halfPlane(let o, let n):
                prims.append(Primitive(kind: .halfPlane, a: o, b: n, r: 0, r2: 0, start: 0, count: 0))
            }
        }
        self.shapes = shapes
        self.primitives = prims
        self.vertices = verts
    }

    var count: Int { primitives.count }

    /// Signed distance of one compiled primitive at `q` (mm).
    @inline(__always)
    static func distance(_ p: Primitive, _ q: Vec2, _ verts: UnsafeBufferPointer<Vec2>) -> Double {
        switch p.kind {
        case .circle:
            return (q - p.a).length - p.r
        case .capsule:
            return Shape.segmentDistance(p.a, p.b, q) - p.r
        case .ring:
            return abs((q - p.a).length - p.r2) - p.r
        case .halfPlane:
            return (q - p.a).dot(p.b)
        case .polygon:
            let v = UnsafeBufferPointer(rebasing: verts[p.start ..< p.start + p.count])
            return Shape.polygonDistance(v, q) - p.r
        }
    }

    /// Runs `body` with raw access to the compiled primitives and vertices.
    @inline(__always)
    func withBuffers<R>(_ body: (UnsafeBufferPointer<Primitive>, UnsafeBufferPointer<Vec2>) -> R) -> R {
        primitives.withUnsafeBufferPointer { p in vertices.withUnsafeBufferPointer { v in body(p, v) } }
    }

    /// Writes every primitive's signed distance at `q` to `out[0 ..< count]`.
    @inline(__always)
    static func evaluate(_ prims: UnsafeBufferPointer<Primitive>, _ verts: UnsafeBufferPointer<Vec2>, at q: Vec2,
                         into out: UnsafeMutablePointer<Double>) {
        for i in 0..<prims.count { out[i] = distance(prims[i], q, verts) }
    }
}

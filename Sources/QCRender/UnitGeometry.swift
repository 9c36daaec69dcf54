import QCColor

/// A unit as built: its design with the geometry defects applied, in the unit's own design frame (mm),
/// plus the colour defect and the surface marks.
///
/// The frame is the registered frame: origin at the outline's area centroid, upright. The region at
/// any point is decided exactly from signed distance functions (see `Design` for the rules), which is
/// what both the renderer (per pixel) and the truth (per boundary point) use.
///
/// Primitive order (used by `primitiveNames` and the renderer): outline, rim inner edge, each metal
/// feature, each fill.
public struct UnitGeometry: Sendable {
    /// The design the unit was made from.
    public let design: Design
    /// Overall scale factor (product of `UnitDefect.scale` factors; 1 for a perfect unit).
    public let scale: Double
    /// Fill offset (mm): sum of `UnitDefect.fillOffset`s.
    public let fillOffset: Vec2
    /// Outer outline (scaled).
    public let outline: Shape
    /// Rim inner edge: outline inset by the scaled rim width, moved by the fill offset.
    public let innerEdge: Shape
    /// Metal features with scale, line shifts and fill offset applied.
    public let features: [MetalFeature]
    /// Fills with scale, carried line shifts and fill offset applied.
    public let fills: [EnamelFill]
    /// Plating CIELAB delta applied to the finish (sum of `UnitDefect.platingShift`s).
    public let platingDelta: Lab
    /// Pits and scratches, in the design frame.
    public let marks: [UnitDefect]

    let program: SDFProgram
    let featureCodes: [Int]
    let fillCodes: [Int]
    let fieldCode: Int

    /// Builds the unit geometry of `design` with `defects` applied.
    /// - Throws: `RenderError.unknownFeature` for a line shift naming no feature, `.invalidSpec` for a
    ///   non-positive scale or a negative mark size.
    public init(design: Design, defects: [UnitDefect] = []) throws(RenderError) {
        var s = 1.0
        var offset = Vec2.zero
        var delta = Lab(0, 0, 0)
        var marks: [UnitDefect] = []
        var shifts = [Vec2](repeating: .zero, count: design.features.count)
        for d in defects {
            switch d {
            case .scale(let f):
                guard f > 0 else { throw .invalidSpec("scale factor must be positive, got \(f)") }
                s *= f
            case .fillOffset(let dx, let dy):
                offset += Vec2(dx, dy)
            case .lineShift(let name, let distance):
                guard let found = design.feature(named: name) else {
                    throw .unknownFeature(design: design.name, feature: name)
                }
                shifts[found.index] += found.feature.shiftNormal * distance
            case .platingShift(let l, let a, let b, _):
                delta = Lab(delta.l + l, delta.a + a, delta.b + b)
            case .pit(_, _, let diameter):
                guard diameter > 0 else { throw .invalidSpec("pit diameter must be positive") }
                marks.append(d)
            case .scratch(_, _, let width):
                guard width > 0 else { throw .invalidSpec("scratch width must be positive") }
                marks.append(d)
            }
        }
        var fillShift = [Vec2](repeating: .zero, count: design.fills.count)
        for (i, f) in design.features.enumerated() {
            for j in f.carriedFills { fillShift[j] += shifts[i] }
        }
        self.design = design
        self.scale = s
        self.fillOffset = offset
        self.platingDelta = delta
        self.marks = marks
        self.outline = design.outline.scaled(by: s)
        self.innerEdge = design.innerEdge.scaled(by: s).translated(by: offset)
        self.features = design.features.enumerated().map { i, f in
            var g = f
            g.shape = f.shape.scaled(by: s).translated(by: shifts[i] + offset)
            return g
        }
        self.fills = design.fills.enumerated().map { j, f in
            var g = f
            g.shape = f.shape.scaled(by: s).translated(by: fillShift[j] + offset)
            return g
        }
        self.program = SDFProgram([outline, innerEdge] + features.map(\.shape) + fills.map(\.shape))
        self.featureCodes = features.map(\.region.code)
        self.fillCodes = fills.map(\.region.code)
        self.fieldCode = design.field.code
    }

    /// Number of primitives (outline, inner edge, features, fills).
    public var primitiveCount: Int { program.count }

    /// Primitive shapes in order.
    public var primitiveShapes: [Shape] { program.shapes }

    /// A readable name per primitive: "outline", "inner-edge", feature names, "fill:<name>".
    public var primitiveNames: [String] {
        ["outline", "inner-edge"] + features.map(\.name) + fills.map { "fill:" + $0.name }
    }

    /// Radius (mm) of a circle about the origin that holds the unit (outline, scaled).
    public var boundingRadius: Double { design.boundingRadius * scale }

    /// The region at `q` (design frame, mm).
    public func region(at q: Vec2) -> Region {
        Region(code: withEvaluator { $0.code(at: q) })
    }

    /// Runs `body` with a fast evaluator over this geometry (raw buffers, scratch space).
    func withEvaluator<R>(_ body: (inout Evaluator) -> R) -> R {
        program.withBuffers { prims, verts in
            featureCodes.withUnsafeBufferPointer { fc in
                fillCodes.withUnsafeBufferPointer { flc in
                    let scratch = UnsafeMutablePointer<Double>.allocate(capacity: max(prims.count, 1))
                    defer { scratch.deallocate() }
                    var e = Evaluator(prims: prims, verts: verts, featureCodes: fc, fillCodes: flc,
                                      fieldCode: fieldCode, values: scratch)
                    return body(&e)
                }
            }
        }
    }

    /// Evaluates primitive distances and classifies points without allocating.
    struct Evaluator {
        let prims: UnsafeBufferPointer<SDFProgram.Primitive>
        let verts: UnsafeBufferPointer<Vec2>
        let featureCodes: UnsafeBufferPointer<Int>
        let fillCodes: UnsafeBufferPointer<Int>
        let fieldCode: Int
        /// Scratch: the last evaluated distances.
        let values: UnsafeMutablePointer<Double>

        var count: Int { prims.count }

        /// Fills `values` with the distances at `q`.
        @inline(__always) func evaluate(_ q: Vec2) {
            SDFProgram.evaluate(prims, verts, at: q, into: values)
        }

        /// Distance of primitive `i` alone at `q`.
        @inline(__always) func distance(_ i: Int, _ q: Vec2) -> Double {
            SDFProgram.distance(prims[i], q, verts)
        }

        /// Region code from distances in `v`.
        @inline(__always) func classify(_ v: UnsafeMutablePointer<Double>) -> Int {
            if v[0] > 0 { return 0 }
            if v[1] > 0 { return 1 }
            let nf = featureCodes.count
            for j in 0..<nf where v[2 + j] < 0 { return featureCodes[j] }
            for j in 0..<fillCodes.count where v[2 + nf + j] < 0 { return fillCodes[j] }
            return fieldCode
        }

        /// Region code at `q` (overwrites `values`).
        @inline(__always) func code(at q: Vec2) -> Int {
            evaluate(q)
            return classify(values)
        }

        /// Region codes on the negative and positive side of primitive `i`, other distances as in `values`.
        @inline(__always) func sides(of i: Int) -> (inside: Int, outside: Int) {
            let keep = values[i]
            values[i] = -1
            let a = classify(values)
            values[i] = 1
            let b = classify(values)
            values[i] = keep
            return (a, b)
        }
    }
}

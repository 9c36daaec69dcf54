import QCColor

/// One outline point of the border-width truth.
public struct BorderWidthSample: Sendable, Equatable {
    /// Outline point and outward normal (design frame, mm).
    public var point: Vec2
    public var normal: Vec2
    /// Distance along the inward normal to the first non-plate region (mm); `nil` if there is none.
    public var width: Double?
}

/// One point of the master's internal boundaries, with the regions on its two sides.
public struct InternalBoundarySample: Sendable, Equatable {
    public var point: Vec2
    /// Unit normal (from `inside` towards `outside`).
    public var normal: Vec2
    /// Name of the primitive whose edge this is ("inner-edge", a feature name, "fill:<name>").
    public var primitive: String
    /// Region on the −normal side and on the +normal side.
    public var inside: Region
    public var outside: Region
}

/// One point of the boundary-shift truth.
public struct BoundaryShiftSample: Sendable, Equatable {
    public var master: InternalBoundarySample
    /// Signed displacement t (mm) along the master normal to the unit's boundary of the same kind,
    /// `nil` when hidden (none within the search range).
    public var displacement: Double?
}

/// Computes the truth from exact geometry: border widths, boundary shift, typical shading, plating tone.
public enum TruthComputation {
    /// Arc-length spacing of outline samples for border widths (mm).
    public static let outlineSpacingMM = 0.05
    /// Arc-length spacing of internal boundary samples for the boundary shift (mm).
    public static let boundarySpacingMM = 0.05
    /// Search range ±t for the boundary shift (mm).
    public static let searchRangeMM = 1.0
    /// Grid step for the typical-shading median (mm).
    public static let shadingGridMM = 0.05
    /// Coarse step of ray marches before bisection (mm); features are ≥ 0.3 mm wide.
    static let marchStepMM = 0.01
    /// Bisection steps after the coarse march: 0.01 mm / 2^36 ≈ 1.5e-13 mm.
    static let bisections = 36

    // MARK: Border width

    /// Border width at outline points spaced uniformly by arc length.
    public static func borderWidthSamples(_ unit: UnitGeometry, spacing: Double = outlineSpacingMM) -> [BorderWidthSample] {
        let samples = unit.outline.boundaryChains().flatMap { CurvePiece.sampleUniformly($0, spacing: spacing) }
        let maxT = 2 * unit.boundingRadius
        return unit.withEvaluator { e in
            samples.map { s in
                let plate = Region.plate.code
                func isPlate(_ t: Double) -> Bool { e.code(at: s.point - s.normal * t) == plate }
                var t = 0.0
                var width: Double?
                while t < maxT {
                    let next = t + marchStepMM
                    if !isPlate(next) {
                        var lo = t, hi = next
                        for _ in 0..<bisections {
                            let mid = (lo + hi) / 2
                            if isPlate(mid) { lo = mid } else { hi = mid }
                        }
                        width = (lo + hi) / 2
                        break
                    }
                    t = next
                }
                return BorderWidthSample(point: s.point, normal: s.normal, width: width)
            }
        }
    }

    /// Side medians and 2nd-percentile minimum of the border widths.
    public static func borderWidths(_ unit: UnitGeometry) -> Truth.BorderWidths {
        let samples = borderWidthSamples(unit)
        let cos45 = 0.5.squareRoot() - 1e-12
        func side(_ d: Vec2) -> Double {
            Percentile.median(samples.compactMap { s in s.normal.dot(d) >= cos45 ? s.width : nil }) ?? 0
        }
        let all = samples.compactMap(\.width)
        return Truth.BorderWidths(top: side(Vec2(0, -1)), right: side(Vec2(1, 0)), bottom: side(Vec2(0, 1)),
                                  left: side(Vec2(-1, 0)), min: Percentile.type7(all, 2) ?? 0, points: all.count)
    }

    // MARK: Boundary shift

    /// The master's internal boundaries (every boundary between two different regions except the outer
    /// outline), sampled uniformly by arc length along each primitive's edge.
    public static func internalBoundarySamples(_ master: UnitGeometry, spacing: Double = boundarySpacingMM) -> [InternalBoundarySample] {
        let shapes = master.primitiveShapes
        let names = master.primitiveNames
        let extent = 2 * master.boundingRadius + 1
        return master.withEvaluator { e in
            var out: [InternalBoundarySample] = []
            for i in 1..<shapes.count {
                for chain in shapes[i].boundaryChains(extent: extent) {
                    for s in CurvePiece.sampleUniformly(chain, spacing: spacing) {
                        e.evaluate(s.point)
                        let (a, b) = e.sides(of: i)
                        guard a != b, a != 0, b != 0 else { continue }
                        out.append(InternalBoundarySample(point: s.point, normal: s.normal, primitive: names[i],
                                                          inside: Region(code: a), outside: Region(code: b)))
                    }
                }
            }
            return out
        }
    }

    /// Displacement of every master internal boundary point to the unit's boundary of the same kind.
    public static func boundaryShiftSamples(master: UnitGeometry, unit: UnitGeometry,
                                            spacing: Double = boundarySpacingMM,
                                            searchRange: Double = searchRangeMM) -> [BoundaryShiftSample] {
        let points = internalBoundarySamples(master, spacing: spacing)
        let index = Dictionary(zip(unit.primitiveNames, 0...), uniquingKeysWith: { a, _ in a })
        let steps = Int((searchRange / marchStepMM).rounded(.up))
        return unit.withEvaluator { e in
            points.map { m in
                let a = m.inside.code, b = m.outside.code
                // Exact shortcut: the unit's same primitive passes through the point with the same sides.
                if let i = index[m.primitive] {
                    e.evaluate(m.point)
                    if e.values[i] == 0 || abs(e.values[i]) < 1e-12 {
                        let (ia, ib) = e.sides(of: i)
                        if ia == a && ib == b { return BoundaryShiftSample(master: m, displacement: 0) }
                    }
                }
                func code(_ t: Double) -> Int { e.code(at: m.point + m.normal * t) }
                func refine(_ lo0: Double, _ hi0: Double) -> Double {
                    var lo = lo0, hi = hi0
                    for _ in 0..<bisections {
                        let mid = (lo + hi) / 2
                        if code(mid) == a { lo = mid } else { hi = mid }
                    }
                    return (lo + hi) / 2
                }
                var cPos = code(0), cNeg = cPos
                for k in 0..<steps {
                    let t1 = Double(k + 1) * marchStepMM, t0 = Double(k) * marchStepMM
                    let nPos = code(t1), nNeg = code(-t1)
                    var found: Double?
                    if cPos == a && nPos == b { found = refine(t0, t1) }
                    if nNeg == a && cNeg == b {
                        let t = refine(-t1, -t0)
                        if found == nil || abs(t) < abs(found ?? 0) { found = t }
                    }
                    if let t = found, abs(t) <= searchRange { return BoundaryShiftSample(master: m, displacement: t) }
                    cPos = nPos; cNeg = nNeg
                }
                return BoundaryShiftSample(master: m, displacement: nil)
            }
        }
    }

    /// p99 ("max") and p95 of |displacement|, and the hidden count.
    public static func boundaryShift(master: UnitGeometry, unit: UnitGeometry) -> Truth.BoundaryShift {
        let samples = boundaryShiftSamples(master: master, unit: unit)
        let d = samples.compactMap { $0.displacement.map(abs) }.sorted()
        return Truth.BoundaryShift(max: Percentile.type7(sorted: d, 99) ?? 0, p95: Percentile.type7(sorted: d, 95) ?? 0,
                                   hiddenPoints: samples.count - d.count, points: samples.count)
    }

    // MARK: Plating tone

    /// Typical metal shading: the median of `lighting.shading` over the plated metal of `unit`, sampled on
    /// a grid of `step` mm in the unit's frame (highlights are a separate additive term, so excluded).
    public static func typicalShading(_ unit: UnitGeometry, lighting: Lighting, step: Double = shadingGridMM) -> Double {
        if lighting.shadingAmplitude == 0 { return 1 }
        guard let box = unit.outline.boundingBox else { return 1 }
        let radius = unit.design.boundingRadius
        let i0 = Int((box.min.x / step).rounded(.down)), i1 = Int((box.max.x / step).rounded(.up))
        let j0 = Int((box.min.y / step).rounded(.down)), j1 = Int((box.max.y / step).rounded(.up))
        var values: [Double] = []
        unit.withEvaluator { e in
            let plate = Region.plate.code
            for j in j0..<j1 {
                for i in i0..<i1 {
                    let q = Vec2((Double(i) + 0.5) * step, (Double(j) + 0.5) * step)
                    if e.distance(0, q) > 0 { continue }
                    if e.code(at: q) == plate { values.append(lighting.shading(at: q, scale: unit.scale, radius: radius)) }
                }
            }
        }
        return Percentile.median(values) ?? 1
    }

    /// White-referenced CIELAB of a plating albedo seen at shading `s`: (albedo·s / white) per channel,
    /// read as linear sRGB (D65).
    public static func whiteReferencedLab(albedo: LinearRGB, shading s: Double, white: LinearRGB) -> Lab {
        ColourConversion.lab(LinearRGB(albedo.r * s / white.r, albedo.g * s / white.g, albedo.b * s / white.b))
    }

    /// Plating tone truth of `unit` against `master` (same finish; the unit's `platingDelta` applied to its albedo).
    public static func platingTone(master: UnitGeometry, unit: UnitGeometry, finish: Finish, lighting: Lighting,
                                   white: LinearRGB) -> Truth.PlatingTone {
        let sm = typicalShading(master, lighting: lighting)
        let su = typicalShading(unit, lighting: lighting)
        let base = finish.platingLab
        let d = unit.platingDelta
        let labM = whiteReferencedLab(albedo: Appearance.albedo(base), shading: sm, white: white)
        let labU = whiteReferencedLab(albedo: Appearance.albedo(Lab(base.l + d.l, base.a + d.a, base.b + d.b)),
                                      shading: su, white: white)
        return Truth.PlatingTone(masterLab: labM, unitLab: labU, deltaE00: CIEDE2000().difference(labM, labU),
                                 deltaL: labU.l - labM.l, deltaA: labU.a - labM.a, deltaB: labU.b - labM.b,
                                 masterTypicalShading: sm, unitTypicalShading: su)
    }
}

import QCColor
#if canImport(Glibc)
import Glibc
#endif
import QCImage

/// The typical plating colour of a photographed unit: white-referenced, corrected for illumination
/// fall-off, highlights excluded, per-channel median over the plated area (eroded away from every
/// boundary so no enamel or background blurs in). CIELAB D65 of that colour; ΔE00 between unit and
/// master (Sharma, Wu & Dalal 2005).
enum PlatingTone {
    /// Design-frame points (mm) of plated metal at least `clearance` mm from any other region.
    static func metalPoints(master: MasterModel, clearance: Double = 0.15, limit: Int = 20000) -> [(Double, Double)] {
        let g = master.grid
        let k = Int((clearance / g.cell).rounded(.up))
        let metal = Int8(master.metalLabel)
        var pts: [(Double, Double)] = []
        for j in k..<(g.height - k) {
            for i in k..<(g.width - k) where master.labels[j * g.width + i] == metal {
                var clear = true
                outer: for dj in -k...k { for di in -k...k where master.labels[(j + dj) * g.width + i + di] != metal { clear = false; break outer } }
                if clear { pts.append((g.originX + (Double(i) + 0.5) * g.cell, g.originY + (Double(j) + 0.5) * g.cell)) }
            }
        }
        if pts.count > limit {
            let stride = Double(pts.count) / Double(limit)
            pts = (0..<limit).map { pts[Int(Double($0) * stride)] }
        }
        return pts
    }

    /// Typical white-referenced linear colour of the metal, nil without enough samples.
    ///
    /// Specular highlights are bright streaks whose tails fade into the plating, so a plain luminance
    /// cut keeps their tails and biases the colour lighter (by about 1.5 L* on a round pin). The metal's
    /// shading and highlight cores come from `MetalShading`; every sample within 1 mm of a core is left
    /// out. Excluding highlights removes whole stretches of metal on the lit side, which would tilt a
    /// plain median towards the shaded side: each kept colour is divided by the fitted shading, the
    /// per-channel medians taken, and the result brought back to the shading's median over all of the
    /// metal (the typical shading).
    static func typicalColour(_ shading: MetalShading) -> LinearRGB? {
        let keep = shading.samples.indices.filter { shading.inPlane[$0] && !shading.nearHighlight(shading.points[$0].0, shading.points[$0].1) }
        guard keep.count >= 20 else { return nil }
        let shade = shading.points.map { shading.level($0.0, $0.1) }
        let typicalShade = shading.typicalLevel
        guard let r = RobustStatistics.median(keep.map { Double(shading.samples[$0].x) / shade[$0] }),
              let g = RobustStatistics.median(keep.map { Double(shading.samples[$0].y) / shade[$0] }),
              let b = RobustStatistics.median(keep.map { Double(shading.samples[$0].z) / shade[$0] }) else { return nil }
        return LinearRGB(r * typicalShade, g * typicalShade, b * typicalShade)
    }

    /// Least-squares plane v = c0 + c1·x + c2·y.
    static func fitPlane(_ p: [(Double, Double)], _ v: [Double]) -> (Double, Double, Double)? {
        let n = Double(p.count)
        guard n >= 3 else { return nil }
        let mx = p.reduce(0) { $0 + $1.0 } / n, my = p.reduce(0) { $0 + $1.1 } / n, mv = v.reduce(0, +) / n
        var sxx = 0.0, sxy = 0.0, syy = 0.0, sxv = 0.0, syv = 0.0
        for (q, w) in zip(p, v) {
            let dx = q.0 - mx, dy = q.1 - my, dv = w - mv
            sxx += dx * dx; sxy += dx * dy; syy += dy * dy; sxv += dx * dv; syv += dy * dv
        }
        let det = sxx * syy - sxy * sxy
        guard abs(det) > 1e-12 else { return (mv, 0, 0) }
        let c1 = (sxv * syy - syv * sxy) / det, c2 = (syv * sxx - sxv * sxy) / det
        return (mv - c1 * mx - c2 * my, c1, c2)
    }

    /// Unit minus master, with ΔE00 and direction words.
    static func compare(unit: Lab, master: Lab) -> Measurements.PlatingTone {
        let dl = unit.l - master.l, da = unit.a - master.a, db = unit.b - master.b
        return Measurements.PlatingTone(deltaE00: CIEDE2000().difference(master, unit), deltaL: dl, deltaA: da, deltaB: db,
                                        direction: Measurements.PlatingTone.words(deltaL: dl, deltaA: da, deltaB: db))
    }
}

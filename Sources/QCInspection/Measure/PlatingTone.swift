import QCColor
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
    static func typicalColour(_ analysis: PhotoAnalysis, registration: Registration, points: [(Double, Double)]) -> LinearRGB? {
        var samples: [SIMD3<Float>] = []
        samples.reserveCapacity(points.count)
        for (x, y) in points {
            let p = registration.toPhoto(x, y)
            if let c = analysis.normalisedColour(p.0, p.1) { samples.append(c) }
        }
        guard samples.count >= 20 else { return nil }
        let lum = samples.map { Double(0.2126 * $0.x + 0.7152 * $0.y + 0.0722 * $0.z) }
        guard let mid = RobustStatistics.median(lum) else { return nil }
        let kept = zip(samples, lum).filter { $0.1 <= 1.3 * mid }.map(\.0)
        guard let r = RobustStatistics.median(kept.map { Double($0.x) }), let g = RobustStatistics.median(kept.map { Double($0.y) }),
              let b = RobustStatistics.median(kept.map { Double($0.z) }) else { return nil }
        return LinearRGB(r, g, b)
    }

    /// Unit minus master, with ΔE00 and direction words.
    static func compare(unit: Lab, master: Lab) -> Measurements.PlatingTone {
        let dl = unit.l - master.l, da = unit.a - master.a, db = unit.b - master.b
        return Measurements.PlatingTone(deltaE00: CIEDE2000().difference(master, unit), deltaL: dl, deltaA: da, deltaB: db,
                                        direction: Measurements.PlatingTone.words(deltaL: dl, deltaA: da, deltaB: db))
    }
}

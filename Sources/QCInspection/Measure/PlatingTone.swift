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
    /// cut keeps their tails and biases the colour lighter (by about 1.5 L* on a round pin). Instead the
    /// smooth shading over the unit is modelled as a plane in log luminance over the design frame, fitted
    /// robustly (iteratively dropping samples beyond 2.5 robust σ, cf. Huber 1981); samples far above it
    /// (4 σ) are highlight cores, and every sample within 1 mm of a core goes with it. The colour is the
    /// per-channel median of what remains.
    static func typicalColour(_ analysis: PhotoAnalysis, registration: Registration, points: [(Double, Double)]) -> LinearRGB? {
        var samples: [SIMD3<Float>] = [], where_: [(Double, Double)] = []
        samples.reserveCapacity(points.count)
        for (x, y) in points {
            let p = registration.toPhoto(x, y)
            if let c = analysis.normalisedColour(p.0, p.1) { samples.append(c); where_.append((x, y)) }
        }
        guard samples.count >= 20 else { return nil }
        let logLum = samples.map { log(max(Double(0.2126 * $0.x + 0.7152 * $0.y + 0.0722 * $0.z), 1e-6)) }
        var keep = Array(samples.indices)
        var residual = [Double](repeating: 0, count: samples.count)
        var sigma = 0.0
        var plane: (Double, Double, Double)?
        for _ in 0..<6 {
            guard keep.count >= 20, let fitted = fitPlane(keep.map { where_[$0] }, keep.map { logLum[$0] }) else { break }
            plane = fitted
            for i in samples.indices { residual[i] = logLum[i] - (fitted.0 + fitted.1 * where_[i].0 + fitted.2 * where_[i].1) }
            sigma = max(1.4826 * (RobustStatistics.median(keep.map { abs(residual[$0]) }) ?? 0), 0.002)
            let next = samples.indices.filter { abs(residual[$0]) <= 2.5 * sigma }
            if next == keep { break }
            keep = next
        }
        // Highlight cores and their surroundings, by a 1 mm grid of cores.
        let cores = samples.indices.filter { residual[$0] > 4 * sigma }
        if !cores.isEmpty {
            var grid: [Int: [Int]] = [:]
            func cell(_ v: Double) -> Int { Int((v).rounded(.down)) }
            for c in cores { grid[cell(where_[c].0) &* 73_856_093 ^ cell(where_[c].1), default: []].append(c) }
            keep = keep.filter { i in
                let (x, y) = where_[i]
                for dx in -1...1 {
                    for dy in -1...1 {
                        for c in grid[(cell(x) + dx) &* 73_856_093 ^ (cell(y) + dy)] ?? [] {
                            let (cx, cy) = where_[c]
                            if (cx - x) * (cx - x) + (cy - y) * (cy - y) <= 1 { return false }
                        }
                    }
                }
                return true
            }
        }
        guard keep.count >= 20, let plane else { return nil }
        // Excluding highlights removes whole stretches of metal on the lit side, which would tilt a plain
        // median towards the shaded side: divide each kept colour by the fitted shading, take medians,
        // and bring them back to the shading's median over all of the metal (the typical shading).
        let shade = where_.map { exp(plane.0 + plane.1 * $0.0 + plane.2 * $0.1) }
        guard let typicalShade = RobustStatistics.median(shade),
              let r = RobustStatistics.median(keep.map { Double(samples[$0].x) / shade[$0] }),
              let g = RobustStatistics.median(keep.map { Double(samples[$0].y) / shade[$0] }),
              let b = RobustStatistics.median(keep.map { Double(samples[$0].z) / shade[$0] }) else { return nil }
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

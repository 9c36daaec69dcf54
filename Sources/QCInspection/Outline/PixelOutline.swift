import QCImage
/// A unit's outer outline in photo pixels: ordered sub-pixel edge points with outward unit normals.
struct PixelOutline: Sendable {
    struct Point: Sendable {
        var x: Double, y: Double
        /// Outward unit normal.
        var nx: Double, ny: Double
        /// Where the edge lies along the normal (px, from (x, y)) when each plateau is a straight line
        /// carried to the edge instead of a window mean (`EdgeProfile.refine(extrapolate:)`). Used for
        /// the overall size, whose extremes see the metal plateau tilted by highlights; the rims keep
        /// (x, y), whose bias their inner edge shares (see issue 6 notes).
        var extremeOffset: Double = 0

        /// The point moved by `extremeOffset` along its normal.
        var extreme: (x: Double, y: Double) { (x + extremeOffset * nx, y + extremeOffset * ny) }
    }

    var points: [Point]

    /// Area centroid of the closed polygon through the points (shoelace formula), px.
    var centroid: (x: Double, y: Double) {
        var a = 0.0, cx = 0.0, cy = 0.0
        for i in points.indices {
            let p = points[i], q = points[(i + 1) % points.count]
            let cross = p.x * q.y - q.x * p.y
            a += cross; cx += (p.x + q.x) * cross; cy += (p.y + q.y) * cross
        }
        guard abs(a) > 1e-9 else { return (0, 0) }
        return (cx / (3 * a), cy / (3 * a))
    }

    /// Enclosed area, px².
    var area: Double {
        var a = 0.0
        for i in points.indices {
            let p = points[i], q = points[(i + 1) % points.count]
            a += p.x * q.y - q.x * p.y
        }
        return abs(a) / 2
    }
}

/// Builds the sub-pixel outer outline from a unit's mask.
///
/// The traced mask boundary (working resolution) is smoothed and resampled by arc length; each point is
/// then moved along its normal to the 50 % crossing of the unit-to-background colour profile at full
/// resolution in linear light (`EdgeProfile`). Normals are re-estimated from the refined points.
enum OutlineExtractor {
    static func extract(region: UnitRegion, crop: LinearCrop, pxPerMM: Double, file: String) throws(InspectionError) -> PixelOutline {
        let f = Double(region.factor)
        let traced = ContourTracer.trace(region.mask, width: region.width, height: region.height)
        guard traced.count >= 16 else { throw .noUnit(file: file) }
        var pts = traced.map { ((Double($0.0) + 0.5) * f, (Double($0.1) + 0.5) * f) }
        // Smooth the staircase with a circular moving average.
        for _ in 0..<3 {
            let n = pts.count
            pts = (0..<n).map { i in
                var sx = 0.0, sy = 0.0
                for k in -2...2 { let p = pts[(i + k + n) % n]; sx += p.0; sy += p.1 }
                return (sx / 5, sy / 5)
            }
        }
        let spacing = max(0.5, 0.05 * pxPerMM)
        let resampled = resample(pts, spacing: spacing)
        guard resampled.count >= 16 else { throw .noUnit(file: file) }
        var normals = normalsOf(resampled)
        // Orient normals outward (away from the centroid on average).
        let cx = resampled.map(\.0).reduce(0, +) / Double(resampled.count)
        let cy = resampled.map(\.1).reduce(0, +) / Double(resampled.count)
        var dot = 0.0
        for (p, nrm) in zip(resampled, normals) { dot += (p.0 - cx) * nrm.0 + (p.1 - cy) * nrm.1 }
        if dot < 0 { normals = normals.map { (-$0.0, -$0.1) } }

        // Refine along the normals: t < 0 inside (unit), t > 0 outside (background). The mask may include
        // a soft shadow, so the search reaches `shadow` px inward and takes the outermost strong edge.
        let shadow = 1.5 * pxPerMM
        let outward = 1.2 * pxPerMM   // the mask may stop short of a rim whose colour is close to the background's
        let reachIn = f + 8 + shadow, reachOut = f + 8 + outward
        let step = 0.25
        // Outline points are independent: refined on every core, kept in contour order.
        let found = ParallelMap.map(resampled.count) { k -> (point: (Double, Double), normal: (Double, Double), contrast: Float, offset: Double)? in
            let p = resampled[k], nrm = normals[k]
            var profile = EdgeProfile(reservingCapacity: Int((reachOut + reachIn) / step) + 2)
            var t = -reachIn
            while t <= reachOut {
                if let c = crop.sample(p.0 + t * nrm.0, p.1 + t * nrm.1) { profile.t.append(t); profile.colours.append(c) }
                t += step
            }
            guard profile.t.count > 8 else { return nil }
            // Colour change over ±1 px; candidate edges are its local maxima, scanned from outside
            // inward. The outer edge is the first whose outside looks like the background (same
            // chromaticity, not brighter: a shadow only darkens), unlike the rim's inner edge.
            var grads = [Float](repeating: 0, count: profile.colours.count)
            for i in 4..<(profile.colours.count - 4) {
                let d = profile.colours[i + 4] - profile.colours[i - 4]
                grads[i] = (d * d).sum().squareRoot()
            }
            let window = profile.t.indices.filter { $0 >= 5 && $0 < profile.t.count - 5
                && profile.t[$0] >= -(f + 3 + shadow) && profile.t[$0] <= f + 3 + outward }
            guard let top = window.map({ grads[$0] }).max(), top > 0 else { return nil }
            // The far outside of the profile is background (perhaps in shadow); the outer edge's outside
            // is that same surface, possibly darker (k < 1.25), while the rim's inner edge has metal there.
            let farOutside = profile.mean(in: (reachOut - 3)...reachOut) ?? region.backgroundColour(p.0, p.1)
            func looksLikeBackground(_ c: SIMD3<Float>) -> Bool {
                let ff = (farOutside * farOutside).sum()
                guard ff > 0 else { return false }
                let k = (c * farOutside).sum() / ff
                let r = c - k * farOutside
                let far = ff.squareRoot()
                return k > 0.3 && k < 1.25 && (r * r).sum().squareRoot() < 0.02 + 0.2 * far
            }
            var best: Double?
            for i in window.reversed() where grads[i] >= 0.05 * top && grads[i] >= grads[i - 1] && grads[i] >= grads[i + 1] {
                let te = profile.t[i]
                if let outside = profile.mean(in: (te + 3)...(te + 5)), looksLikeBackground(outside),
                   let inside = profile.mean(in: (te - 5)...(te - 3)), !looksLikeBackground(inside) { best = te; break }
            }
            guard let best else { return nil }
            let w = EdgeProfile.outlineChromaWeight
            guard let r = profile.refine(start: best, gap: 3, width: 2, within: (-reachIn + 5)...(reachOut - 5), chromaWeight: w) else { return nil }
            let extrapolated = profile.refine(start: r.edge, gap: 3, width: 2, within: (-reachIn + 5)...(reachOut - 5), extrapolate: true,
                                              chromaWeight: w)
            let offset = min(max((extrapolated?.edge ?? r.edge) - r.edge, -1), 1)
            return ((p.0 + r.edge * nrm.0, p.1 + r.edge * nrm.1), nrm, r.contrast, offset)
        }.compactMap { $0 }
        let refined = found.map(\.point), refinedNormals = found.map(\.normal), contrasts = found.map(\.contrast)
        let offsets = found.map(\.offset)
        guard refined.count >= resampled.count * 3 / 4 else {
            throw .measurement(file: file, detail: "the unit's outer edge could not be located all round")
        }
        // Drop weak-contrast points (shadows, glare) relative to the typical edge.
        let sortedC = contrasts.sorted()
        let typical = sortedC[sortedC.count / 2]
        // Normals stay those of the smoothed traced contour (outward, a few degrees at most off):
        // re-deriving them from neighbouring refined points would amplify edge noise.
        var points: [PixelOutline.Point] = []
        for k in refined.indices where contrasts[k] >= 0.3 * typical {
            points.append(.init(x: refined[k].0, y: refined[k].1, nx: refinedNormals[k].0, ny: refinedNormals[k].1,
                                extremeOffset: offsets[k]))
        }
        return PixelOutline(points: points)
    }

    /// Uniform arc-length resampling of a closed polyline.
    static func resample(_ pts: [(Double, Double)], spacing: Double) -> [(Double, Double)] {
        let n = pts.count
        var out: [(Double, Double)] = [pts[0]]
        var carry = 0.0
        for i in 0..<n {
            let a = pts[i], b = pts[(i + 1) % n]
            let len = ((b.0 - a.0) * (b.0 - a.0) + (b.1 - a.1) * (b.1 - a.1)).squareRoot()
            guard len > 0 else { continue }
            var s = spacing - carry
            while s <= len {
                out.append((a.0 + (b.0 - a.0) * s / len, a.1 + (b.1 - a.1) * s / len))
                s += spacing
            }
            carry = len - (s - spacing)
        }
        if out.count > 1 {
            let a = out[0], b = out[out.count - 1]
            if ((b.0 - a.0) * (b.0 - a.0) + (b.1 - a.1) * (b.1 - a.1)).squareRoot() < spacing * 0.5 { out.removeLast() }
        }
        return out
    }

    /// Unit normals from the chord between neighbours `span` away (not yet oriented).
    static func normalsOf(_ pts: [(Double, Double)], span: Int = 2) -> [(Double, Double)] {
        let n = pts.count
        return (0..<n).map { i in
            let a = pts[(i - span + n) % n], b = pts[(i + span) % n]
            let tx = b.0 - a.0, ty = b.1 - a.1
            let len = max((tx * tx + ty * ty).squareRoot(), 1e-12)
            return (ty / len, -tx / len)
        }
    }
}

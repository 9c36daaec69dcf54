import QCImage

/// Colour-fill boundary shift: for each point of the master's internal boundaries (metal included, the
/// outer outline excluded), the displacement of the same boundary (same two regions, same order) in the
/// registered unit along the master's normal, mm. max = 99th, p95 = 95th percentile of |displacement|.
/// Points with no such boundary within reach, and metal boundaries beside a specular highlight (its
/// flank tilts the metal's level across the edge; see `MetalShading`), are left out and counted as hidden.
enum BoundaryShift {
    struct Sample {
        var x: Double, y: Double, nx: Double, ny: Double; var displacement: Double?
        /// The master boundary's two regions, a·256 + b.
        var pair: Int = -1
    }

    /// A local plateau further from its region's (shaded) master colour than this fraction of the two
    /// regions' contrast belongs to another region and is not used: a fill moved 0.2 mm over a 0.3 mm
    /// ray leaves the neighbouring fill's colour where the plateau window falls, and the edge was read
    /// against it, 0.1 mm too far (p99 0.30 for a truth of 0.20 at 20 px/mm).
    static let plateauTolerance: Float = 0.25

    /// Radius of the running median along each boundary (see `smoothed`), mm: a window of 0.2 mm,
    /// short beside any fill or line a control sheet limits, long enough to hold 5-16 profiles at
    /// 15-40 px/mm.
    static let smoothingRadiusMM = 0.1

    /// Boundary points within this many unit pixels of a corner (normals turning by more than 40°
    /// within 0.06 mm) are hidden: blur rounds a corner by a pixel-sized amount, more in a coarse unit
    /// than in a sharp master, and that rounding read as up to 0.11 mm of shift at 18 px/mm.
    static let cornerReachPx = 2.0

    /// Displacement at every `stride`-th master boundary point (1: all of them), in the master's order;
    /// `shading` (the photo's metal shading) hides metal boundaries beside its highlight cores and shades
    /// the master's metal colour where that colour stands in for a local plateau.
    static func measure(_ analysis: PhotoAnalysis, registration: Registration, master: MasterModel,
                        colours: [Int: SIMD3<Float>], shading: MetalShading? = nil, every stride: Int = 1) -> [Sample] {
        let s = analysis.pxPerMM
        let step = 0.25 / s   // mm per sample (a quarter pixel)
        // Boundary points are independent: measured on every core, kept in the master's order.
        let boundaries = master.boundaries
        let typical = shading?.typicalLevel ?? 1
        let nearCorner = Self.nearCorners(boundaries, within: cornerReachPx / s)
        return ParallelMap.map((boundaries.count + stride - 1) / stride) { k -> Sample? in
            let b = boundaries[k * stride]
            guard var ca = colours[b.a], var cb = colours[b.b] else { return nil }
            // The master's metal colour is the plating at typical shading; where a narrow metal line has
            // no room for a local plateau, that colour is carried to this point's shading so the ½
            // level sits between the actual colours (a 10 % brighter line read 0.01 mm wide at 16 px/mm).
            if let g = shading {
                let f = Float(g.level(b.x, b.y) / typical)
                if b.a == master.metalLabel { ca *= f }
                if b.b == master.metalLabel { cb *= f }
            }
            if nearCorner[k * stride] {
                return Sample(x: b.x, y: b.y, nx: b.nx, ny: b.ny, displacement: nil, pair: b.a * 256 + b.b)
            }
            if let shading, b.a == master.metalLabel || b.b == master.metalLabel, shading.nearHighlight(b.x, b.y) {
                return Sample(x: b.x, y: b.y, nx: b.nx, ny: b.ny, displacement: nil, pair: b.a * 256 + b.b)
            }
            // Search ±0.8 mm whatever the regions' widths: a thin metal line moved by more than its own
            // width still shows as the same a→b crossing (only crossings in that direction count).
            // The profile's colours are read on demand: an edge near where the master has it needs
            // only the samples around it and its plateau windows (see EdgeProfile.crossing).
            let lo = -0.8, hi = 0.8
            var profile = analysis.colourProfile(from: lo, through: hi, step: step) { t in
                let p = registration.toPhoto(b.x + t * b.nx, b.y + t * b.ny)
                return (p.0, p.1)
            }
            guard profile.t.count > 8 else { return Sample(x: b.x, y: b.y, nx: b.nx, ny: b.ny, displacement: nil, pair: b.a * 256 + b.b) }
            let margin = 1.5 / s
            guard lo + margin < hi - margin,
                  let start = profile.crossing(side1: ca, side2: cb, near: 0, within: (lo + margin)...(hi - margin)) else {
                return Sample(x: b.x, y: b.y, nx: b.nx, ny: b.ny, displacement: nil, pair: b.a * 256 + b.b)
            }
            // Local plateaus only where both regions are wide enough here; else the master's colours.
            let gap = 3 / s, width = 1.5 / s
            var edge = start
            if b.reachA > gap + width + 1 / s && b.reachB > gap + width + 1 / s,
               let r = profile.refine(start: start, gap: gap, width: width, within: (lo + margin)...(hi - margin),
                                      fallback1: ca, fallback2: cb,
                                      plateauTolerance: plateauTolerance) {
                edge = r.edge
            }
            return Sample(x: b.x, y: b.y, nx: b.nx, ny: b.ny, displacement: edge, pair: b.a * 256 + b.b)
        }.compactMap { $0 }
    }

    /// Each displacement replaced by the median over the points of the same boundary (same regions,
    /// normals within 25°) within `radius` mm: a running median along the boundary. One profile's
    /// edge carries a few hundredths of a pixel of noise and the tails of |displacement| (p99) are
    /// made of it on a good unit; a displacement field is smooth along a boundary, and a median keeps
    /// its steps (a moved line's ends) where they are (Tukey 1977, running medians).
    static func smoothed(_ samples: [Sample], radius: Double) -> [Sample] {
        guard radius > 0 else { return samples }
        let measured = samples.indices.filter { samples[$0].displacement != nil }
        let grid = PointGrid(measured.map { (samples[$0].x, samples[$0].y) }, cell: radius)
        let cos25 = 0.906
        return ParallelMap.map(samples.count, minimumPerChunk: 512) { k -> Sample in
            var s = samples[k]
            guard s.displacement != nil else { return s }
            var near: [Double] = []
            grid.forEach(near: s.x, s.y, within: radius) { m in
                let o = samples[measured[m]]
                if o.pair == s.pair, o.nx * s.nx + o.ny * s.ny >= cos25, let d = o.displacement { near.append(d) }
            }
            s.displacement = RobustStatistics.median(near) ?? s.displacement
            return s
        }
    }

    /// True for boundary points within `distance` mm of a corner of their boundary: a point whose
    /// neighbours (same regions, within 0.06 mm) turn their normals by more than 40°.
    static func nearCorners(_ points: [MasterModel.BoundaryPoint], within distance: Double) -> [Bool] {
        let grid = PointGrid(points.map { ($0.x, $0.y) }, cell: max(distance, 0.06))
        var corner = [Bool](repeating: false, count: points.count)
        for (k, p) in points.enumerated() {
            grid.forEach(near: p.x, p.y, within: 0.06) { m in
                let o = points[m]
                if o.a == p.a && o.b == p.b && o.nx * p.nx + o.ny * p.ny < 0.766 { corner[k] = true }
            }
        }
        var near = corner
        for (k, p) in points.enumerated() where corner[k] {
            grid.forEach(near: p.x, p.y, within: distance) { m in
                if points[m].a == p.a && points[m].b == p.b { near[m] = true }
            }
        }
        return near
    }

    static func summarise(_ samples: [Sample]) -> Measurements.BoundaryShift {
        let d = samples.compactMap { $0.displacement }.map { abs($0) }
        return Measurements.BoundaryShift(max: RobustStatistics.quantile(d, 0.99) ?? 0, p95: RobustStatistics.quantile(d, 0.95) ?? 0,
                                          hiddenPoints: samples.count - d.count, points: samples.count)
    }
}

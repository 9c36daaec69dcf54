import QCImage

/// Sub-pixel graduation centres at full resolution.
///
/// Each graduation's centre is the centroid of its contrast against the face (the "darkness"
/// B − I(s) for dark ticks, clipped at zero, over the contiguous dip around the minimum), computed on
/// a profile along the ruler axis averaged across the graduation band. For a symmetric point-spread
/// function the centroid of a symmetric mark is unbiased, whatever the blur (cf. Fisher & Naidu 1996,
/// "A comparison of algorithms for subpixel peak detection").
struct TickLocator {
    let plane: GreySampler
    let axis: RulerAxis
    /// Across-axis band, px.
    let band: ClosedRange<Double>
    let darkTicks: Bool
    /// Expected spacing, px.
    let spacing: Double

    struct Tick { var t: Double; var contrast: Double }

    /// Profile across the band at along-axis positions `from` + i·step; NaN where outside the photo.
    func profile(from t0: Double, count: Int, step: Double) -> [Double] {
        let lines = max(2, min(48, Int(band.upperBound - band.lowerBound)))
        var out = [Double](repeating: .nan, count: count)
        plane.withWindow { window in
            for i in 0..<count {
                let t = t0 + Double(i) * step
                var sum = 0.0, k = 0
                for j in 0..<lines {
                    let v = band.lowerBound + (Double(j) + 0.5) * (band.upperBound - band.lowerBound) / Double(lines)
                    let p = axis.point(t: t, v: v)
                    if let s = window?.sample(p.x, p.y) ?? plane.sample(p.x, p.y) { sum += Double(s); k += 1 }
                }
                if k == lines { out[i] = darkTicks ? sum / Double(k) : -sum / Double(k) }
            }
        }
        return out
    }

    /// The centre of the graduation nearest `t` (within ±spacing/2), or nil if no clear dip is there.
    /// `minContrast` is in grey levels (0...1).
    func locate(near t: Double, minContrast: Double) -> Tick? {
        let step = 0.25
        let half = spacing * 0.5
        let count = Int(2 * half / step) + 1
        let start = t - half
        let p = profile(from: start, count: count, step: step)
        if p.contains(where: { $0.isNaN }) { return nil }
        guard let minIndex = p.indices.min(by: { p[$0] < p[$1] }) else { return nil }
        // Face level: a high quantile of the window (the window is mostly face), by selection.
        guard let face = RobustStatistics.element(ofRank: Int(Double(p.count - 1) * 0.85), in: p) else { return nil }
        let depth = face - p[minIndex]
        if depth < minContrast { return nil }
        // The dip must not sit on the window's edge (then the tick belongs to the neighbour).
        if minIndex < 2 || minIndex > count - 3 { return nil }
        // Contiguous dip region around the minimum where darkness exceeds 20 % of the depth.
        let floor = 0.2 * depth
        var lo = minIndex, hi = minIndex
        while lo > 0 && face - p[lo - 1] > floor { lo -= 1 }
        while hi < count - 1 && face - p[hi + 1] > floor { hi += 1 }
        if lo == 0 || hi == count - 1 { return nil }  // not a thin mark: no face on one side
        var sw = 0.0, swt = 0.0
        for i in lo...hi {
            let w = face - p[i] - floor
            if w > 0 { sw += w; swt += w * (start + Double(i) * step) }
        }
        guard sw > 0 else { return nil }
        return Tick(t: swt / sw, contrast: depth)
    }
}

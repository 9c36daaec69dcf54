import QCImage

/// Measures which graduations are longer, to tell a millimetre scale (longer every 5) from an inch scale
/// graduated in eighths (longer every 2, 4 and 8) or a half-millimetre scale (longer every 2).
///
/// Each graduation's length is the run across the axis over which it keeps at least half its contrast
/// against the face measured midway to its neighbours.
struct TickRhythm {
    let plane: GreySampler
    let axis: RulerAxis
    let bandCentre: Double
    let darkTicks: Bool
    let spacing: Double
    let pxPerMM: Double

    /// Length of the graduation at `t`, px.
    func length(at t: Double) -> Double? {
        let reach = 8 * pxPerMM
        let step = max(0.5, 0.025 * pxPerMM)   // 0.5 px up to 20 px/mm, 1/40 mm above
        let count = Int(2 * reach / step)
        var darkness = [Double](repeating: .nan, count: count)
        let markOffsets = [-0.5, 0.0, 0.5], faceOffsets = [-0.5 * spacing, 0.5 * spacing]
        plane.withWindow { window in
            for i in 0..<count {
                let v = bandCentre - reach + Double(i) * step
                var mark = 0.0, face = 0.0, ok = true
                for dt in markOffsets {
                    let p = axis.point(t: t + dt, v: v)
                    guard let s = window?.sample(p.x, p.y) ?? plane.sample(p.x, p.y) else { ok = false; break }
                    mark += Double(s) / 3
                }
                for dt in faceOffsets where ok {
                    let p = axis.point(t: t + dt, v: v)
                    guard let s = window?.sample(p.x, p.y) ?? plane.sample(p.x, p.y) else { ok = false; break }
                    face += Double(s) / 2
                }
                if ok { darkness[i] = darkTicks ? face - mark : mark - face }
            }
        }
        let mid = count / 2
        guard !darkness[mid].isNaN, darkness[mid] > 0 else { return nil }
        let half = darkness[mid] * 0.5
        var lo = mid, hi = mid
        while lo > 0, !darkness[lo - 1].isNaN, darkness[lo - 1] > half { lo -= 1 }
        while hi < count - 1, !darkness[hi + 1].isNaN, darkness[hi + 1] > half { hi += 1 }
        return Double(hi - lo) * step
    }

    /// The measured period of longer graduations, or nil when no clear rhythm shows.
    func longTickEvery(ticks: [(k: Int, t: Double)]) -> Int? {
        let lengths = ParallelMap.map(ticks.count, minimumPerChunk: 8) { i in
            length(at: ticks[i].t).map { (k: ticks[i].k, length: $0) }
        }.compactMap { $0 }
        guard lengths.count >= 10,
              let short = RobustStatistics.quantile(lengths.map(\.length), 0.2) else { return nil }
        let threshold = short * 1.25 + 1
        let long = lengths.filter { $0.length > threshold }.map(\.k)
        guard long.count >= 2 else { return nil }
        let all = lengths.map(\.k)
        for q in 2...12 {
            for r in 0..<q {
                let inClass = all.filter { (($0 - r) % q + q) % q == 0 }
                let longInClass = long.filter { (($0 - r) % q + q) % q == 0 }
                let coverage = Double(longInClass.count) / Double(long.count)
                let purity = inClass.isEmpty ? 0 : Double(longInClass.count) / Double(inClass.count)
                if coverage >= 0.75 && purity >= 0.7 { return q }
            }
        }
        return nil
    }
}

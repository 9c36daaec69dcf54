import QCImage

/// Coarse search for a ruler's graduation band at working resolution.
///
/// For a candidate axis direction, edge pixels whose gradient points along the axis (tick edges) are
/// accumulated by their across-axis coordinate v; the graduation band is a strong plateau of that
/// histogram. Inside the band the along-axis profile dips (or peaks) at every graduation; the longest
/// run of evenly spaced extrema is the ruler candidate.
struct TickBandSearch {
    /// A run of evenly spaced graduations found at working resolution.
    struct Candidate {
        var axis: RulerAxis
        /// Across-axis band [v0, v1] where every graduation is present, working pixels.
        var band: ClosedRange<Double>
        /// Along-axis positions of the graduations, working pixels.
        var ticks: [Double]
        var spacing: Double
        var darkTicks: Bool
        /// Median dip depth relative to the profile's range (0...1).
        var contrast: Double
        /// Fraction of the run's profile on the graduation side of its mid level: graduations are narrow
        /// marks, so the true polarity has the smaller fraction (the gaps between them are the wide part).
        var duty: Double
    }

    let plane: GreyPlane
    let polarity: RulerDefinition.Polarity
    /// Pixels with a gradient worth voting (magnitude ≥ 0.01): centre (x, y), unit gradient (ux, uy)
    /// and magnitude, gathered once (`GradientEdges`) so each candidate direction visits only these.
    private let edges: [(x: Float, y: Float, ux: Float, uy: Float, m: Float)]

    init(plane: GreyPlane, edges: GradientEdges, polarity: RulerDefinition.Polarity) {
        self.plane = plane
        self.polarity = polarity
        self.edges = edges.edges
    }

    /// The best candidate over the given axis directions, or nil.
    func bestCandidate(angles: [Double]) -> Candidate? {
        // Directions are searched on every core; the best is then chosen in the given order, so ties
        // resolve the same way whatever the scheduling.
        let perAngle = ParallelMap.map(angles.count, minimumPerChunk: 1) { k -> [Candidate] in
            let axis = RulerAxis(angleDegrees: angles[k])
            var found: [Candidate] = []
            for band in bands(axis: axis) {
                for dark in polarities() {
                    if let c = run(axis: axis, band: band, darkTicks: dark) { found.append(c) }
                }
            }
            return found
        }
        var best: Candidate?
        for c in perAngle.joined() {
            if best == nil || c.ticks.count > best!.ticks.count
                || (c.ticks.count == best!.ticks.count && c.contrast > best!.contrast) {
                best = c
            }
        }
        // At low resolution the gaps between thin graduations form as long a run as the graduations
        // themselves (one fewer): when the best run's "marks" fill most of the profile, the same
        // ruler read with the other polarity, with narrow marks, is the ruler.
        if let b = best, b.duty > 0.5 {
            let flipped = perAngle.joined().filter { c in
                c.darkTicks != b.darkTicks && c.duty < 0.5 && c.ticks.count + 2 >= b.ticks.count
                    && abs(c.axis.angleDegrees - b.axis.angleDegrees) < 1 && c.band.overlaps(b.band)
            }
            if let f = flipped.max(by: { ($0.ticks.count, $0.contrast) < ($1.ticks.count, $1.contrast) }) { best = f }
        }
        return best
    }

    func polarities() -> [Bool] {
        switch polarity {
        case .darkOnLight: return [true]
        case .lightOnDark: return [false]
        case .auto: return [true, false]
        }
    }

    /// Across-axis bands dense in tick edges, strongest first (at most 3).
    func bands(axis: RulerAxis) -> [ClosedRange<Double>] {
        let w = plane.width, h = plane.height
        let ext = axis.extent(width: w, height: h)
        let v0 = ext.v.lowerBound
        let bins = Int(ext.v.upperBound - v0) + 2
        var hist = [Double](repeating: 0, count: bins)
        let ux = Float(axis.u.x), uy = Float(axis.u.y), nx = axis.n.x, ny = axis.n.y
        let cosTol = Float(cos(8.0 * .pi / 180))
        edges.withUnsafeBufferPointer { e in
            hist.withUnsafeMutableBufferPointer { hb in
                for p in e where abs(p.ux * ux + p.uy * uy) >= cosTol {
                    let v = Double(p.x) * nx + Double(p.y) * ny
                    hb[Int(v - v0)] += Double(p.m)
                }
            }
        }
        // Smooth with a 5-bin box.
        var smooth = hist
        for b in 0..<bins {
            var s = 0.0
            for k in -2...2 where b + k >= 0 && b + k < bins { s += hist[b + k] }
            smooth[b] = s / 5
        }
        guard let top = smooth.max(), top > 0 else { return [] }
        var peaks: [(Int, Double)] = []
        for b in 1..<(bins - 1) where smooth[b] >= smooth[b - 1] && smooth[b] > smooth[b + 1] && smooth[b] > 0.15 * top {
            peaks.append((b, smooth[b]))
        }
        peaks.sort { $0.1 > $1.1 }
        var result: [ClosedRange<Double>] = []
        for (b, value) in peaks {
            var lo = b, hi = b
            while lo > 0 && smooth[lo - 1] > 0.5 * value { lo -= 1 }
            while hi < bins - 1 && smooth[hi + 1] > 0.5 * value { hi += 1 }
            let range = (v0 + Double(lo))...(v0 + Double(hi) + 1)
            if result.contains(where: { $0.overlaps(range) }) { continue }
            result.append(range)
            if result.count == 3 { break }
        }
        return result
    }

    /// The longest evenly spaced run of profile extrema inside `band`.
    func run(axis: RulerAxis, band: ClosedRange<Double>, darkTicks: Bool) -> Candidate? {
        let ext = axis.extent(width: plane.width, height: plane.height)
        let t0 = ext.t.lowerBound
        let count = Int(ext.t.upperBound - t0)
        guard count > 20, band.upperBound - band.lowerBound >= 1 else { return nil }
        // Profile: mean over the band's v at each t (1 working pixel steps).
        var profile = [Double](repeating: .nan, count: count)
        let vSteps = max(1, Int(band.upperBound - band.lowerBound))
        plane.withView { view in
            for i in 0..<count {
                let t = t0 + Double(i) + 0.5
                var sum = 0.0, k = 0
                for j in 0..<vSteps {
                    let v = band.lowerBound + (Double(j) + 0.5) * (band.upperBound - band.lowerBound) / Double(vSteps)
                    let p = axis.point(t: t, v: v)
                    if let s = view.sample(p.x, p.y) { sum += Double(s); k += 1 }
                }
                if k * 2 >= vSteps { profile[i] = darkTicks ? sum / Double(k) : -sum / Double(k) }
            }
        }
        let valid = profile.filter { !$0.isNaN }
        guard valid.count > 20,
              let lo = RobustStatistics.quantile(valid, 0.05), let hi = RobustStatistics.quantile(valid, 0.95),
              hi - lo > 0.02 else { return nil }
        let delta = 0.12 * (hi - lo)
        // Local minima with prominence on both sides.
        var minima: [Double] = []
        var depths: [Double] = []
        let reach = 40
        for i in 2..<(count - 2) {
            let p = profile[i]
            if p.isNaN { continue }
            var isMin = true
            for k in -2...2 where k != 0 {
                let q = profile[i + k]
                if q.isNaN || q < p || (k > 0 && q == p) { isMin = false; break }
            }
            if !isMin { continue }
            var leftMax = -Double.infinity, rightMax = -Double.infinity
            for k in 1...reach {
                if i - k >= 0, !profile[i - k].isNaN { leftMax = max(leftMax, profile[i - k]) }
                if i + k < count, !profile[i + k].isNaN { rightMax = max(rightMax, profile[i + k]) }
            }
            if leftMax - p < delta || rightMax - p < delta { continue }
            // Parabolic sub-sample position.
            let l = profile[i - 1], r = profile[i + 1]
            let denom = l - 2 * p + r
            let offset = denom > 0 ? 0.5 * (l - r) / denom : 0
            minima.append(t0 + Double(i) + 0.5 + offset)
            depths.append((min(leftMax, rightMax) - p) / (hi - lo))
        }
        guard minima.count >= 5 else { return nil }
        // Longest run of consecutive minima with spacing within ±20 % of the run's reference spacing.
        var bestStart = 0, bestLength = 1
        var start = 0
        while start < minima.count - 1 {
            let reference = minima[start + 1] - minima[start]
            if reference < 3.5 || reference > 200 { start += 1; continue }
            var end = start + 1
            var sum = reference
            while end + 1 < minima.count {
                let mean = sum / Double(end - start)
                let d = minima[end + 1] - minima[end]
                if abs(d - mean) > 0.2 * mean { break }
                sum += d
                end += 1
            }
            let length = end - start + 1
            if length > bestLength { bestLength = length; bestStart = start }
            start = max(start + 1, end)
        }
        guard bestLength >= 5 else { return nil }
        let ticks = Array(minima[bestStart..<(bestStart + bestLength)])
        let spacing = (ticks.last! - ticks.first!) / Double(ticks.count - 1)
        let contrast = RobustStatistics.median(Array(depths[bestStart..<(bestStart + bestLength)])) ?? 0
        let span = profile[max(0, Int(ticks.first! - t0))..<min(count, Int(ticks.last! - t0) + 1)].filter { !$0.isNaN }
        var duty = 0.5
        if let a = RobustStatistics.quantile(span, 0.05), let b = RobustStatistics.quantile(span, 0.95), b > a {
            duty = Double(span.filter { $0 < (a + b) / 2 }.count) / Double(span.count)
        }
        return Candidate(axis: axis, band: band, ticks: ticks, spacing: spacing, darkTicks: darkTicks, contrast: contrast, duty: duty)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

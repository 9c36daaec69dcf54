import QCImage

/// Rotation of a unit relative to the master.
///
/// From the outline when it fixes rotation: the radial signature r(φ) (distance from the area centroid
/// to the outline, 0.5° bins) of the unit is circularly cross-correlated with the master's, the peak
/// refined by a parabola and then by golden-section search on the squared difference. From the artwork
/// when the outline is round: rings of colour around the centroid are matched by normalised
/// cross-correlation (each ring and channel zero-mean, unit-variance, so exposure does not matter), again
/// refined to a fraction of a degree. Only rotation comes from the artwork; translation always comes
/// from the outline.
enum RotationEstimator {
    static let bins = 720

    /// r(φ) in `bins` bins over 0..<360° (φ from +x towards +y), gaps filled by interpolation.
    static func radialSignature(_ points: [(Double, Double)]) -> [Double] {
        var sum = [Double](repeating: 0, count: bins), count = [Int](repeating: 0, count: bins)
        for (x, y) in points {
            var phi = atan2(y, x) * 180 / .pi
            if phi < 0 { phi += 360 }
            let b = min(Int(phi / 360 * Double(bins)), bins - 1)
            sum[b] += (x * x + y * y).squareRoot()
            count[b] += 1
        }
        var r = [Double](repeating: .nan, count: bins)
        for b in 0..<bins where count[b] > 0 { r[b] = sum[b] / Double(count[b]) }
        let known = (0..<bins).filter { !r[$0].isNaN }
        guard !known.isEmpty else { return [Double](repeating: 0, count: bins) }
        for b in 0..<bins where r[b].isNaN {
            // Nearest known bins on either side (circular), linear interpolation.
            var lo = b, hi = b, dl = 0, dh = 0
            repeat { lo = (lo - 1 + bins) % bins; dl += 1 } while r[lo].isNaN && dl < bins
            repeat { hi = (hi + 1) % bins; dh += 1 } while r[hi].isNaN && dh < bins
            r[b] = r[lo] + (r[hi] - r[lo]) * Double(dl) / Double(dl + dh)
        }
        return r
    }

    /// Relative spread of a signature (std / mean): near 0 for a round outline.
    static func roundness(_ r: [Double]) -> Double {
        let mean = r.reduce(0, +) / Double(r.count)
        let v = r.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(r.count)
        return mean > 0 ? v.squareRoot() / mean : 0
    }

    /// Rotation θ (degrees) such that unit(φ) ≈ master(φ − θ); candidates best first with their scores.
    static func fromOutline(unit: [Double], master: [Double]) -> [(degrees: Double, score: Double)] {
        let n = unit.count
        let mu = unit.reduce(0, +) / Double(n), mm = master.reduce(0, +) / Double(n)
        let u = unit.map { $0 - mu }, m = master.map { $0 - mm }
        var corr = [Double](repeating: 0, count: n)
        for k in 0..<n {
            var s = 0.0
            for j in 0..<n { s += u[j] * m[(j - k + n) % n] }
            corr[k] = s
        }
        let best = corr.max() ?? 0
        var peaks: [(Double, Double)] = []
        for k in 0..<n where corr[k] >= 0.9 * best && corr[k] >= corr[(k + 1) % n] && corr[k] >= corr[(k - 1 + n) % n] {
            let l = corr[(k - 1 + n) % n], r = corr[(k + 1) % n], c = corr[k]
            let denom = l - 2 * c + r
            let offset = denom < 0 ? 0.5 * (l - r) / denom : 0
            var deg = (Double(k) + offset) * 360 / Double(n)
            deg = refine(start: deg) { theta in ssd(unit: unit, master: master, degrees: theta) }
            peaks.append((normalise(deg), c / max(best, 1e-12)))
        }
        return peaks.sorted { $0.1 > $1.1 }
    }

    /// Σ (unit(φ) − master(φ − θ))² with linear interpolation of the master.
    static func ssd(unit: [Double], master: [Double], degrees: Double) -> Double {
        let n = unit.count
        var s = 0.0
        for j in 0..<n {
            let pos = Double(j) - degrees / 360 * Double(n)
            let w = pos - (pos / Double(n)).rounded(.down) * Double(n)
            let i0 = Int(w) % n, i1 = (i0 + 1) % n, a = w - w.rounded(.down)
            let v = master[i0] + (master[i1] - master[i0]) * a
            s += (unit[j] - v) * (unit[j] - v)
        }
        return s
    }

    /// Golden-section minimisation of `cost` over [start − span, start + span] degrees.
    static func refine(start: Double, span: Double = 0.75, iterations: Int = 40, cost: (Double) -> Double) -> Double {
        var a = start - span, b = start + span
        let g = (5.0.squareRoot() - 1) / 2
        var c = b - g * (b - a), d = a + g * (b - a)
        var fc = cost(c), fd = cost(d)
        for _ in 0..<iterations {
            if fc < fd { b = d; d = c; fd = fc; c = b - g * (b - a); fc = cost(c) }
            else { a = c; c = d; fc = fd; d = a + g * (b - a); fd = cost(d) }
        }
        return (a + b) / 2
    }

    static func normalise(_ deg: Double) -> Double {
        var d = deg.truncatingRemainder(dividingBy: 360)
        if d > 180 { d -= 360 } else if d <= -180 { d += 360 }
        return d
    }

    /// Zero-mean, unit-variance per ring and channel (interleaved RGB of `samples` points per ring).
    static func standardise(_ rgb: [Float], samples: Int) -> [Float] {
        var out = rgb
        for c in 0..<3 {
            var mean: Float = 0
            for j in 0..<samples { mean += rgb[j * 3 + c] }
            mean /= Float(samples)
            var v: Float = 0
            for j in 0..<samples { let d = rgb[j * 3 + c] - mean; v += d * d }
            let sd = max((v / Float(samples)).squareRoot(), 1e-4)
            for j in 0..<samples { out[j * 3 + c] = (rgb[j * 3 + c] - mean) / sd }
        }
        return out
    }

    /// Σ over rings, samples and channels of unit(j) · master(j − k), k in 0..<samples (interleaved RGB).
    static func circularCorrelation(unit: [[Float]], master: [[Float]], samples n: Int, shift k: Int) -> Float {
        var s: Float = 0
        for r in 0..<master.count {
            unit[r].withUnsafeBufferPointer { u in
                master[r].withUnsafeBufferPointer { m in
                    // j < k wraps to master index j − k + n; the rest is j − k.
                    for j in 0..<k {
                        let i = (j - k + n) * 3, a = j * 3
                        s += u[a] * m[i] + u[a + 1] * m[i + 1] + u[a + 2] * m[i + 2]
                    }
                    for j in k..<n {
                        let i = (j - k) * 3, a = j * 3
                        s += u[a] * m[i] + u[a + 1] * m[i + 1] + u[a + 2] * m[i + 2]
                    }
                }
            }
        }
        return s
    }

    /// Means of `group` consecutive samples (interleaved RGB), for a coarse correlation search.
    static func decimate(_ rgb: [Float], samples: Int, group: Int) -> [Float] {
        if group == 1 { return rgb }
        let n = samples / group
        var out = [Float](repeating: 0, count: n * 3)
        for k in 0..<n {
            for g in 0..<group {
                let j = (k * group + g) * 3
                out[k * 3] += rgb[j]; out[k * 3 + 1] += rgb[j + 1]; out[k * 3 + 2] += rgb[j + 2]
            }
        }
        let scale = 1 / Float(group)
        return out.map { $0 * scale }
    }

    /// Rotation from the artwork: `unitRing(ring, θ)` samples the unit's ring at rotation θ (degrees).
    /// `candidates` restricts the search (e.g. to outline peaks); empty means a full turn.
    static func fromArtwork(master: [MasterModel.Ring], samples: Int, candidates: [Double],
                            unitRing: (Int, Double) -> [Float]) -> Double {
        let m = master.map { standardise($0.rgb, samples: samples) }
        let u0 = (0..<master.count).map { standardise(unitRing($0, 0), samples: samples) }
        let step = 360 / Double(samples)
        var shifts: [Int]
        if candidates.isEmpty {
            // Full turn, coarse to fine: correlate rings averaged over groups of 4 samples at every
            // coarse shift, then search the full-resolution shifts around the three best coarse peaks.
            let group = samples % 4 == 0 && samples >= 64 ? 4 : 1
            let coarseN = samples / group
            let md = m.map { decimate($0, samples: samples, group: group) }
            let ud = u0.map { decimate($0, samples: samples, group: group) }
            let coarse = (0..<coarseN).map { circularCorrelation(unit: ud, master: md, samples: coarseN, shift: $0) }
            var peaks = (0..<coarseN).filter { k in
                coarse[k] >= coarse[(k + 1) % coarseN] && coarse[k] >= coarse[(k + coarseN - 1) % coarseN]
            }
            peaks.sort { coarse[$0] > coarse[$1] }
            shifts = []
            for p in peaks.prefix(3) {
                for d in -group...group { shifts.append(((p * group + d) % samples + samples) % samples) }
            }
        } else {
            shifts = []
            for c in candidates {
                let k = Int((c / step).rounded())
                for d in -8...8 { shifts.append(((k + d) % samples + samples) % samples) }
            }
        }
        func corr(_ k: Int) -> Float {
            circularCorrelation(unit: u0, master: m, samples: samples, shift: ((k % samples) + samples) % samples)
        }
        var bestK = shifts[0], bestV = -Float.infinity
        for k in shifts { let v = corr(k); if v > bestV { bestV = v; bestK = k } }
        let l = corr(bestK - 1), r = corr(bestK + 1)
        let denom = l - 2 * bestV + r
        let offset = denom < 0 ? Double(0.5 * (l - r) / denom) : 0
        let coarse = (Double(bestK) + offset) * step
        // Continuous refinement: resample the unit rings at θ and compare with the master.
        // Each cost samples every ring: the rings are spread over the cores, their sums added in order.
        let refined = refine(start: coarse, span: step * 1.5, iterations: 24) { theta in
            ParallelMap.map(m.count, minimumPerChunk: 2) { r -> Float in
                let u = standardise(unitRing(r, theta), samples: samples)
                var s: Float = 0
                for i in 0..<(samples * 3) { let d = u[i] - m[r][i]; s += d * d }
                return s
            }.reduce(0) { $0 + Double($1) }
        }
        return normalise(refined)
    }

    /// The rotation (radians) still left between unit and master after an artwork registration, read
    /// from the boundary-shift samples themselves.
    ///
    /// A residual rotation ε moves a boundary point p with normal n by ε·(pₓn_y − p_y nₓ) along n; a
    /// translation t moves it by t·n. Both are fitted to the displacements by iteratively reweighted
    /// least squares with Tukey's biweight (c = 4.685 σ, σ from the MAD of the residuals; Holland and
    /// Welsch 1977), so the few points of a moved line or fill are outliers and do not pull it. The
    /// translation is fitted only so that a shifted fill cannot pose as a rotation; it is not applied
    /// (translation comes from the outline). Ring correlation alone was off by up to 0.37° on rendered
    /// units (moved fills, lighting that stays with the camera while the artwork turns); after this fit
    /// the error is 0.03° or less. Returns nil when the boundaries cannot fix rotation (all radial: circles about the
    /// centre) or the fit does not settle within 1°.
    static func residualRotation(_ samples: [BoundaryShift.Sample]) -> Double? {
        struct Row { var lever: Double, nx: Double, ny: Double, d: Double }
        let rows = samples.compactMap { s -> Row? in
            guard let d = s.displacement else { return nil }
            return Row(lever: s.x * s.ny - s.y * s.nx, nx: s.nx, ny: s.ny, d: d)
        }
        guard rows.count >= 20 else { return nil }
        var p = SIMD3<Double>(0, 0, 0)   // ε, tx, ty
        for _ in 0..<12 {
            let residuals = rows.map { $0.d - (p.x * $0.lever + p.y * $0.nx + p.z * $0.ny) }
            guard let med = RobustStatistics.quantile(residuals.map { abs($0) }, 0.5) else { return nil }
            let c = 4.685 * max(1.4826 * med, 0.001)
            // Weighted normal equations A·p = b.
            var a = [Double](repeating: 0, count: 9), b = SIMD3<Double>(0, 0, 0)
            for (r, row) in zip(residuals, rows) where abs(r) < c {
                let u = r / c, w = (1 - u * u) * (1 - u * u)
                let v = SIMD3(row.lever, row.nx, row.ny)
                for i in 0..<3 { for j in 0..<3 { a[i * 3 + j] += w * v[i] * v[j] } }
                b += w * row.d * v
            }
            // The rotation must be fixed by the data: enough weighted lever arm (mm²) per point.
            guard a[0] > 0.5 * Double(rows.count) * 0.05, let next = solve3(a, b) else { return nil }
            let converged = abs(next.x - p.x) < 1e-7
            p = next
            if converged { break }
        }
        return abs(p.x) < 1 * .pi / 180 ? p.x : nil
    }

    /// Solves the 3×3 system a·x = b (row-major a) by Cramer's rule; nil when singular.
    static func solve3(_ a: [Double], _ b: SIMD3<Double>) -> SIMD3<Double>? {
        func det(_ m: [Double]) -> Double {
            m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6])
        }
        let d = det(a)
        guard abs(d) > 1e-12 else { return nil }
        var out = SIMD3<Double>(0, 0, 0)
        for k in 0..<3 {
            var m = a
            for i in 0..<3 { m[i * 3 + k] = b[i] }
            out[k] = det(m) / d
        }
        return out
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

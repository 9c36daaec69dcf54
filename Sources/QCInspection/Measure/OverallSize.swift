/// Overall size: the extent of the outline along the design frame's axes, mm.
///
/// Each extreme is found by fitting a parabola, position-along-axis versus position-across, to the
/// outline points whose outward normal lies within 10° of that axis (least squares), and taking its
/// maximum over the fitted stretch: sub-pixel and robust to noise, where the single farthest point
/// would be biased outward by the noise.
enum OverallSize {
    static func measure(designPoints: [(x: Double, y: Double, nx: Double, ny: Double)]) -> Measurements.OverallSize? {
        func extreme(_ ux: Double, _ uy: Double) -> Double? {
            // Along = projection on (ux, uy); across = on the perpendicular.
            let pts = designPoints.filter { $0.nx * ux + $0.ny * uy >= cos(10 * .pi / 180) }
            guard pts.count >= 5 else {
                return designPoints.map { $0.x * ux + $0.y * uy }.max()
            }
            var a = pts.map { $0.x * ux + $0.y * uy }, c = pts.map { -$0.x * uy + $0.y * ux }
            guard var coeffs = fitQuadratic(x: c, y: a) else { return a.max() }
            // Robust refit: drop points more than 3 robust σ (at least 0.01 mm) off the parabola.
            for _ in 0..<3 {
                let r = zip(c, a).map { $0.1 - (coeffs.0 + coeffs.1 * $0.0 + coeffs.2 * $0.0 * $0.0) }
                let sorted = r.map { abs($0) }.sorted()
                let sigma = max(1.4826 * sorted[sorted.count / 2], 0.01 / 3)
                let keep = r.indices.filter { abs(r[$0]) <= 3 * sigma }
                guard keep.count >= 5, keep.count < r.count, let refit = fitQuadratic(x: keep.map { c[$0] }, y: keep.map { a[$0] }) else { break }
                c = keep.map { c[$0] }; a = keep.map { a[$0] }
                coeffs = refit
            }
            let lo = c.min()!, hi = c.max()!
            var best = -Double.infinity
            var candidates = [lo, hi]
            if coeffs.2 < 0 { let v = -coeffs.1 / (2 * coeffs.2); if v > lo && v < hi { candidates.append(v) } }
            for v in candidates { best = max(best, coeffs.0 + coeffs.1 * v + coeffs.2 * v * v) }
            return best
        }
        guard let r = extreme(1, 0), let l = extreme(-1, 0), let b = extreme(0, 1), let t = extreme(0, -1) else { return nil }
        return Measurements.OverallSize(width: r + l, height: b + t)
    }

    /// Least-squares y = c0 + c1·x + c2·x² (x centred for conditioning).
    static func fitQuadratic(x: [Double], y: [Double]) -> (Double, Double, Double)? {
        let n = Double(x.count)
        let xm = x.reduce(0, +) / n
        var s = [Double](repeating: 0, count: 5), t = [Double](repeating: 0, count: 3)
        for (xi, yi) in zip(x, y) {
            let u = xi - xm
            var p = 1.0
            for k in 0..<5 { s[k] += p; if k < 3 { t[k] += p * yi }; p *= u }
        }
        // Solve the 3×3 normal equations by Cramer's rule.
        let m = [[s[0], s[1], s[2]], [s[1], s[2], s[3]], [s[2], s[3], s[4]]]
        func det(_ a: [[Double]]) -> Double {
            a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0])
        }
        let d = det(m)
        guard abs(d) > 1e-18 else { return nil }
        var c = [Double](repeating: 0, count: 3)
        for k in 0..<3 {
            var mk = m
            for r in 0..<3 { mk[r][k] = t[r] }
            c[k] = det(mk) / d
        }
        // Undo the centring: y = c0 + c1 (x − xm) + c2 (x − xm)².
        return (c[0] - c[1] * xm + c[2] * xm * xm, c[1] - 2 * c[2] * xm, c[2])
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

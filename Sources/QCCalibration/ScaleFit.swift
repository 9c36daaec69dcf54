import QCImage

/// Robust straight-line fit of graduation positions against their index: position = a + b·k.
///
/// Least squares with iterative rejection of outliers beyond 4 robust σ (MAD, Rousseeuw & Croux 1993),
/// then the GUM standard uncertainty of the slope: u(b) = s / √Σ(k − k̄)², s² = Σr² / (n − 2)
/// (JCGM 100:2008 §H.3, straight-line calibration).
struct ScaleFit: Sendable, Equatable {
    var intercept: Double
    /// Pixels per graduation.
    var slope: Double
    /// Standard uncertainty of the slope (pixels per graduation, k = 1).
    var slopeUncertainty: Double
    /// Root-mean-square residual of the kept points, px.
    var residualRMS: Double
    /// Indices of the points kept by the fit.
    var kept: [Int]

    static func fit(indices k: [Double], positions t: [Double]) -> ScaleFit? {
        precondition(k.count == t.count)
        var keep = Array(k.indices)
        var result: ScaleFit?
        for _ in 0..<4 {
            guard keep.count >= 3 else { return nil }
            let n = Double(keep.count)
            let kMean = keep.map { k[$0] }.reduce(0, +) / n
            let tMean = keep.map { t[$0] }.reduce(0, +) / n
            var sxx = 0.0, sxy = 0.0
            for i in keep { sxx += (k[i] - kMean) * (k[i] - kMean); sxy += (k[i] - kMean) * (t[i] - tMean) }
            guard sxx > 0 else { return nil }
            let b = sxy / sxx, a = tMean - b * kMean
            let residuals = keep.map { t[$0] - (a + b * k[$0]) }
            let ss = residuals.reduce(0) { $0 + $1 * $1 }
            let s = (ss / max(n - 2, 1)).squareRoot()
            result = ScaleFit(intercept: a, slope: b, slopeUncertainty: s / sxx.squareRoot(),
                              residualRMS: (ss / n).squareRoot(), kept: keep)
            let sigma = max(1.4826 * (RobustStatistics.median(residuals.map { abs($0) }) ?? 0), 0.02)
            let next = keep.filter { abs(t[$0] - (a + b * k[$0])) <= 4 * sigma }
            if next.count == keep.count { break }
            keep = next
        }
        return result
    }
}

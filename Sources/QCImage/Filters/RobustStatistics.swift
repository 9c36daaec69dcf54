/// Order statistics used across measurements, written once.
public enum RobustStatistics {
    /// The q-quantile (0...1) by linear interpolation between order statistics (Hyndman & Fan 1996
    /// type 7, numpy's default). Returns nil for an empty input.
    public static func quantile(_ values: [Double], _ q: Double) -> Double? {
        if values.isEmpty { return nil }
        let s = values.sorted()
        let h = Double(s.count - 1) * min(max(q, 0), 1)
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, s.count - 1)
        return s[lo] + (h - Double(lo)) * (s[hi] - s[lo])
    }

    /// The median (type-7 0.5 quantile).
    public static func median(_ values: [Double]) -> Double? { quantile(values, 0.5) }

    /// Median absolute deviation scaled by 1.4826, a consistent estimator of σ for Gaussian data
    /// (Rousseeuw & Croux 1993). Returns nil for an empty input.
    public static func mad(_ values: [Double]) -> Double? {
        guard let m = median(values) else { return nil }
        return median(values.map { abs($0 - m) }).map { $0 * 1.4826 }
    }
}

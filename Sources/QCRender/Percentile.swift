/// Percentiles by linear interpolation between order statistics (Hyndman & Fan type 7, numpy's default).
///
/// For sorted values x₀ ≤ … ≤ xₙ₋₁ and p in 0...100: h = (n − 1)·p/100, result = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋).
/// The one definition used for every percentile in the truth (medians, 2nd, 95th, 99th).
public enum Percentile {
    /// The `p`-th percentile (0...100) of `values`; `nil` when `values` is empty.
    public static func type7(_ values: [Double], _ p: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        return type7(sorted: values.sorted(), p)
    }

    /// The `p`-th percentile of already sorted `values`; `nil` when empty.
    public static func type7(sorted x: [Double], _ p: Double) -> Double? {
        guard !x.isEmpty else { return nil }
        let q = min(max(p, 0), 100) / 100
        let h = Double(x.count - 1) * q
        let lo = Int(h.rounded(.down))
        if lo >= x.count - 1 { return x[x.count - 1] }
        let f = h - Double(lo)
        return x[lo] + f * (x[lo + 1] - x[lo])
    }

    /// The median (50th percentile).
    public static func median(_ values: [Double]) -> Double? { type7(values, 50) }
}

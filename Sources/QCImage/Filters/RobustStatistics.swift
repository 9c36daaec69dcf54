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

    /// Several type-7 quantiles by selection instead of a full sort (Hoare's FIND / quickselect,
    /// expected O(n) per quantile); the values equal those of `quantile` for each q.
    /// Returns nil for an empty input.
    public static func quantiles(_ values: [Double], _ qs: [Double]) -> [Double]? {
        if values.isEmpty { return nil }
        var a = values
        let last = a.count - 1
        return a.withUnsafeMutableBufferPointer { buffer in
            qs.map { q in
                let h = Double(last) * min(max(q, 0), 1)
                let lo = Int(h.rounded(.down))
                let low = select(buffer, lo)
                guard lo < last, h > Double(lo) else { return low }
                // After selecting rank lo, every element right of it is >= it: rank lo+1 is their minimum.
                var next = buffer[lo + 1]
                for i in stride(from: lo + 2, through: last, by: 1) where buffer[i] < next { next = buffer[i] }
                return low + (h - Double(lo)) * (next - low)
            }
        }
    }

    /// The lower median (element of rank count/2), by selection; nil for an empty input. Equal to
    /// `values.sorted()[values.count / 2]`.
    public static func lowerMedian(_ values: [Float]) -> Float? {
        if values.isEmpty { return nil }
        var a = values
        return a.withUnsafeMutableBufferPointer { select($0, $0.count / 2) }
    }

    /// The element of rank `rank` (0-based, clamped to the input) by selection; nil for an empty input.
    /// Equal to `values.sorted()[rank]`.
    public static func element<T: Comparable>(ofRank rank: Int, in values: [T]) -> T? {
        if values.isEmpty { return nil }
        var a = values
        return a.withUnsafeMutableBufferPointer { select($0, min(max(rank, 0), $0.count - 1)) }
    }

    /// Rearranges `a` so that a[k] holds the element of rank k, smaller or equal ones before it and
    /// larger or equal ones after it (Hoare 1961, "Algorithm 65: FIND", median-of-three pivots).
    static func select<T: Comparable>(_ a: UnsafeMutableBufferPointer<T>, _ k: Int) -> T {
        var left = 0, right = a.count - 1
        while right > left {
            let mid = left + (right - left) / 2
            if a[mid] < a[left] { a.swapAt(mid, left) }
            if a[right] < a[left] { a.swapAt(right, left) }
            if a[right] < a[mid] { a.swapAt(right, mid) }
            let pivot = a[mid]
            var i = left, j = right
            while i <= j {
                while a[i] < pivot { i += 1 }
                while pivot < a[j] { j -= 1 }
                if i <= j { a.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { right = j } else if k >= i { left = i } else { break }
        }
        return a[k]
    }

    /// Mean of the values between the `trim` and 1 − `trim` quantiles (by rank), e.g. 0.25 for the
    /// interquartile mean. Unlike the median it is not stuck to one value when the data are quantised
    /// (8-bit codes) with noise of about a code: the average dithers between codes. Nil for no input.
    public static func trimmedMean(_ values: [Double], trim: Double) -> Double? {
        if values.isEmpty { return nil }
        let s = values.sorted()
        let cut = min(Int(Double(s.count) * min(max(trim, 0), 0.49)), (s.count - 1) / 2)
        let kept = s[cut..<(s.count - cut)]
        return kept.reduce(0, +) / Double(kept.count)
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

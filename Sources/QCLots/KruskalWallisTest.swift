import Foundation

/// The Kruskal–Wallis rank test: do several groups (cartons) come from the same distribution?
/// H = 12 / (N(N+1)) Σ R_i² / n_i − 3(N+1), divided by the tie correction 1 − Σ(t³ − t)/(N³ − N), compared
/// with χ² on k − 1 degrees of freedom (Kruskal & Wallis 1952; Conover, Practical Nonparametric Statistics §5.2).
public struct KruskalWallisTest: Sendable, Hashable, Codable {
    public let h: Double
    public let degreesOfFreedom: Int
    public let pValue: Double

    /// Nil when fewer than 2 groups have values or all values are equal.
    public init?(groups: [[Double]]) {
        let used = groups.filter { !$0.isEmpty }
        let n = used.reduce(0) { $0 + $1.count }
        guard used.count >= 2, n > used.count else { return nil }
        var all: [(value: Double, group: Int)] = []
        for (g, values) in used.enumerated() { for v in values { all.append((v, g)) } }
        all.sort { $0.value < $1.value }
        var rankSums = Array(repeating: 0.0, count: used.count)
        var tieSum = 0.0
        var i = 0
        while i < all.count {
            var j = i
            while j + 1 < all.count, all[j + 1].value == all[i].value { j += 1 }
            let rank = Double(i + j + 2) / 2
            for k in i...j { rankSums[all[k].group] += rank }
            let t = Double(j - i + 1)
            tieSum += t * t * t - t
            i = j + 1
        }
        let total = Double(n)
        let correction = 1 - tieSum / (total * total * total - total)
        guard correction > 0 else { return nil }
        var h = 0.0
        for (g, values) in used.enumerated() { h += rankSums[g] * rankSums[g] / Double(values.count) }
        h = (12 / (total * (total + 1)) * h - 3 * (total + 1)) / correction
        self.h = max(0, h)
        self.degreesOfFreedom = used.count - 1
        self.pValue = ChiSquareDistribution.pValue(self.h, degreesOfFreedom: used.count - 1)
    }
}

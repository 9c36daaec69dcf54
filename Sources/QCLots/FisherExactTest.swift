import Foundation

/// Fisher's exact test for a 2×2 table (two-sided: the sum of the probabilities of all tables with the same
/// margins that are no more likely than the one observed; Agresti, Categorical Data Analysis, §3.5).
///
/// ```
///            defective   good
/// group 1        a         b
/// group 2        c         d
/// ```
public enum FisherExactTest {
    public static func twoSided(a: Int, b: Int, c: Int, d: Int) -> Double {
        guard a >= 0, b >= 0, c >= 0, d >= 0 else { return 1 }
        let row1 = a + b, col1 = a + c, n = a + b + c + d
        guard n > 0 else { return 1 }
        let lowest = max(0, col1 - (n - row1)), highest = min(row1, col1)
        let observed = logProbability(x: a, row1: row1, col1: col1, n: n)
        var p = 0.0
        for x in lowest...highest {
            let lp = logProbability(x: x, row1: row1, col1: col1, n: n)
            if lp <= observed + 1e-7 { p += exp(lp) }
        }
        return min(1, p)
    }

    /// One-sided p-value that group 1's defect rate is higher than group 2's (P(X ≥ a)).
    public static func greater(a: Int, b: Int, c: Int, d: Int) -> Double {
        guard a >= 0, b >= 0, c >= 0, d >= 0 else { return 1 }
        let row1 = a + b, col1 = a + c, n = a + b + c + d
        guard n > 0 else { return 1 }
        let highest = min(row1, col1)
        guard a <= highest else { return 0 }
        var p = 0.0
        for x in a...highest { p += exp(logProbability(x: x, row1: row1, col1: col1, n: n)) }
        return min(1, p)
    }

    /// log of the hypergeometric probability of `x` in the top-left cell.
    private static func logProbability(x: Int, row1: Int, col1: Int, n: Int) -> Double {
        logChoose(col1, x) + logChoose(n - col1, row1 - x) - logChoose(n, row1)
    }

    static func logChoose(_ n: Int, _ k: Int) -> Double {
        guard k >= 0, k <= n else { return -.infinity }
        return lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
    }
}

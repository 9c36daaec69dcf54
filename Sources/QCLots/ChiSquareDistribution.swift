import Foundation

/// The chi-square distribution, through the regularized incomplete gamma function
/// (Press et al., Numerical Recipes 3rd ed., §6.2: series for x < a + 1, Lentz continued fraction otherwise).
public enum ChiSquareDistribution {
    /// P(X ≤ x) for `degreesOfFreedom` ≥ 1.
    public static func cdf(_ x: Double, degreesOfFreedom: Int) -> Double {
        guard x > 0, degreesOfFreedom > 0 else { return 0 }
        return IncompleteGamma.regularizedLower(a: Double(degreesOfFreedom) / 2, x: x / 2)
    }

    /// The upper-tail p-value P(X ≥ x), computed directly (not 1 − cdf) so small p-values keep their precision.
    public static func pValue(_ x: Double, degreesOfFreedom: Int) -> Double {
        guard x > 0, degreesOfFreedom > 0 else { return 1 }
        return IncompleteGamma.regularizedUpper(a: Double(degreesOfFreedom) / 2, x: x / 2)
    }
}

/// The regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x) (Numerical Recipes §6.2).
public enum IncompleteGamma {
    private static let epsilon = 1e-15
    private static let tiny = 1e-300
    private static let maxIterations = 10_000

    /// P(a, x) = γ(a, x) / Γ(a), for a > 0 and x ≥ 0.
    public static func regularizedLower(a: Double, x: Double) -> Double {
        guard a > 0, x > 0 else { return 0 }
        return x < a + 1 ? series(a: a, x: x) : 1 - continuedFraction(a: a, x: x)
    }

    /// Q(a, x) = Γ(a, x) / Γ(a), for a > 0 and x ≥ 0.
    public static func regularizedUpper(a: Double, x: Double) -> Double {
        guard a > 0, x > 0 else { return 1 }
        return x < a + 1 ? 1 - series(a: a, x: x) : continuedFraction(a: a, x: x)
    }

    /// The series for P(a, x) (NR gser).
    private static func series(a: Double, x: Double) -> Double {
        var ap = a
        var term = 1 / a
        var sum = term
        for _ in 0..<maxIterations {
            ap += 1
            term *= x / ap
            sum += term
            if abs(term) < abs(sum) * epsilon { break }
        }
        return sum * exp(-x + a * log(x) - lgamma(a))
    }

    /// The continued fraction for Q(a, x) by the modified Lentz method (NR gcf).
    private static func continuedFraction(a: Double, x: Double) -> Double {
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1...maxIterations {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return exp(-x + a * log(x) - lgamma(a)) * h
    }
}

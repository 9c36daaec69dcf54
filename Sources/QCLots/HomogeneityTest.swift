import Foundation
import QCSampling

/// Do the groups (cartons) share one defect rate? The chi-square test of homogeneity on the 2 × k table of
/// defective and good units per group (Agresti, Categorical Data Analysis, §3.2), with adjusted
/// (standardized) residuals per group (§2.4.5) to say which group stands out.
///
/// When an expected count is below 5 the χ² approximation is poor; the p-value is then from a Monte Carlo
/// permutation test with a fixed seed (the defective units re-dealt among all units with the same margins,
/// p = (1 + #{χ²* ≥ χ²}) / (1 + B); Hope 1968), and the note says so.
public struct HomogeneityTest: Sendable, Hashable, Codable {
    /// One group's row of the table.
    public struct Group: Sendable, Hashable, Codable {
        public var name: String
        public var units: Int
        public var defective: Int
        /// Defective units expected under a common rate.
        public var expected: Double
        /// (observed − expected) / its standard error; above about 2.5 the group holds more than chance allows.
        public var adjustedResidual: Double

        enum CodingKeys: String, CodingKey {
            case name, units, defective, expected, adjustedResidual = "adjusted_residual"
        }
    }

    public let groups: [Group]
    public let chiSquare: Double
    public let degreesOfFreedom: Int
    /// p-value from the χ² distribution.
    public let asymptoticPValue: Double
    /// The p-value to use: asymptotic, or Monte Carlo when expected counts are small.
    public let pValue: Double
    /// "chi_square" or "monte_carlo_permutation".
    public let method: String
    public let permutations: Int?
    public let seed: UInt64?
    public let note: String?

    /// Nil when fewer than 2 groups have units.
    public init?(groups input: [(name: String, units: Int, defective: Int)], permutations: Int = 20_000,
                 seed: UInt64 = 2_859) {
        let rows = input.filter { $0.units > 0 }
        guard rows.count >= 2 else { return nil }
        let n = rows.reduce(0) { $0 + $1.units }
        let d = rows.reduce(0) { $0 + min($1.defective, $1.units) }
        let units = rows.map(\.units), observed = rows.map { min($0.defective, $0.units) }
        let statistic = Self.statistic(observed: observed, units: units, total: n, defective: d)
        let rate = Double(d) / Double(n)
        self.groups = rows.indices.map { i in
            let expected = Double(units[i]) * rate
            let variance = expected * (1 - Double(units[i]) / Double(n)) * (1 - rate)
            let residual = variance > 0 ? (Double(observed[i]) - expected) / variance.squareRoot() : 0
            return Group(name: rows[i].name, units: units[i], defective: observed[i], expected: expected,
                         adjustedResidual: residual)
        }
        self.chiSquare = statistic
        self.degreesOfFreedom = rows.count - 1
        self.asymptoticPValue = ChiSquareDistribution.pValue(statistic, degreesOfFreedom: rows.count - 1)
        let smallest = groups.flatMap { [$0.expected, Double($0.units) - $0.expected] }.min() ?? 0
        if d == 0 || d == n {
            self.pValue = 1; self.method = "chi_square"; self.permutations = nil; self.seed = nil
            self.note = d == 0 ? "no defective units: nothing to compare" : "every unit is defective: nothing to compare"
        } else if smallest < 5 {
            self.pValue = Self.permutationPValue(observed: statistic, units: units, defective: d,
                                                 permutations: permutations, seed: seed)
            self.method = "monte_carlo_permutation"
            self.permutations = permutations
            self.seed = seed
            self.note = String(format: "expected counts below 5 (smallest %.2f): p-value from %d random re-deals "
                + "of the defective units among all units (seed %llu) instead of the χ² approximation",
                               smallest, permutations, seed) + " (\(NumberText.pClause(asymptoticPValue)))"
        } else {
            self.pValue = asymptoticPValue; self.method = "chi_square"; self.permutations = nil; self.seed = nil
            self.note = nil
        }
    }

    /// Pearson's χ² for the 2 × k table.
    static func statistic(observed: [Int], units: [Int], total: Int, defective: Int) -> Double {
        guard defective > 0, defective < total else { return 0 }
        let rate = Double(defective) / Double(total)
        var sum = 0.0
        for i in observed.indices {
            let eBad = Double(units[i]) * rate, eGood = Double(units[i]) - eBad
            let oBad = Double(observed[i]), oGood = Double(units[i] - observed[i])
            sum += (oBad - eBad) * (oBad - eBad) / eBad + (oGood - eGood) * (oGood - eGood) / eGood
        }
        return sum
    }

    /// The Monte Carlo permutation p-value for the same margins.
    static func permutationPValue(observed: Double, units: [Int], defective: Int, permutations: Int, seed: UInt64) -> Double {
        var labels: [Int] = []
        for (group, count) in units.enumerated() { labels += Array(repeating: group, count: count) }
        let total = labels.count
        var generator = SplitMix64(seed: seed)
        var counts = Array(repeating: 0, count: units.count)
        var atLeast = 0
        for _ in 0..<max(1, permutations) {
            for i in counts.indices { counts[i] = 0 }
            for i in 0..<defective {
                let pick = i + generator.nextInt(below: total - i)
                labels.swapAt(i, pick)
                counts[labels[i]] += 1
            }
            if statistic(observed: counts, units: units, total: total, defective: defective) >= observed - 1e-9 {
                atLeast += 1
            }
        }
        return Double(1 + atLeast) / Double(1 + max(1, permutations))
    }
}

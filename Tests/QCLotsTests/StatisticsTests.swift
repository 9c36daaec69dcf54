import Foundation
import QCLots
import Testing

@Suite("Statistics")
struct StatisticsTests {
    @Test("χ² upper-tail p-values match published critical values", arguments: [
        (3.841459, 1, 0.05), (6.634897, 1, 0.01), (10.827566, 1, 0.001), (11.070498, 5, 0.05),
        (18.307038, 10, 0.05), (124.342113, 100, 0.05), (15.086272, 5, 0.01), (0.454936, 1, 0.5),
    ])
    func chiSquareCritical(x: Double, df: Int, p: Double) {
        #expect(abs(ChiSquareDistribution.pValue(x, degreesOfFreedom: df) - p) < p * 1e-4)
        #expect(abs(ChiSquareDistribution.cdf(x, degreesOfFreedom: df) + ChiSquareDistribution.pValue(x, degreesOfFreedom: df) - 1) < 1e-12)
    }

    @Test("The values in the issue: χ² 3.841 df 1 and 11.07 df 5 give p ≈ 0.05")
    func issueValues() {
        #expect(abs(ChiSquareDistribution.pValue(3.841, degreesOfFreedom: 1) - 0.05) < 1e-4)
        #expect(abs(ChiSquareDistribution.pValue(11.07, degreesOfFreedom: 5) - 0.05) < 1e-4)
    }

    @Test("Closed forms: df 2 is exp(−x/2); df 1 is erfc(√(x/2))")
    func closedForms() {
        for x in [0.01, 0.5, 1, 2, 5, 13.8, 40, 120] {
            #expect(abs(ChiSquareDistribution.pValue(x, degreesOfFreedom: 2) - exp(-x / 2)) < 1e-13)
            #expect(abs(ChiSquareDistribution.pValue(x, degreesOfFreedom: 1) - erfc((x / 2).squareRoot())) < 1e-12)
        }
        #expect(ChiSquareDistribution.pValue(0, degreesOfFreedom: 3) == 1)
        #expect(ChiSquareDistribution.cdf(0, degreesOfFreedom: 3) == 0)
    }

    @Test("Incomplete gamma: P(1, x) = 1 − e^−x, P(a, x) + Q(a, x) = 1")
    func incompleteGamma() {
        for x in [0.1, 1, 3, 10] {
            #expect(abs(IncompleteGamma.regularizedLower(a: 1, x: x) - (1 - exp(-x))) < 1e-13)
            for a in [0.5, 2.5, 7, 30] {
                #expect(abs(IncompleteGamma.regularizedLower(a: a, x: x) + IncompleteGamma.regularizedUpper(a: a, x: x) - 1) < 1e-12)
            }
        }
    }

    @Test("Fisher's exact test: the lady tasting tea (Fisher 1935)")
    func fisher() {
        #expect(abs(FisherExactTest.twoSided(a: 3, b: 1, c: 1, d: 3) - 0.485714) < 1e-5)
        #expect(abs(FisherExactTest.greater(a: 3, b: 1, c: 1, d: 3) - 0.242857) < 1e-5)
        #expect(abs(FisherExactTest.twoSided(a: 0, b: 5, c: 5, d: 0) - 0.007937) < 1e-5)
        #expect(abs(FisherExactTest.twoSided(a: 2, b: 2, c: 2, d: 2) - 1) < 1e-12)
    }

    @Test("Kruskal–Wallis: three separated groups give H 7.2, p = e^−3.6")
    func kruskalWallis() throws {
        let test = try #require(KruskalWallisTest(groups: [[1, 2, 3], [4, 5, 6], [7, 8, 9]]))
        #expect(abs(test.h - 7.2) < 1e-12)
        #expect(test.degreesOfFreedom == 2)
        #expect(abs(test.pValue - exp(-3.6)) < 1e-12)
        let same = try #require(KruskalWallisTest(groups: [[1, 2, 3], [1, 2, 3], [1, 2, 3]]))
        #expect(same.h < 1e-12 && same.pValue > 0.999)
        #expect(KruskalWallisTest(groups: [[1, 1], [1, 1]]) == nil)
    }

    @Test("Homogeneity test: asymptotic when counts are large, permutation (seeded, reproducible) when small")
    func homogeneity() throws {
        let large = try #require(HomogeneityTest(groups: [("a", 100, 10), ("b", 100, 30)]))
        #expect(large.method == "chi_square")
        // 2 × 2: χ² = N (ad − bc)² / (r1 r2 c1 c2) = 200 · (10·70 − 90·30)² / (100 · 100 · 40 · 160) = 12.5.
        #expect(abs(large.chiSquare - 12.5) < 1e-9)
        #expect(abs(large.pValue - ChiSquareDistribution.pValue(12.5, degreesOfFreedom: 1)) < 1e-15)
        let small = try #require(HomogeneityTest(groups: [("a", 8, 6), ("b", 8, 0), ("c", 8, 1)]))
        #expect(small.method == "monte_carlo_permutation")
        #expect(small.note?.contains("expected counts below 5") == true)
        #expect(small.pValue < 0.01)
        let again = try #require(HomogeneityTest(groups: [("a", 8, 6), ("b", 8, 0), ("c", 8, 1)]))
        #expect(again.pValue == small.pValue)
        #expect(small.groups[0].adjustedResidual > 3)
    }

    @Test("Wilson upper bound of a proportion")
    func wilson() {
        // 6 of 80: Wilson 95 % interval 3.5 % ... 15.4 %.
        #expect(abs(DispositionAdvice.wilsonUpper(successes: 6, trials: 80) - 0.1540) < 5e-4)
        #expect(DispositionAdvice.wilsonUpper(successes: 0, trials: 0) == 1)
    }
}

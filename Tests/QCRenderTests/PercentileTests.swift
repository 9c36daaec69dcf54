import Testing
import QCRender

/// The one percentile definition (type 7, numpy's default) against values numpy gives.
@Suite struct PercentileTests {
    @Test func matchesNumpyType7() throws {
        let x: [Double] = [1, 2, 3, 4]
        #expect(Percentile.type7(x, 50) == 2.5)      // np.percentile([1,2,3,4], 50)
        #expect(Percentile.type7(x, 25) == 1.75)     // np.percentile([1,2,3,4], 25)
        #expect(Percentile.type7(x, 0) == 1)
        #expect(Percentile.type7(x, 100) == 4)
        let hundred = (1...100).map(Double.init)
        let p99 = try #require(Percentile.type7(hundred, 99))
        #expect(abs(p99 - 99.01) < 1e-12)            // np.percentile(range(1,101), 99) = 99.01
        let p2 = try #require(Percentile.type7(hundred, 2))
        #expect(abs(p2 - 2.98) < 1e-12)              // np.percentile(range(1,101), 2) = 2.98
        let p95 = try #require(Percentile.type7([10, 0, 5, 7, 3], 95))
        #expect(abs(p95 - 9.4) < 1e-12)              // sorted 0,3,5,7,10: h = 3.8 -> 7 + 0.8*3
    }

    @Test func unsortedInputAndEdgeCases() {
        #expect(Percentile.type7([3, 1, 2], 50) == 2)
        #expect(Percentile.type7([], 50) == nil)
        #expect(Percentile.type7([42], 99) == 42)
        #expect(Percentile.median([5, 1]) == 3)
    }
}

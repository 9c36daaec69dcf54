import QCImage
import Testing

/// Selection-based order statistics against sorting, and the shared thumbnail against direct averaging.
struct FilterTests {
    /// A reproducible pseudo-random sequence (SplitMix64) with many ties.
    static func values(_ count: Int, seed: UInt64, levels: Int) -> [Double] {
        var state = seed
        return (0..<count).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Double(z % UInt64(levels)) / Double(levels)
        }
    }

    @Test(arguments: [1, 2, 3, 10, 101, 1000, 4097])
    func quantilesBySelectionEqualQuantilesBySorting(count: Int) {
        for (seed, levels) in [(1 as UInt64, 7), (2, 1000), (3, 1 << 30)] {
            let v = Self.values(count, seed: seed, levels: levels)
            let qs = [0.0, 0.05, 0.1, 0.5, 0.9, 0.95, 1.0, 0.333]
            let selected = RobustStatistics.quantiles(v, qs)
            #expect(selected == qs.map { RobustStatistics.quantile(v, $0)! })
            let f = v.map(Float.init)
            #expect(RobustStatistics.lowerMedian(f) == f.sorted()[f.count / 2])
        }
        #expect(RobustStatistics.quantiles([], [0.5]) == nil)
        #expect(RobustStatistics.lowerMedian([]) == nil)
    }

    /// Quantised data: the median sticks to a code, the interquartile mean dithers between codes.
    @Test func trimmedMeanFollowsSubCodeShiftsWhereTheMedianCannot() {
        // Codes 200 and 201 in proportions 70:30: the underlying level is 200.3.
        let values = [Double](repeating: 200, count: 700) + [Double](repeating: 201, count: 300)
        #expect(RobustStatistics.median(values) == 200)
        let m = RobustStatistics.trimmedMean(values, trim: 0.25)!
        #expect(m > 200.05 && m < 200.5, "\(m)")
        // Outliers beyond the quartiles do not move it.
        #expect(RobustStatistics.trimmedMean([1, 2, 3, 4, 1000, -1000, 2.5, 3.5], trim: 0.25) == 2.75)
        #expect(RobustStatistics.trimmedMean([], trim: 0.25) == nil)
        #expect(RobustStatistics.trimmedMean([7], trim: 0.25) == 7)
    }

    @Test func thumbnailIsTheBoxMeanAndCoarseningComposes() {
        let w = 37, h = 23
        let samples = Self.values(w * h * 3, seed: 9, levels: 256).map(Float.init)
        let image = Image(width: w, height: h, channels: 3, transfer: .sRGB, samples: samples)
        let t = Thumbnail(image, factor: 3)
        #expect(t.image.width == 12 && t.image.height == 7)
        for c in 0..<3 { for y in 0..<7 { for x in 0..<12 {
            var s: Float = 0
            for dy in 0..<3 { for dx in 0..<3 { s += image[3 * x + dx, 3 * y + dy, c] } }
            #expect(abs(t.image[x, y, c] - s / 9) < 1e-6)
        } } }
        let twice = Thumbnail(image, factor: 2).coarsened(by: 3)
        let direct = Thumbnail(image, factor: 6)
        #expect(twice.factor == 6 && twice.image.width == direct.image.width && twice.image.height == direct.image.height)
        #expect(zip(twice.image.samples, direct.image.samples).allSatisfy { abs($0 - $1) < 1e-6 })
    }

    @Test func greySamplerMatchesTheGreyPlane() {
        let w = 19, h = 11
        let image = Image(width: w, height: h, channels: 3, transfer: .sRGB,
                          samples: Self.values(w * h * 3, seed: 4, levels: 256).map(Float.init))
        let plane = GreyPlane(image), sampler = GreySampler(image)
        for (x, y) in [(0.5, 0.5), (3.25, 7.75), (18.5, 10.5), (10.1, 0.9), (0.4, 3), (19.2, 5)] {
            let a = plane.sample(x, y), b = sampler.sample(x, y)
            #expect((a == nil) == (b == nil))
            if let a, let b { #expect(abs(a - b) < 1e-5) }
        }
    }
}

/// ParallelMap returns results in index order whatever the width, and honours its width limit.
struct ParallelMapTests {
    @Test func resultsAreInIndexOrderAtAnyWidth() {
        let expected = (0..<1000).map { $0 * $0 }
        #expect(ParallelMap.map(1000, minimumPerChunk: 1) { $0 * $0 } == expected)
        #expect(ParallelMap.withWidthLimit(1) { ParallelMap.map(1000) { $0 * $0 } } == expected)
        #expect(ParallelMap.map(0) { $0 }.isEmpty)
    }
}

/// Which cartons to open and how many units to pull from each, spread over early-,
/// mid- and late-packed cartons, reproducible from a seed.
///
/// ISO 2859-1 clause 7 asks for samples drawn at random and representative of the
/// lot, which may be stratified by time of production; this plan treats carton
/// numbers as packing order and splits them into thirds. The number of cartons opened follows the usual
/// receiving practice of about the square root of the number of cartons (at least 3
/// when there are 3, never more than the sample size), raised when needed so that no
/// carton gives more units than it holds. Cartons are allotted to the thirds in
/// proportion to their sizes, chosen at random within each third, and the sample is
/// shared as evenly as possible between the opened cartons, so the units sum exactly to
/// the sample size.
public struct PullPlan: Sendable, Hashable, Codable {
    /// The packing-order third a carton belongs to.
    public enum Segment: String, CaseIterable, Sendable, Hashable, Codable, CustomStringConvertible {
        case early
        case mid
        case late

        public var description: String { rawValue }
    }

    /// One carton to open.
    public struct Pick: Sendable, Hashable, Codable {
        /// Carton number, 1-based, in packing order.
        public let carton: Int
        /// Units to pull from it.
        public let units: Int
        public let segment: Segment
    }

    public let sampleSize: Int
    public let cartonCount: Int
    public let unitsPerCarton: Int?
    public let seed: UInt64
    /// The cartons to open, in ascending carton number.
    public let picks: [Pick]

    /// Units pulled in total (always `sampleSize`).
    public var totalUnits: Int { picks.reduce(0) { $0 + $1.units } }

    /// Units pulled from each third.
    public func units(in segment: Segment) -> Int {
        picks.filter { $0.segment == segment }.reduce(0) { $0 + $1.units }
    }

    /// Makes a pull plan.
    /// - Parameters:
    ///   - sampleSize: units to pull (the plan's sample size, or the lot size for 100 % inspection).
    ///   - cartons: cartons in the lot, numbered 1 ... cartons in packing order.
    ///   - unitsPerCarton: carton capacity when known; no carton gives more than this.
    ///   - seed: the same seed gives the same plan.
    public static func make(
        sampleSize: Int, cartons: Int, unitsPerCarton: Int? = nil, seed: UInt64
    ) throws(SamplingError) -> PullPlan {
        guard sampleSize >= 1 else { throw .invalidSampleSize(sampleSize) }
        guard cartons >= 1 else { throw .invalidCartonCount(cartons) }
        if let unitsPerCarton {
            guard unitsPerCarton >= 1 else { throw .invalidCartonCapacity(unitsPerCarton) }
            guard cartons.multipliedReportingOverflow(by: unitsPerCarton).overflow
                    || cartons * unitsPerCarton >= sampleSize else {
                throw .cartonsTooSmall(sampleSize: sampleSize, cartons: cartons, unitsPerCarton: unitsPerCarton)
            }
        }

        var generator = SplitMix64(seed: seed)
        let toOpen = cartonsToOpen(sampleSize: sampleSize, cartons: cartons, unitsPerCarton: unitsPerCarton)
        let thirds = segments(cartons: cartons)
        let allotment = allot(toOpen, over: thirds.map(\.cartons.count))

        var chosen: [(carton: Int, segment: Segment)] = []
        for (index, third) in thirds.enumerated() {
            let picks = generator.choose(allotment[index], from: Array(third.cartons))
            chosen += picks.sorted().map { ($0, third.segment) }
        }

        // Share the sample evenly; the remainder goes one unit each to randomly chosen cartons.
        guard !chosen.isEmpty else { throw .invalidCartonCount(cartons) }
        let base = sampleSize / chosen.count
        let extra = sampleSize % chosen.count
        let plusOne = Set(generator.choose(extra, from: Array(chosen.indices)))
        let picks = chosen.enumerated().map { index, entry in
            Pick(carton: entry.carton, units: base + (plusOne.contains(index) ? 1 : 0), segment: entry.segment)
        }
        return PullPlan(sampleSize: sampleSize, cartonCount: cartons, unitsPerCarton: unitsPerCarton,
                        seed: seed, picks: picks.sorted { $0.carton < $1.carton })
    }

    /// The cartons of each third, in packing order: 1 ... round(n/3), then up to
    /// round(2n/3), then the rest. With fewer than 3 cartons some thirds are empty.
    public static func segments(cartons: Int) -> [(segment: Segment, cartons: ClosedRange<Int>)] {
        let firstEnd = (cartons + 1) / 3
        let secondEnd = (2 * cartons + 1) / 3
        let bounds = [(Segment.early, 1, firstEnd), (.mid, firstEnd + 1, secondEnd), (.late, secondEnd + 1, cartons)]
        return bounds.compactMap { segment, low, high in
            low <= high ? (segment, low...high) : nil
        }
    }

    /// How many cartons to open: about the square root of the carton count, at least
    /// 3 (or all cartons when fewer), at most the sample size, and enough to hold the sample.
    public static func cartonsToOpen(sampleSize: Int, cartons: Int, unitsPerCarton: Int?) -> Int {
        var count = 1
        while count * count < cartons { count += 1 }           // ceil(sqrt(cartons))
        count = max(count, min(3, cartons))
        count = min(count, sampleSize, cartons)
        if let unitsPerCarton {
            let needed = (sampleSize + unitsPerCarton - 1) / unitsPerCarton
            count = min(max(count, needed), cartons)
        }
        return max(count, 1)
    }

    /// Shares `total` cartons over thirds of the given sizes in proportion to their
    /// sizes (largest remainder), giving every non-empty third at least one carton when
    /// there are enough, and never more than a third holds.
    public static func allot(_ total: Int, over sizes: [Int]) -> [Int] {
        let cartons = sizes.reduce(0, +)
        guard cartons > 0, total > 0 else { return sizes.map { _ in 0 } }
        var shares = sizes.map { total * $0 / cartons }
        let remainders = sizes.indices.map { (index: $0, remainder: total * sizes[$0] % cartons) }
        var left = total - shares.reduce(0, +)
        let order = remainders.sorted { ($0.remainder, -$0.index) > ($1.remainder, -$1.index) }
        for entry in order where left > 0 {
            if shares[entry.index] < sizes[entry.index] {
                shares[entry.index] += 1
                left -= 1
            }
        }
        let nonEmpty = sizes.indices.filter { sizes[$0] > 0 }
        if total >= nonEmpty.count {
            for index in nonEmpty where shares[index] == 0 {
                if let donor = shares.indices.filter({ shares[$0] > 1 }).max(by: { shares[$0] < shares[$1] }) {
                    shares[donor] -= 1
                    shares[index] += 1
                }
            }
        }
        return shares
    }
}

import Testing
import QCSampling

@Suite("Carton pull plan")
struct PullPlanTests {
    @Test("Units sum exactly to the sample size; cartons are distinct, in range and ascending",
          arguments: [(200, 60), (200, 8), (13, 100), (2, 1), (5, 2), (3, 3), (80, 10), (1_250, 400), (32, 1_000)])
    func sums(sampleSize: Int, cartons: Int) throws {
        for seed in [0, 1, 42, 0xDEAD_BEEF] as [UInt64] {
            let plan = try PullPlan.make(sampleSize: sampleSize, cartons: cartons, seed: seed)
            #expect(plan.totalUnits == sampleSize)
            let numbers = plan.picks.map(\.carton)
            #expect(numbers == numbers.sorted())
            #expect(Set(numbers).count == numbers.count)
            #expect(numbers.allSatisfy { (1...cartons).contains($0) })
            #expect(plan.picks.allSatisfy { $0.units >= 1 })
            let spread = plan.picks.map(\.units)
            #expect((spread.max() ?? 0) - (spread.min() ?? 0) <= 1)
            for pick in plan.picks {
                let third = PullPlan.segments(cartons: cartons).first { $0.cartons.contains(pick.carton) }
                #expect(third?.segment == pick.segment)
            }
        }
    }

    @Test("Same seed, same plan; another seed, another plan")
    func reproducible() throws {
        let first = try PullPlan.make(sampleSize: 200, cartons: 60, seed: 7)
        let again = try PullPlan.make(sampleSize: 200, cartons: 60, seed: 7)
        #expect(first == again)
        let plans = try (0..<20).map { try PullPlan.make(sampleSize: 200, cartons: 60, seed: UInt64($0)).picks }
        #expect(Set(plans.map { $0.map(\.carton) }).count > 15)
    }

    @Test("The generator is fixed: a known seed gives a known stream")
    func generatorIsStable() {
        var generator = SplitMix64(seed: 0)
        // Reference values of SplitMix64 seeded with 0.
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        var bounded = SplitMix64(seed: 99)
        for _ in 0..<1_000 { #expect((0..<7).contains(bounded.nextInt(below: 7))) }
        #expect(bounded.nextInt(below: 1) == 0)
    }

    @Test("The sample is spread over early, mid and late cartons")
    func spread() throws {
        for seed in 0..<50 as Range<UInt64> {
            let plan = try PullPlan.make(sampleSize: 200, cartons: 60, seed: seed)
            #expect(plan.picks.count == 8)                    // ceil(sqrt(60))
            for segment in PullPlan.Segment.allCases {
                let opened = plan.picks.filter { $0.segment == segment }.count
                #expect(opened >= 2)
                #expect((50...76).contains(plan.units(in: segment)))
            }
        }
        #expect(PullPlan.segments(cartons: 60).map(\.cartons) == [1...20, 21...40, 41...60])
        #expect(PullPlan.segments(cartons: 10).map(\.cartons) == [1...3, 4...7, 8...10])
        #expect(PullPlan.segments(cartons: 1).map(\.segment) == [.mid])
        #expect(PullPlan.segments(cartons: 2).map(\.segment) == [.early, .late])
        // Small lots: every third is represented once there are three cartons to open.
        let three = try PullPlan.make(sampleSize: 13, cartons: 9, seed: 3)
        #expect(Set(three.picks.map(\.segment)) == Set(PullPlan.Segment.allCases))
    }

    @Test("Carton capacity is respected, opening more cartons when needed")
    func capacity() throws {
        let plan = try PullPlan.make(sampleSize: 200, cartons: 60, unitsPerCarton: 12, seed: 5)
        #expect(plan.totalUnits == 200)
        #expect(plan.picks.count == 17)
        #expect(plan.picks.allSatisfy { $0.units <= 12 })

        // 100 % inspection: every carton emptied.
        let all = try PullPlan.make(sampleSize: 240, cartons: 20, unitsPerCarton: 12, seed: 1)
        #expect(all.picks.count == 20 && all.picks.allSatisfy { $0.units == 12 })

        #expect(throws: SamplingError.cartonsTooSmall(sampleSize: 200, cartons: 10, unitsPerCarton: 12)) {
            try PullPlan.make(sampleSize: 200, cartons: 10, unitsPerCarton: 12, seed: 1)
        }
    }

    @Test("Invalid inputs are errors")
    func invalid() {
        #expect(throws: SamplingError.invalidCartonCount(0)) { try PullPlan.make(sampleSize: 10, cartons: 0, seed: 1) }
        #expect(throws: SamplingError.invalidSampleSize(0)) { try PullPlan.make(sampleSize: 0, cartons: 5, seed: 1) }
        #expect(throws: SamplingError.invalidCartonCapacity(0)) {
            try PullPlan.make(sampleSize: 10, cartons: 5, unitsPerCarton: 0, seed: 1)
        }
    }

    @Test("Cartons are allotted to thirds in proportion, at least one each")
    func allotment() {
        #expect(PullPlan.allot(8, over: [20, 20, 20]).reduce(0, +) == 8)
        #expect(PullPlan.allot(3, over: [1, 1, 1]) == [1, 1, 1])
        #expect(PullPlan.allot(3, over: [10, 1, 1]) == [1, 1, 1])
        #expect(PullPlan.allot(12, over: [4, 4, 4]) == [4, 4, 4])
        #expect(PullPlan.allot(0, over: [4, 4, 4]) == [0, 0, 0])
        #expect(PullPlan.cartonsToOpen(sampleSize: 200, cartons: 60, unitsPerCarton: nil) == 8)
        #expect(PullPlan.cartonsToOpen(sampleSize: 2, cartons: 60, unitsPerCarton: nil) == 2)
        #expect(PullPlan.cartonsToOpen(sampleSize: 50, cartons: 4, unitsPerCarton: nil) == 3)
        #expect(PullPlan.cartonsToOpen(sampleSize: 50, cartons: 2, unitsPerCarton: nil) == 2)
    }
}

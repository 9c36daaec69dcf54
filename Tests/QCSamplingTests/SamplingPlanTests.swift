import Testing
import QCSampling

@Suite("Sampling plan lookup")
struct SamplingPlanTests {
    struct Example: Sendable, CustomTestStringConvertible {
        let letter: CodeLetter
        let aql: String
        let severity: InspectionSeverity
        let edition: SamplingEdition
        let planLetter: CodeLetter
        let sampleSize: Int
        let accept: Int
        let reject: Int
        var testDescription: String { "\(severity) \(edition) \(letter)@\(aql) → \(planLetter) n=\(sampleSize) \(accept)/\(reject)" }

        /// A normal-inspection example.
        init(_ letter: CodeLetter, _ aql: String, _ planLetter: CodeLetter, _ sampleSize: Int,
             _ accept: Int, _ reject: Int) {
            self.init(letter, aql, .normal, .iso2859_1, planLetter, sampleSize, accept, reject)
        }

        init(_ letter: CodeLetter, _ aql: String, _ severity: InspectionSeverity,
             _ edition: SamplingEdition, _ planLetter: CodeLetter, _ sampleSize: Int,
             _ accept: Int, _ reject: Int) {
            self.letter = letter
            self.aql = aql
            self.severity = severity
            self.edition = edition
            self.planLetter = planLetter
            self.sampleSize = sampleSize
            self.accept = accept
            self.reject = reject
        }
    }

    /// Plans read from the printed tables by hand, including every kind of arrow.
    static let examples: [Example] = [
        // Examples from the standard and from everyday use (normal inspection).
        Example(.L, "2.5", .L, 200, 10, 11),
        Example(.L, "1.0", .L, 200, 5, 6),
        Example(.L, "4.0", .L, 200, 14, 15),
        Example(.L, "0.65", .L, 200, 3, 4),
        Example(.K, "2.5", .K, 125, 7, 8),
        Example(.K, "1.5", .K, 125, 5, 6),
        Example(.J, "2.5", .J, 80, 5, 6),
        Example(.G, "6.5", .G, 32, 5, 6),
        Example(.E, "1.0", .E, 13, 0, 1),
        // Up arrow: the plan above, with its own (smaller) sample size.
        Example(.F, "1.0", .E, 13, 0, 1),
        Example(.L, "0.10", .K, 125, 0, 1),
        Example(.M, "6.5", .L, 200, 21, 22),
        Example(.R, "0.010", .Q, 1250, 0, 1),
        Example(.R, "0.015", .P, 800, 0, 1),
        Example(.F, "150", .E, 13, 30, 31),
        Example(.R, "1000", .B, 3, 44, 45),
        // Down arrow: the plan below, with its own (larger) sample size.
        Example(.F, "1.5", .G, 32, 1, 2),
        Example(.A, "10", .C, 5, 1, 2),
        Example(.A, "4.0", .B, 3, 0, 1),
        Example(.A, "0.010", .Q, 1250, 0, 1),
        Example(.L, "0.040", .M, 315, 0, 1),
        Example(.Q, "0.025", .R, 2000, 1, 2),
        // Tightened (Table 2-B), including the S row.
        Example(.L, "2.5", .tightened, .iso2859_1, .L, 200, 8, 9),
        Example(.L, "1.5", .tightened, .iso2859_1, .L, 200, 5, 6),
        Example(.K, "4.0", .tightened, .iso2859_1, .K, 125, 8, 9),
        Example(.Q, "0.025", .tightened, .iso2859_1, .S, 3150, 1, 2),
        Example(.R, "0.025", .tightened, .iso2859_1, .S, 3150, 1, 2),
        Example(.R, "0.010", .tightened, .iso2859_1, .R, 2000, 0, 1),
        Example(.A, "10", .tightened, .iso2859_1, .D, 8, 1, 2),
        Example(.A, "6.5", .tightened, .iso2859_1, .B, 3, 0, 1),
        Example(.G, "1.0", .tightened, .iso2859_1, .J, 80, 1, 2),
        // Reduced, ISO 2859-1:1999 Table 2-C (no gap, own acceptance numbers) and
        // ANSI/ASQ Z1.4 Table II-C (gap).
        Example(.L, "2.5", .reduced, .iso2859_1, .L, 80, 6, 7),
        Example(.L, "2.5", .reduced, .z14, .L, 80, 5, 8),
        Example(.K, "2.5", .reduced, .z14, .K, 50, 3, 6),
        Example(.K, "2.5", .reduced, .iso2859_1, .K, 50, 5, 6),
        Example(.E, "6.5", .reduced, .z14, .E, 5, 1, 3),
        Example(.E, "6.5", .reduced, .iso2859_1, .E, 5, 1, 2),
        Example(.H, "1.0", .reduced, .iso2859_1, .J, 32, 1, 2),
        Example(.Q, "0.025", .reduced, .iso2859_1, .N, 200, 0, 1),
        Example(.N, "1.0", .reduced, .iso2859_1, .N, 200, 6, 7),
        Example(.M, "2.5", .reduced, .iso2859_1, .M, 125, 8, 9),
        Example(.E, "2.5", .reduced, .z14, .F, 8, 0, 2),
        Example(.C, "6.5", .reduced, .z14, .D, 3, 0, 2),
        Example(.B, "40", .reduced, .z14, .B, 2, 2, 4),
        Example(.M, "1.0", .reduced, .z14, .M, 125, 3, 6),
        Example(.M, "2.5", .reduced, .z14, .M, 125, 7, 10),
    ]

    @Test("Plans and arrow resolution", arguments: examples)
    func plan(_ example: Example) throws {
        let aql = try AQL(parsing: example.aql)
        let plan = try SamplingPlan.lookup(lotSize: 1_000_000, codeLetter: example.letter, aql: aql,
                                           severity: example.severity, edition: example.edition)
        #expect(plan.lotCodeLetter == example.letter)
        #expect(plan.codeLetter == example.planLetter)
        #expect(plan.sampleSize == example.sampleSize)
        #expect(plan.accept == example.accept)
        #expect(plan.reject == example.reject)
        #expect(!plan.inspectAll)
    }

    @Test("Lot 6000 at level II is code L, n = 200; AQL 2.5 gives Ac 10 Re 11")
    func standardExample() throws {
        #expect(try SampleSizeCodeTable.codeLetter(lotSize: 6_000, level: .ii) == .L)
        let plan = try SamplingPlan.lookup(lotSize: 6_000, level: .ii, aql: AQL(parsing: "2.5"))
        #expect(plan.codeLetter == .L && plan.sampleSize == 200 && plan.accept == 10 && plan.reject == 11)
        let tightened = try SamplingPlan.lookup(lotSize: 6_000, level: .ii, aql: AQL(parsing: "2.5"), severity: .tightened)
        #expect(tightened.accept == 8 && tightened.reject == 9)
    }

    @Test("Receiving habit: levels S-4 and I give 32-80 pieces for lots of 1,201 to 10,000")
    func specialLevels() throws {
        #expect(try SampleSizeCodeTable.codeLetter(lotSize: 3_000, level: .s4).normalSampleSize == 32)
        #expect(try SampleSizeCodeTable.codeLetter(lotSize: 3_000, level: .i).normalSampleSize == 50)
        #expect(try SampleSizeCodeTable.codeLetter(lotSize: 8_000, level: .s4).normalSampleSize == 32)
        #expect(try SampleSizeCodeTable.codeLetter(lotSize: 8_000, level: .i).normalSampleSize == 80)
    }

    @Test("Sample size reaching the lot size means 100 % inspection")
    func inspectAll() throws {
        // Lot 5, level II: code A; AQL 0.65 arrows down to F (n = 20) > 5.
        let small = try SamplingPlan.lookup(lotSize: 5, level: .ii, aql: AQL(parsing: "0.65"))
        #expect(small.lotCodeLetter == .A && small.codeLetter == .F)
        #expect(small.tableSampleSize == 20 && small.sampleSize == 5 && small.inspectAll)
        #expect(small.accept == 0 && small.reject == 1)

        // Lot 200, level II: code G; AQL 0.065 arrows down to L, n = 200 = lot size.
        let equal = try SamplingPlan.lookup(lotSize: 200, level: .ii, aql: AQL(parsing: "0.065"))
        #expect(equal.codeLetter == .L && equal.sampleSize == 200 && equal.inspectAll)

        // Lot 201 is no longer inspected entirely.
        let above = try SamplingPlan.lookup(lotSize: 201, level: .ii, aql: AQL(parsing: "0.065"))
        #expect(above.sampleSize == 200 && !above.inspectAll)

        // A one-unit lot.
        let single = try SamplingPlan.lookup(lotSize: 1, level: .ii, aql: AQL(parsing: "2.5"))
        #expect(single.sampleSize == 1 && single.inspectAll)

        // Lot 2-8, level III is B (n = 3): a lot of 3 is inspected entirely.
        let three = try SamplingPlan.lookup(lotSize: 3, level: .iii, aql: AQL(parsing: "4.0"))
        #expect(three.inspectAll && three.sampleSize == 3)
    }

    @Test("AQL 0 is zero acceptance at the lot's own sample size, in every severity")
    func zeroAcceptance() throws {
        let normal = try SamplingPlan.lookup(lotSize: 6_000, level: .ii, aql: .zero)
        #expect(normal.codeLetter == .L && normal.sampleSize == 200 && normal.accept == 0 && normal.reject == 1)
        let reduced = try SamplingPlan.lookup(lotSize: 6_000, level: .ii, aql: .zero, severity: .reduced)
        #expect(reduced.sampleSize == 80 && reduced.accept == 0 && reduced.reject == 1)
        let tightened = try SamplingPlan.lookup(lotSize: 6_000, level: .ii, aql: .zero, severity: .tightened)
        #expect(tightened.sampleSize == 200)
        let tiny = try SamplingPlan.lookup(lotSize: 2, level: .ii, aql: .zero)
        #expect(tiny.sampleSize == 2 && tiny.inspectAll)
    }

    @Test("Invalid lot sizes are errors")
    func invalidLot() {
        #expect(throws: SamplingError.invalidLotSize(0)) {
            try SamplingPlan.lookup(lotSize: 0, aql: .zero)
        }
        #expect(throws: SamplingError.invalidLotSize(-5)) {
            try SampleSizeCodeTable.codeLetter(lotSize: -5, level: .ii)
        }
    }

    @Test("Lot plan with three classes")
    func lotPlan() throws {
        let plan = try LotSamplingPlan(lotSize: 6_000, level: .ii,
                                       aqls: AQLSpecification(parsing: "critical=0,major=2.5,minor=4.0"))
        #expect(plan.lotCodeLetter == .L)
        #expect(plan.plans.map(\.scope) == [.defectClass(.critical), .defectClass(.major), .defectClass(.minor)])
        #expect(plan.plans.map(\.plan.accept) == [0, 10, 14])
        #expect(plan.plans.map(\.plan.reject) == [1, 11, 15])
        #expect(plan.unitsToInspect == 200)
        #expect(plan.plannedClasses == [.critical, .major, .minor])

        let mixed = try LotSamplingPlan(lotSize: 6_000, level: .ii,
                                        aqls: AQLSpecification(parsing: "major=0.10,minor=4.0"))
        #expect(mixed.plan(for: .defectClass(.major))?.sampleSize == 125)
        #expect(mixed.unitsToInspect == 200)
    }
}

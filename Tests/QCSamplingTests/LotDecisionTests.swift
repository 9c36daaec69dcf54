import Testing
import QCSampling

@Suite("Lot decision")
struct LotDecisionTests {
    static func units(_ count: Int, critical: Int = 0, major: Int = 0, minor: Int = 0) throws -> [UnitInspection] {
        try Array(repeating: UnitInspection(critical: critical, major: major, minor: minor), count: count)
    }

    /// Lot 6000, level II (code L, n = 200): critical 0, major 2.5 (10/11), minor 4.0 (14/15).
    static func plan(_ aqls: String = "critical=0,major=2.5,minor=4.0", lot: Int = 6_000,
                     severity: InspectionSeverity = .normal, edition: SamplingEdition = .iso2859_1) throws -> LotSamplingPlan {
        try LotSamplingPlan(lotSize: lot, level: .ii, aqls: AQLSpecification(parsing: aqls),
                            severity: severity, edition: edition)
    }

    @Test("Accept at Ac, reject at Re, per class")
    func acceptReject() throws {
        let plan = try Self.plan()
        let atAc = try Self.units(10, major: 1) + Self.units(14, minor: 2) + Self.units(176)
        let accepted = LotDecision.decide(plan: plan, units: atAc)
        #expect(accepted.verdict == .accepted)
        #expect(accepted.results.map(\.count) == [0, 10, 14])

        let atRe = try Self.units(11, major: 1) + Self.units(189)
        let rejected = LotDecision.decide(plan: plan, units: atRe)
        #expect(rejected.verdict == .rejected)
        #expect(rejected.rejectingScopes == [.defectClass(.major)])
    }

    @Test("A unit counts once, in its worst class; nonconformity counting counts every defect")
    func worstClass() throws {
        let plan = try Self.plan()
        // 1 unit with a critical and two majors, 10 units with a major and a minor, 189 good.
        let units = try [UnitInspection(critical: 1, major: 2)] + Self.units(10, major: 1, minor: 1) + Self.units(189)
        let byUnits = LotDecision.decide(plan: plan, units: units)
        #expect(byUnits.results.map(\.count) == [1, 10, 0])
        #expect(byUnits.verdict == .rejected)
        #expect(byUnits.rejectingScopes == [.defectClass(.critical)])

        let byDefects = LotDecision.decide(plan: plan, units: units, counting: .nonconformities)
        #expect(byDefects.results.map(\.count) == [1, 12, 10])
        #expect(byDefects.rejectingScopes == [.defectClass(.critical), .defectClass(.major)])

        // Without a critical AQL, the critical unit counts as major (its worst planned class).
        let noCritical = try Self.plan("major=2.5,minor=4.0")
        let counted = LotDecision.decide(plan: noCritical, units: units)
        #expect(counted.results.map(\.count) == [11, 0])
    }

    @Test("A single bare AQL counts every nonconforming unit")
    func bareAQL() throws {
        let plan = try Self.plan("2.5")
        let units = try Self.units(4, critical: 1) + Self.units(4, major: 1) + Self.units(3, minor: 5) + Self.units(189)
        let decision = LotDecision.decide(plan: plan, units: units)
        #expect(decision.results.map(\.scope) == [.allDefects])
        #expect(decision.results.map(\.count) == [11])
        #expect(decision.verdict == .rejected)
        #expect(LotDecision.decide(plan: plan, units: units, counting: .nonconformities).results.map(\.count) == [23])
    }

    @Test("Fewer units than the sample: incomplete, saying how many more")
    func incomplete() throws {
        let plan = try Self.plan()
        let partial = LotDecision.decide(plan: plan, units: try Self.units(150, minor: 0))
        #expect(partial.verdict == .incomplete(moreUnitsNeeded: 50))
        #expect(partial.verdict.description == "incomplete: inspect 50 more units")
        #expect(partial.switchingLot() == nil)
        #expect(partial.results.allSatisfy { $0.verdict == .pending(moreUnitsNeeded: 50) })

        // A rejection is final even on a partial sample.
        let early = LotDecision.decide(plan: plan, units: try Self.units(1, critical: 1) + Self.units(20))
        #expect(early.verdict == .rejected)

        // Nothing inspected yet.
        #expect(LotDecision.decide(plan: plan, units: []).verdict == .incomplete(moreUnitsNeeded: 200))
    }

    @Test("Classes with different sample sizes count only their own first units")
    func differentSampleSizes() throws {
        // Major 0.10 at code L arrows up to K: n = 125, 0/1; minor 4.0: n = 200, 14/15.
        let plan = try Self.plan("major=0.10,minor=4.0")
        #expect(plan.plans.map(\.plan.sampleSize) == [125, 200])
        let units = try Self.units(125) + [UnitInspection(major: 1)] + Self.units(74)
        let decision = LotDecision.decide(plan: plan, units: units)
        #expect(decision.results.map(\.unitsCounted) == [125, 200])
        #expect(decision.results.map(\.count) == [0, 0])
        #expect(decision.verdict == .accepted)

        let short = LotDecision.decide(plan: plan, units: try Self.units(130))
        #expect(short.results.map(\.verdict) == [.accept, .pending(moreUnitsNeeded: 70)])
        #expect(short.verdict == .incomplete(moreUnitsNeeded: 70))
    }

    @Test("Z1.4 reduced: a count in the gap accepts and reinstates normal; ISO 1999 rejects")
    func reducedGap() throws {
        let z14 = try Self.plan("2.5", severity: .reduced, edition: .z14)
        #expect(z14.plans[0].plan.accept == 5 && z14.plans[0].plan.reject == 8 && z14.unitsToInspect == 80)
        let seven = try Self.units(7, major: 1) + Self.units(73)
        let gap = LotDecision.decide(plan: z14, units: seven)
        #expect(gap.verdict == .accepted)
        #expect(gap.reinstatesNormal)
        #expect(gap.results[0].verdict == .acceptAndReinstateNormal)
        #expect(LotDecision.decide(plan: z14, units: try Self.units(8, major: 1) + Self.units(72)).verdict == .rejected)

        // ISO 2859-1:1999 Table 2-C, code L at AQL 2.5: Ac 6, Re 7 on the same 80 units.
        let iso = try Self.plan("2.5", severity: .reduced, edition: .iso2859_1)
        #expect(iso.plans[0].plan.accept == 6 && iso.plans[0].plan.reject == 7 && iso.unitsToInspect == 80)
        let isoDecision = LotDecision.decide(plan: iso, units: seven)
        #expect(isoDecision.verdict == .rejected)
        #expect(!isoDecision.reinstatesNormal)
        let six = LotDecision.decide(plan: iso, units: try Self.units(6, major: 1) + Self.units(74))
        #expect(six.verdict == .accepted)
        #expect(!six.reinstatesNormal)
    }

    @Test("100 % inspection of a small lot")
    func smallLot() throws {
        let plan = try LotSamplingPlan(lotSize: 5, level: .ii, aqls: AQLSpecification(parsing: "0.65"))
        #expect(plan.inspectAll && plan.unitsToInspect == 5)
        #expect(LotDecision.decide(plan: plan, units: try Self.units(5)).verdict == .accepted)
        #expect(LotDecision.decide(plan: plan, units: try Self.units(4)).verdict == .incomplete(moreUnitsNeeded: 1))
    }

    @Test("Decision from tallied counts")
    func tallied() throws {
        let plan = try Self.plan()
        let counts: [DefectScope: Int] = [.defectClass(.major): 3, .defectClass(.minor): 15]
        #expect(LotDecision.decide(plan: plan, counts: counts, unitsInspected: 200).verdict == .rejected)
        #expect(LotDecision.decide(plan: plan, counts: [:], unitsInspected: 199).verdict
                == .incomplete(moreUnitsNeeded: 1))
        #expect(LotDecision.decide(plan: plan, counts: [.defectClass(.major): 10], unitsInspected: 200).verdict
                == .accepted)
    }

    @Test("Negative defect counts are rejected")
    func negative() {
        #expect(throws: SamplingError.negativeDefectCount(.minor, -1)) { try UnitInspection(minor: -1) }
    }

    @Test("Switching score per clause 9.3.3.2")
    func switchingScore() throws {
        // Major 2.5 at L: Ac 10; one step tighter (1.5) at L: Ac 7.
        let plan = try Self.plan("2.5")
        #expect(plan.plans[0].plan.acceptanceNumberOneStepTighter == 7)
        func outcome(_ nonconforming: Int) throws -> SwitchingScore.Outcome? {
            LotDecision.decide(plan: plan, units: try Self.units(nonconforming, major: 1) + Self.units(200 - nonconforming))
                .switchingScoreOutcome
        }
        #expect(try outcome(0) == .add(3))
        #expect(try outcome(7) == .add(3))
        #expect(try outcome(8) == .reset)   // accepted, but not at AQL 1.5
        #expect(try outcome(11) == .reset)  // rejected

        // Ac 0 or 1: add 2 if accepted.
        let critical = try Self.plan("critical=0")
        #expect(LotDecision.decide(plan: critical, units: try Self.units(200)).switchingScoreOutcome == .add(2))
        #expect(LotDecision.decide(plan: critical, units: try Self.units(1, critical: 1) + Self.units(199))
                .switchingScoreOutcome == .reset)

        // Several classes: any reset resets; otherwise the smallest increment.
        let three = try Self.plan()
        #expect(LotDecision.decide(plan: three, units: try Self.units(200)).switchingScoreOutcome == .add(2))
        let minorHeavy = try Self.units(12, minor: 1) + Self.units(188)   // minor Ac 14, tighter (2.5) Ac 10
        #expect(LotDecision.decide(plan: three, units: minorHeavy).switchingScoreOutcome == .reset)

        #expect(SwitchingScore.outcome(acceptanceNumber: 1, accepted: true, acceptedWithAQLOneStepTighter: false) == .add(2))
        #expect(SwitchingScore.outcome(acceptanceNumber: 2, accepted: true, acceptedWithAQLOneStepTighter: true) == .add(3))
        #expect(SwitchingScore.apply(.reset, to: 27) == 0)
    }
}

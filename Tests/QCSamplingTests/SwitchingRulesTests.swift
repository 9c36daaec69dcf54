import Foundation
import Testing
import QCSampling

/// The switching rules driven through scripted lot histories. In a script, `A` is a lot
/// accepted (score +3), `a` accepted only at the plan's own AQL (score reset), `R` not
/// accepted, `G` accepted with a Z1.4 gap count, `I` accepted during irregular production.
@Suite("Switching rules")
struct SwitchingRulesTests {
    static func lots(_ script: String, approveReduced: Bool = false) -> [SwitchingLot] {
        script.filter { !$0.isWhitespace }.enumerated().map { index, mark in
            let id = "L\(index + 1)"
            switch mark {
            case "A": return SwitchingLot(lotID: id, accepted: true, score: .add(3), authorityApprovesReduced: approveReduced)
            case "a": return SwitchingLot(lotID: id, accepted: true, score: .reset, authorityApprovesReduced: approveReduced)
            case "G": return SwitchingLot(lotID: id, accepted: true, reinstatesNormal: true, score: .add(3))
            case "I": return SwitchingLot(lotID: id, accepted: true, score: .add(3), productionSteady: false)
            default: return SwitchingLot(lotID: id, accepted: false, score: .reset)
            }
        }
    }

    static func run(_ script: String, approveReduced: Bool = false) -> (rules: SwitchingRules, transitions: [SwitchingTransition]) {
        SwitchingRules.replay(lots(script, approveReduced: approveReduced))
    }

    @Test("Normal to tightened: 2 of 5 or fewer consecutive lots not accepted")
    func normalToTightened() throws {
        let (rules, transitions) = Self.run("A R A R")
        #expect(rules.status == .tightened)
        let transition = try #require(transitions.first)
        #expect(transition.from == .normal && transition.to == .tightened && transition.afterLot == 4)
        #expect(transition.reason == .twoOutOfFiveNotAccepted(window: ["L1", "L2", "L3", "L4"], notAccepted: ["L2", "L4"]))
        #expect(transition.description.contains("9.3.1"))
        #expect(transition.description.contains("L2, L4"))
        #expect(rules.lastTransition == transition)

        // Two rejections within five consecutive lots (first and fifth).
        #expect(Self.run("R A A A R").rules.status == .tightened)
        // Two rejections six lots apart are not within five consecutive lots.
        let apart = Self.run("R A A A A R")
        #expect(apart.rules.status == .normal)
        #expect(apart.transitions.isEmpty)
        // Back-to-back rejections switch at once.
        #expect(Self.run("R R").transitions.first?.afterLot == 2)
    }

    @Test("Tightened to normal after 5 consecutive accepted lots; a rejection restarts the count")
    func tightenedToNormal() throws {
        let (rules, transitions) = Self.run("R R  A A A A R  A A A A A")
        #expect(transitions.map(\.to) == [.tightened, .normal])
        let back = try #require(transitions.last)
        #expect(back.afterLot == 12)
        #expect(back.reason == .fiveConsecutiveAcceptedOnTightened(lots: ["L8", "L9", "L10", "L11", "L12"]))
        #expect(rules.status == .normal)
        #expect(rules.switchingScore == 0)
        // The new normal period starts a fresh window: one rejection alone does not tighten.
        var again = rules
        let single = again.record(SwitchingLot(accepted: false))
        #expect(single == nil)
        #expect(again.status == .normal)
    }

    @Test("Tightened to discontinued when 5 lots are not accepted on tightened inspection; resume on tightened")
    func discontinue() throws {
        let (rules, transitions) = Self.run("R R  R A R A A R A R A R")
        #expect(transitions.map(\.to) == [.tightened, .discontinued])
        let stop = try #require(transitions.last)
        #expect(stop.afterLot == 12)
        #expect(stop.reason == .fiveNotAcceptedOnTightened(notAccepted: ["L3", "L5", "L8", "L10", "L12"]))
        #expect(stop.description.contains("9.4"))
        #expect(rules.status == .discontinued)
        #expect(rules.status.severity == nil)

        var stopped = rules
        let ignored = stopped.record(SwitchingLot(accepted: true))
        #expect(ignored == nil)
        #expect(stopped.lotsRecorded == rules.lotsRecorded)
        let resumption = stopped.resume(note: "8D report accepted")
        let resumed = try #require(resumption)
        #expect(resumed.to == .tightened)
        #expect(resumed.description.contains("8D report accepted"))
        #expect(stopped.status == .tightened)
        #expect(stopped.cumulativeNotAcceptedOnTightened == 0)
        let second = stopped.resume()
        #expect(second == nil)
    }

    @Test("Normal to reduced when the switching score reaches 30 with steady production and approval")
    func normalToReduced() throws {
        // Ten lots at +3 reach 30.
        let approved = Self.run("AAAAA AAAAA", approveReduced: true)
        #expect(approved.rules.status == .reduced)
        let transition = try #require(approved.transitions.first)
        #expect(transition.afterLot == 10)
        #expect(transition.reason == .switchingScoreReached(score: 30))

        // Nine lots are not enough.
        let nine = Self.run("AAAAA AAAA", approveReduced: true)
        #expect(nine.rules.status == .normal && nine.rules.switchingScore == 27)

        // Without the authority's approval the score keeps growing but inspection stays normal.
        let unapproved = Self.run("AAAAA AAAAA AA")
        #expect(unapproved.rules.status == .normal && unapproved.rules.switchingScore == 36)
        var later = unapproved.rules
        let switched = later.record(SwitchingLot(accepted: true, score: .add(3), authorityApprovesReduced: true))
        #expect(switched?.to == .reduced)

        // Unsteady production blocks the switch.
        var unsteady = unapproved.rules
        let blocked = unsteady.record(SwitchingLot(accepted: true, score: .add(3), productionSteady: false,
                                                   authorityApprovesReduced: true))
        #expect(blocked == nil)

        // A lot accepted only at its own AQL resets the score.
        let reset = Self.run("AAAAA AAAA a AAAA", approveReduced: true)
        #expect(reset.rules.status == .normal && reset.rules.switchingScore == 12)

        // Ac 0/1 plans add 2: fifteen accepted lots.
        let zeroAcceptance = SwitchingRules.replay(Array(repeating: SwitchingLot(accepted: true, authorityApprovesReduced: true), count: 15))
        #expect(zeroAcceptance.transitions.map(\.afterLot) == [15])
    }

    @Test("Reduced to normal: a lot not accepted, a Z1.4 gap count, irregular production")
    func reducedToNormal() throws {
        let rejected = Self.run("AAAAA AAAAA  A A R", approveReduced: true)
        #expect(rejected.transitions.map(\.to) == [.reduced, .normal])
        #expect(rejected.transitions.last?.reason == .lotNotAcceptedOnReduced(lot: "L13"))
        #expect(rejected.rules.switchingScore == 0)

        let gap = SwitchingRules.replay(Self.lots("AAAAA AAAAA", approveReduced: true) + Self.lots("G"))
        #expect(gap.transitions.last?.reason == .countInGapOnReduced(lot: "L1"))
        #expect(gap.rules.status == .normal)

        let irregular = SwitchingRules.replay(Self.lots("AAAAA AAAAA", approveReduced: true) + [
            SwitchingLot(lotID: "X", accepted: true, productionSteady: false),
        ])
        #expect(irregular.transitions.last?.reason == .productionIrregular(lot: "X"))

        let other = SwitchingRules.replay(Self.lots("AAAAA AAAAA", approveReduced: true) + [
            SwitchingLot(lotID: "Y", accepted: true, otherConditionsRequireNormal: true),
        ])
        #expect(other.transitions.last?.reason == .otherConditionsRequireNormal(lot: "Y"))
    }

    @Test("Resubmitted lots do not count")
    func resubmissions() {
        var rules = SwitchingRules()
        rules.record(SwitchingLot(lotID: "1", accepted: false))
        let resubmitted = rules.record(SwitchingLot(lotID: "1-again", accepted: false, isResubmission: true))
        #expect(resubmitted == nil)
        #expect(rules.status == .normal && rules.lotsRecorded == 1)
    }

    @Test("A full history: plans follow the switching state, decisions feed it back")
    func endToEnd() throws {
        var rules = SwitchingRules()
        let aqls = try AQLSpecification(parsing: "major=2.5")
        var severities: [InspectionSeverity] = []
        // Nonconforming units found per lot (code L: normal 10/11, tightened 8/9, reduced 6/7).
        let found = [12, 2, 11, 9, 3, 3, 3, 3, 3] + Array(repeating: 0, count: 10) + [7]
        for (index, defects) in found.enumerated() {
            let severity = try #require(rules.status.severity)
            severities.append(severity)
            let plan = try LotSamplingPlan(lotSize: 6_000, level: .ii, aqls: aqls, severity: severity)
            let units = try Array(repeating: UnitInspection(major: 1), count: defects)
                + Array(repeating: UnitInspection.conforming, count: plan.unitsToInspect - defects)
            let decision = LotDecision.decide(plan: plan, units: units)
            let lot = try #require(decision.switchingLot(lotID: "P\(index + 1)", authorityApprovesReduced: true))
            rules.record(lot)
        }
        let expected: [InspectionSeverity] = [.normal, .normal, .normal, .tightened, .tightened, .tightened, .tightened,
                                              .tightened, .tightened] + Array(repeating: .normal, count: 10) + [.reduced]
        #expect(severities == expected)
        #expect(rules.status == .normal)
        #expect(rules.lastTransition?.reason == .lotNotAcceptedOnReduced(lot: "P20"))
    }

    @Test("The state survives a round trip through JSON")
    func codable() throws {
        let (rules, _) = Self.run("A R A A")
        let data = try JSONEncoder().encode(rules)
        var restored = try JSONDecoder().decode(SwitchingRules.self, from: data)
        #expect(restored == rules)
        let next = restored.record(SwitchingLot(lotID: "L5", accepted: false))
        #expect(next?.to == .tightened)
    }
}

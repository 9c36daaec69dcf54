/// The acceptance decision for a lot from the units inspected so far (ISO 2859-1
/// clause 11): per class, accept when count <= Ac, reject when count >= Re; the
/// lot is rejected if any class rejects, and incomplete while fewer units than the
/// sample size have been inspected (and nothing has rejected yet).
public struct LotDecision: Sendable, Hashable {
    /// The result for one plan (one defect class, or all defects for a bare AQL).
    public struct ClassResult: Sendable, Hashable {
        public let scope: DefectScope
        public let plan: SamplingPlan
        /// Units that counted for this class: the first `min(inspected, sampleSize)` units.
        public let unitsCounted: Int
        /// Nonconforming units or nonconformities found among them.
        public let count: Int
        public let verdict: ClassVerdict
    }

    /// The overall outcome.
    public enum Verdict: Sendable, Hashable, CustomStringConvertible {
        case accepted
        case rejected
        /// Fewer units than the sample size have been inspected and no class has rejected yet.
        case incomplete(moreUnitsNeeded: Int)

        public var description: String {
            switch self {
            case .accepted: return "accepted"
            case .rejected: return "rejected"
            case .incomplete(let more): return "incomplete: inspect \(more) more unit\(more == 1 ? "" : "s")"
            }
        }
    }

    public let results: [ClassResult]
    public let verdict: Verdict
    public let unitsInspected: Int
    public let counting: CountingMode

    /// True when a Z1.4 reduced plan accepted the lot with a count in the gap between
    /// Ac and Re: the lot is accepted but normal inspection is reinstated.
    public var reinstatesNormal: Bool {
        verdict == .accepted && results.contains { $0.verdict == .acceptAndReinstateNormal }
    }

    /// The classes that rejected the lot.
    public var rejectingScopes: [DefectScope] {
        results.filter { $0.verdict == .reject }.map(\.scope)
    }

    /// Decides a lot from the units inspected so far, in the order they were drawn.
    ///
    /// With `.nonconformingUnits` each unit counts once, in the most serious planned
    /// class it has a defect of (defects of classes without an AQL are ignored); with a
    /// single bare AQL any nonconforming unit counts. With `.nonconformities` every
    /// defect of the class counts. Units beyond a class's sample size are not counted
    /// for that class. A class rejects as soon as its count reaches Re, even on a
    /// partial sample, since more units cannot lower the count.
    public static func decide(
        plan: LotSamplingPlan,
        units: [UnitInspection],
        counting: CountingMode = .nonconformingUnits
    ) -> LotDecision {
        let planned = plan.plannedClasses
        let results = plan.plans.map { scope, classPlan in
            let counted = min(units.count, classPlan.sampleSize)
            let count = units.prefix(counted).reduce(0) { total, unit in
                total + contribution(of: unit, to: scope, plannedClasses: planned, counting: counting)
            }
            return result(scope: scope, plan: classPlan, counted: counted, count: count)
        }
        return LotDecision(results: results, verdict: overall(results), unitsInspected: units.count, counting: counting)
    }

    /// Decides from counts already tallied per scope, when all plans share one sample
    /// (for example from a report that only kept totals).
    public static func decide(
        plan: LotSamplingPlan,
        counts: [DefectScope: Int],
        unitsInspected: Int,
        counting: CountingMode = .nonconformingUnits
    ) -> LotDecision {
        let results = plan.plans.map { scope, classPlan in
            result(scope: scope, plan: classPlan, counted: min(max(unitsInspected, 0), classPlan.sampleSize),
                   count: counts[scope] ?? 0)
        }
        return LotDecision(results: results, verdict: overall(results), unitsInspected: unitsInspected,
                           counting: counting)
    }

    /// One class: rejected as soon as the count reaches Re, pending while the sample is
    /// short, otherwise the plan's verdict on the full sample.
    private static func result(scope: DefectScope, plan: SamplingPlan, counted: Int, count: Int) -> ClassResult {
        let verdict: ClassVerdict
        if count >= plan.reject {
            verdict = .reject
        } else if counted < plan.sampleSize {
            verdict = .pending(moreUnitsNeeded: plan.sampleSize - counted)
        } else {
            verdict = plan.verdict(forCount: count)
        }
        return ClassResult(scope: scope, plan: plan, unitsCounted: counted, count: count, verdict: verdict)
    }

    /// The lot: rejected if any class rejects, else incomplete while any class is short
    /// (by the largest shortfall), else accepted.
    private static func overall(_ results: [ClassResult]) -> Verdict {
        if results.contains(where: { $0.verdict == .reject }) { return .rejected }
        let shortfalls = results.compactMap { result -> Int? in
            if case .pending(let more) = result.verdict { return more }
            return nil
        }
        if let more = shortfalls.max() { return .incomplete(moreUnitsNeeded: more) }
        return .accepted
    }

    private static func contribution(
        of unit: UnitInspection, to scope: DefectScope, plannedClasses: [DefectClass], counting: CountingMode
    ) -> Int {
        switch (scope, counting) {
        case (.allDefects, .nonconformingUnits):
            return unit.isNonconforming ? 1 : 0
        case (.allDefects, .nonconformities):
            return unit.totalNonconformities
        case (.defectClass(let defectClass), .nonconformingUnits):
            return unit.worstClass(among: plannedClasses) == defectClass ? 1 : 0
        case (.defectClass(let defectClass), .nonconformities):
            return unit.count(defectClass)
        }
    }

    /// The switching-score outcome of this lot under ISO 2859-1:1999 clause 9.3.3.2,
    /// meaningful for lots on original normal inspection; nil while the lot is incomplete.
    ///
    /// Per class: with Ac >= 2, add 3 if the lot would have been accepted with the AQL
    /// one step tighter, else reset; with Ac 0 or 1, add 2 if accepted, else reset.
    /// With several classes the lot resets the score if any class does, and otherwise
    /// adds the smallest of the class increments (a conservative reading: every class
    /// must earn its points).
    public var switchingScoreOutcome: SwitchingScore.Outcome? {
        if case .incomplete = verdict { return nil }
        var increments: [Int] = []
        for result in results {
            let tighterAccepted = result.plan.acceptanceNumberOneStepTighter.map { result.count <= $0 } ?? false
            let outcome = SwitchingScore.outcome(
                acceptanceNumber: result.plan.accept,
                accepted: result.count <= result.plan.accept,
                acceptedWithAQLOneStepTighter: tighterAccepted
            )
            switch outcome {
            case .reset: return .reset
            case .add(let points): increments.append(points)
            }
        }
        return .add(increments.min() ?? 0)
    }

    /// The record of this lot for the switching rules (ISO 2859-1 clause 9.3); nil while
    /// the lot is incomplete, since only decided lots count.
    public func switchingLot(
        lotID: String? = nil,
        productionSteady: Bool = true,
        authorityApprovesReduced: Bool = false,
        otherConditionsRequireNormal: Bool = false,
        isResubmission: Bool = false
    ) -> SwitchingLot? {
        guard let score = switchingScoreOutcome else { return nil }
        return SwitchingLot(
            lotID: lotID,
            accepted: verdict == .accepted,
            reinstatesNormal: reinstatesNormal,
            score: score,
            productionSteady: productionSteady,
            authorityApprovesReduced: authorityApprovesReduced,
            otherConditionsRequireNormal: otherConditionsRequireNormal,
            isResubmission: isResubmission
        )
    }
}

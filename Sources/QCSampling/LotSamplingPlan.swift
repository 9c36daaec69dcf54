/// The sampling plans for one lot: one plan per defect class (or one for all defects
/// with a single bare AQL), all from the same code letter (ISO 2859-1 clause 10).
///
/// Classes may end up with different sample sizes after arrows; the larger sample is
/// drawn and each class is judged on the first units up to its own sample size.
public struct LotSamplingPlan: Sendable, Hashable {
    public let lotSize: Int
    public let level: InspectionLevel
    public let severity: InspectionSeverity
    public let edition: SamplingEdition
    /// The lot's code letter from Table 1.
    public let lotCodeLetter: CodeLetter
    /// The AQLs as given.
    public let aqls: AQLSpecification
    /// One plan per scope, most serious class first (a single `.allDefects` entry for a bare AQL).
    public let plans: [(scope: DefectScope, plan: SamplingPlan)]

    public init(
        lotSize: Int,
        level: InspectionLevel = .default,
        aqls: AQLSpecification,
        severity: InspectionSeverity = .normal,
        edition: SamplingEdition = .default
    ) throws(SamplingError) {
        let letter = try SampleSizeCodeTable.codeLetter(lotSize: lotSize, level: level)
        var plans: [(scope: DefectScope, plan: SamplingPlan)] = []
        switch aqls {
        case .single(let aql):
            plans.append((.allDefects, try SamplingPlan.lookup(
                lotSize: lotSize, codeLetter: letter, aql: aql, severity: severity, edition: edition)))
        case .perClass(let map):
            guard !map.isEmpty else { throw .emptyAQLList }
            for defectClass in map.keys.sorted() {
                guard let aql = map[defectClass] else { continue }
                plans.append((.defectClass(defectClass), try SamplingPlan.lookup(
                    lotSize: lotSize, codeLetter: letter, aql: aql, severity: severity, edition: edition)))
            }
        }
        self.lotSize = lotSize
        self.level = level
        self.severity = severity
        self.edition = edition
        self.lotCodeLetter = letter
        self.aqls = aqls
        self.plans = plans
    }

    /// The plan for a scope, if any.
    public func plan(for scope: DefectScope) -> SamplingPlan? {
        plans.first { $0.scope == scope }?.plan
    }

    /// Units to draw: the largest sample size over all plans.
    public var unitsToInspect: Int { plans.map(\.plan.sampleSize).max() ?? 0 }

    /// True when some plan inspects the whole lot.
    public var inspectAll: Bool { plans.contains { $0.plan.inspectAll } }

    /// The defect classes with their own plan, most serious first.
    public var plannedClasses: [DefectClass] {
        plans.compactMap { entry in
            if case .defectClass(let defectClass) = entry.scope { return defectClass }
            return nil
        }
    }

    public static func == (lhs: LotSamplingPlan, rhs: LotSamplingPlan) -> Bool {
        lhs.lotSize == rhs.lotSize && lhs.level == rhs.level && lhs.severity == rhs.severity
            && lhs.edition == rhs.edition && lhs.aqls == rhs.aqls
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(lotSize)
        hasher.combine(level)
        hasher.combine(severity)
        hasher.combine(edition)
        hasher.combine(aqls)
    }
}

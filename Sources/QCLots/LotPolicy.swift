import QCSampling

/// How a lot is judged: inspection level, AQLs, counting mode, severity and the suggested disposition per
/// defect type. Normally built from the SKU's control sheet, then overridden by lot.yaml.
public struct LotPolicy: Sendable, Hashable {
    public var level: InspectionLevel
    public var aqls: AQLSpecification
    public var counting: CountingMode
    /// Normal, tightened or reduced, from the switching state of the SKU and supplier.
    public var severity: InspectionSeverity
    public var edition: SamplingEdition
    /// Disposition per check key (`plating_tone_delta_e00: accept_with_discount`), as in the control sheet;
    /// checks not listed fall back to `Disposition.defaults`.
    public var dispositions: [String: String]

    /// The usual buyer's plan when no control sheet says otherwise: level II, critical 0, major 2.5, minor 4.0.
    public static let standard = LotPolicy(
        level: .ii,
        aqls: .perClass([.critical: .zero, .major: AQL.standard[12], .minor: AQL.standard[13]]))

    public init(level: InspectionLevel = .default, aqls: AQLSpecification, counting: CountingMode = .nonconformingUnits,
                severity: InspectionSeverity = .normal, edition: SamplingEdition = .default,
                dispositions: [String: String] = [:]) {
        self.level = level; self.aqls = aqls; self.counting = counting; self.severity = severity
        self.edition = edition; self.dispositions = dispositions
    }

    /// This policy with lot.yaml's overrides: its level and counting mode replace the sheet's; its per-class
    /// AQLs replace the sheet's for those classes only; a bare AQL replaces them all.
    public func applying(_ lot: LotFile) -> LotPolicy {
        var policy = self
        if let level = lot.inspectionLevel { policy.level = level }
        if let counting = lot.counting { policy.counting = counting }
        switch (lot.aqlOverride, aqls) {
        case (nil, _):
            break
        case (.single(let aql)?, _):
            policy.aqls = .single(aql)
        case (.perClass(let overrides)?, .perClass(let sheet)):
            policy.aqls = .perClass(sheet.merging(overrides) { _, new in new })
        case (.perClass(let overrides)?, .single):
            policy.aqls = .perClass(overrides)
        }
        return policy
    }

    /// The sampling plans for a lot of this size.
    public func samplingPlan(lotSize: Int) throws(LotError) -> LotSamplingPlan {
        do {
            return try LotSamplingPlan(lotSize: lotSize, level: level, aqls: aqls, severity: severity, edition: edition)
        } catch {
            throw .sampling(error)
        }
    }
}

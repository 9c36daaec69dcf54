/// What the switching rules need to know about one lot (ISO 2859-1 clause 9.3).
public struct SwitchingLot: Sendable, Hashable, Codable {
    /// The lot's identifier, used in the reasons given for a switch.
    public var lotID: String?
    /// The lot was accepted on this inspection.
    public var accepted: Bool
    /// ANSI/ASQ Z1.4 reduced inspection: accepted with a count in the gap between Ac
    /// and Re, which reinstates normal inspection.
    public var reinstatesNormal: Bool
    /// The lot's effect on the switching score (clause 9.3.3.2); used on normal inspection only.
    public var score: SwitchingScore.Outcome
    /// Production is at a steady rate (clause 9.3.3.1 b); false means irregular or
    /// delayed production, which ends reduced inspection (clause 9.3.4 b).
    public var productionSteady: Bool
    /// The responsible authority considers reduced inspection desirable (clause 9.3.3.1 c).
    public var authorityApprovesReduced: Bool
    /// Other conditions warrant normal inspection (clause 9.3.4 c).
    public var otherConditionsRequireNormal: Bool
    /// The lot is resubmitted after rejection; only original inspection counts for
    /// switching, so resubmitted lots leave the state unchanged (clause 9.3).
    public var isResubmission: Bool

    public init(
        lotID: String? = nil,
        accepted: Bool,
        reinstatesNormal: Bool = false,
        score: SwitchingScore.Outcome? = nil,
        productionSteady: Bool = true,
        authorityApprovesReduced: Bool = false,
        otherConditionsRequireNormal: Bool = false,
        isResubmission: Bool = false
    ) {
        self.lotID = lotID
        self.accepted = accepted
        self.reinstatesNormal = reinstatesNormal
        self.score = score ?? (accepted ? .add(2) : .reset)
        self.productionSteady = productionSteady
        self.authorityApprovesReduced = authorityApprovesReduced
        self.otherConditionsRequireNormal = otherConditionsRequireNormal
        self.isResubmission = isResubmission
    }
}

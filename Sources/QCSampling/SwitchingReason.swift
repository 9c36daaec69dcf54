/// Why the switching rules moved a stream of lots to another severity (ISO 2859-1:1999
/// clauses 9.3 and 9.4), phrased so a report can quote it.
public enum SwitchingReason: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Normal to tightened (clause 9.3.1): 2 lots out of 5 or fewer consecutive lots
    /// not accepted on original inspection. Carries the labels of the lots considered
    /// and of those not accepted.
    case twoOutOfFiveNotAccepted(window: [String], notAccepted: [String])
    /// Tightened to normal (clause 9.3.2): 5 consecutive lots accepted on original inspection.
    case fiveConsecutiveAcceptedOnTightened(lots: [String])
    /// Normal to reduced (clause 9.3.3.1): switching score at least 30, production
    /// steady, reduced inspection approved by the responsible authority.
    case switchingScoreReached(score: Int)
    /// Reduced to normal (clause 9.3.4 a): a lot not accepted.
    case lotNotAcceptedOnReduced(lot: String)
    /// Reduced to normal (ANSI/ASQ Z1.4): a lot accepted with a count between Ac and Re.
    case countInGapOnReduced(lot: String)
    /// Reduced to normal (clause 9.3.4 b): production irregular or delayed.
    case productionIrregular(lot: String)
    /// Reduced to normal (clause 9.3.4 c): other conditions warrant normal inspection.
    case otherConditionsRequireNormal(lot: String)
    /// Tightened to discontinued (clause 9.4): the cumulative number of lots not
    /// accepted on original tightened inspection reached 5.
    case fiveNotAcceptedOnTightened(notAccepted: [String])
    /// Discontinued to tightened (clause 9.4): the supplier has taken action to improve
    /// quality and the responsible authority agrees to resume, on tightened inspection.
    case resumedAfterCorrectiveAction(note: String?)

    /// The clause of ISO 2859-1:1999 (or the Z1.4 rule) behind the reason.
    public var clause: String {
        switch self {
        case .twoOutOfFiveNotAccepted: return "ISO 2859-1 9.3.1"
        case .fiveConsecutiveAcceptedOnTightened: return "ISO 2859-1 9.3.2"
        case .switchingScoreReached: return "ISO 2859-1 9.3.3"
        case .lotNotAcceptedOnReduced: return "ISO 2859-1 9.3.4 a"
        case .countInGapOnReduced: return "ANSI/ASQ Z1.4 reduced-to-normal rule"
        case .productionIrregular: return "ISO 2859-1 9.3.4 b"
        case .otherConditionsRequireNormal: return "ISO 2859-1 9.3.4 c"
        case .fiveNotAcceptedOnTightened, .resumedAfterCorrectiveAction: return "ISO 2859-1 9.4"
        }
    }

    public var description: String {
        switch self {
        case .twoOutOfFiveNotAccepted(let window, let notAccepted):
            return "\(notAccepted.count) of the last \(window.count) consecutive lots on original normal inspection "
                + "were not accepted (\(notAccepted.joined(separator: ", ")))"
        case .fiveConsecutiveAcceptedOnTightened(let lots):
            return "5 consecutive lots accepted on original tightened inspection (\(lots.joined(separator: ", ")))"
        case .switchingScoreReached(let score):
            return "switching score \(score) reached \(SwitchingScore.threshold), production is steady "
                + "and the responsible authority approved reduced inspection"
        case .lotNotAcceptedOnReduced(let lot):
            return "lot \(lot) was not accepted on reduced inspection"
        case .countInGapOnReduced(let lot):
            return "lot \(lot) was accepted with a count between Ac and Re on reduced inspection"
        case .productionIrregular(let lot):
            return "production became irregular or delayed (lot \(lot))"
        case .otherConditionsRequireNormal(let lot):
            return "other conditions warrant normal inspection (lot \(lot))"
        case .fiveNotAcceptedOnTightened(let notAccepted):
            return "5 lots were not accepted on original tightened inspection (\(notAccepted.joined(separator: ", "))); "
                + "acceptance inspection stops until the supplier has improved quality"
        case .resumedAfterCorrectiveAction(let note):
            let base = "inspection resumed on tightened inspection after corrective action by the supplier"
            return note.map { "\(base): \($0)" } ?? base
        }
    }
}

/// The outcome for one defect class of a lot (ISO 2859-1 clause 11, determination of acceptability: accept when
/// the count is at most Ac, do not accept when it is at least Re).
public enum ClassVerdict: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Count at most Ac.
    case accept
    /// Count at least Re.
    case reject
    /// ANSI/ASQ Z1.4 reduced inspection only: Ac < count < Re. The lot is accepted
    /// and normal inspection is reinstated (the Z1.4 reduced-to-normal rule).
    case acceptAndReinstateNormal
    /// Fewer units inspected than the sample size and no rejection yet.
    case pending(moreUnitsNeeded: Int)

    /// True when the class does not stand in the way of accepting the lot.
    public var isAccepting: Bool {
        switch self {
        case .accept, .acceptAndReinstateNormal: return true
        case .reject, .pending: return false
        }
    }

    public var description: String {
        switch self {
        case .accept: return "accept"
        case .reject: return "reject"
        case .acceptAndReinstateNormal: return "accept (reinstate normal inspection)"
        case .pending(let more): return "incomplete: inspect \(more) more unit\(more == 1 ? "" : "s")"
        }
    }
}

/// One cell of an ISO 2859-1 single-sampling master table (Tables 2-A, 2-B, 2-C):
/// an acceptance/rejection pair or an arrow.
public enum MasterTableCell: Sendable, Hashable, CustomStringConvertible {
    /// A sampling plan: accept the lot when the count is at most `accept`, reject it
    /// when the count is at least `reject`.
    case plan(accept: Int, reject: Int)
    /// ↓ "Use the first sampling plan below the arrow", with that plan's sample size.
    case useFirstPlanBelow
    /// ↑ "Use the first sampling plan above the arrow", with that plan's sample size.
    case useFirstPlanAbove
    /// No entry (row S of Table 2-B outside the AQL 0.025 column).
    case blank

    /// The cell as printed: "10 11", "↓", "↑", or "·" for a blank.
    public var description: String {
        switch self {
        case .plan(let accept, let reject): return "\(accept) \(reject)"
        case .useFirstPlanBelow: return "↓"
        case .useFirstPlanAbove: return "↑"
        case .blank: return "·"
        }
    }
}

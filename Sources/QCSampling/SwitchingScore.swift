/// The switching score of ISO 2859-1:1999 clause 9.3.3.2, which decides when normal
/// inspection may switch to reduced (clause 9.3.3.1 a: score of at least 30).
///
/// The score starts at 0 at the start of normal inspection and is updated after
/// every lot on original normal inspection. For single sampling:
/// - acceptance number 2 or more: add 3 if the lot would have been accepted had the
///   AQL been one step tighter, otherwise reset to 0;
/// - acceptance number 0 or 1: add 2 if the lot is accepted, otherwise reset to 0.
public enum SwitchingScore {
    /// What one lot does to the score.
    public enum Outcome: Sendable, Hashable, Codable, CustomStringConvertible {
        case add(Int)
        case reset

        public var description: String {
            switch self {
            case .add(let points): return "+\(points)"
            case .reset: return "reset to 0"
            }
        }
    }

    /// The score at which reduced inspection may start (clause 9.3.3.1 a).
    public static let threshold = 30

    /// The outcome of one lot for one plan (clause 9.3.3.2, single sampling).
    /// - Parameters:
    ///   - acceptanceNumber: Ac of the normal plan used.
    ///   - accepted: the count was at most Ac.
    ///   - acceptedWithAQLOneStepTighter: the count was at most the Ac of the plan for
    ///     the next tighter AQL (only used when Ac >= 2).
    public static func outcome(acceptanceNumber: Int, accepted: Bool, acceptedWithAQLOneStepTighter: Bool) -> Outcome {
        if acceptanceNumber >= 2 {
            return accepted && acceptedWithAQLOneStepTighter ? .add(3) : .reset
        }
        return accepted ? .add(2) : .reset
    }

    /// Applies an outcome to a score.
    public static func apply(_ outcome: Outcome, to score: Int) -> Int {
        switch outcome {
        case .add(let points): return score + points
        case .reset: return 0
        }
    }
}

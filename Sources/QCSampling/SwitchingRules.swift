/// The switching rules of ISO 2859-1:1999 clause 9 for one stream of lots (one SKU
/// from one supplier), as a value the lot store can save and restore.
///
/// - Start on normal inspection (clause 9.1).
/// - Normal to tightened when 2 lots out of 5 or fewer consecutive lots are not
///   accepted on original inspection (9.3.1).
/// - Tightened to normal after 5 consecutive lots accepted on original inspection (9.3.2).
/// - Normal to reduced when the switching score is at least 30, production is steady
///   and the responsible authority approves (9.3.3; both conditions are explicit input
///   on each lot).
/// - Reduced to normal when a lot is not accepted, production is irregular or delayed,
///   or other conditions warrant it (9.3.4); with ANSI/ASQ Z1.4 also when a lot is
///   accepted with a count in the gap between Ac and Re.
/// - Discontinue when the cumulative number of lots not accepted on original tightened
///   inspection reaches 5 (9.4); resume on tightened inspection with `resume(note:)`.
///
/// Only original inspection counts: resubmitted lots leave the state unchanged. The
/// switching score is used for both editions (MIL-STD-105E's limit numbers are not
/// implemented).
public struct SwitchingRules: Sendable, Hashable, Codable {
    /// The current status; `status.severity` is the table to use for the next lot.
    public private(set) var status: InspectionStatus = .normal
    /// The switching score (clause 9.3.3.2), kept while on normal inspection.
    public private(set) var switchingScore: Int = 0
    /// Lots recorded on original inspection so far.
    public private(set) var lotsRecorded: Int = 0
    /// The last switch, which explains why the current severity applies (nil while
    /// still on the initial normal inspection).
    public private(set) var lastTransition: SwitchingTransition?

    /// The last up to 5 lots on original normal inspection since normal began: label and acceptance.
    private var normalWindow: [LotMark] = []
    /// Consecutive lots accepted since tightened inspection began or since the last non-acceptance.
    private var acceptedRunOnTightened: [String] = []
    /// Lots not accepted since tightened inspection began (cumulative).
    private var notAcceptedOnTightened: [String] = []

    private struct LotMark: Sendable, Hashable, Codable {
        let label: String
        let accepted: Bool
    }

    public init() {}

    /// Number of consecutive lots accepted on the current tightened inspection.
    public var consecutiveAcceptedOnTightened: Int { acceptedRunOnTightened.count }

    /// Cumulative number of lots not accepted on the current tightened inspection.
    public var cumulativeNotAcceptedOnTightened: Int { notAcceptedOnTightened.count }

    /// Records the outcome of a lot inspected under the current status and applies the
    /// rules; returns the switch it caused, if any. Lots recorded while inspection is
    /// discontinued, and resubmitted lots, change nothing.
    @discardableResult
    public mutating func record(_ lot: SwitchingLot) -> SwitchingTransition? {
        guard !lot.isResubmission, status != .discontinued else { return nil }
        lotsRecorded += 1
        let label = lot.lotID ?? "#\(lotsRecorded)"
        switch status {
        case .normal:
            return recordOnNormal(lot, label: label)
        case .tightened:
            return recordOnTightened(lot, label: label)
        case .reduced:
            return recordOnReduced(lot, label: label)
        case .discontinued:
            return nil
        }
    }

    /// Resumes inspection after discontinuation, on tightened inspection (clause 9.4),
    /// once the supplier has acted to improve quality. Returns nil unless discontinued.
    @discardableResult
    public mutating func resume(note: String? = nil) -> SwitchingTransition? {
        guard status == .discontinued else { return nil }
        return switchTo(.tightened, reason: .resumedAfterCorrectiveAction(note: note))
    }

    /// Replays a history of lots from the start of normal inspection.
    public static func replay(_ lots: [SwitchingLot]) -> (rules: SwitchingRules, transitions: [SwitchingTransition]) {
        var rules = SwitchingRules()
        var transitions: [SwitchingTransition] = []
        for lot in lots {
            if let transition = rules.record(lot) { transitions.append(transition) }
        }
        return (rules, transitions)
    }

    private mutating func recordOnNormal(_ lot: SwitchingLot, label: String) -> SwitchingTransition? {
        normalWindow.append(LotMark(label: label, accepted: lot.accepted))
        if normalWindow.count > 5 { normalWindow.removeFirst(normalWindow.count - 5) }
        switchingScore = SwitchingScore.apply(lot.score, to: switchingScore)

        let notAccepted = normalWindow.filter { !$0.accepted }
        if notAccepted.count >= 2 {
            let window = normalWindow.map(\.label)
            return switchTo(.tightened, reason: .twoOutOfFiveNotAccepted(
                window: window, notAccepted: notAccepted.map(\.label)))
        }
        if switchingScore >= SwitchingScore.threshold, lot.productionSteady, lot.authorityApprovesReduced {
            return switchTo(.reduced, reason: .switchingScoreReached(score: switchingScore))
        }
        return nil
    }

    private mutating func recordOnTightened(_ lot: SwitchingLot, label: String) -> SwitchingTransition? {
        if lot.accepted {
            acceptedRunOnTightened.append(label)
            if acceptedRunOnTightened.count >= 5 {
                return switchTo(.normal, reason: .fiveConsecutiveAcceptedOnTightened(lots: acceptedRunOnTightened))
            }
            return nil
        }
        acceptedRunOnTightened = []
        notAcceptedOnTightened.append(label)
        if notAcceptedOnTightened.count >= 5 {
            return switchTo(.discontinued, reason: .fiveNotAcceptedOnTightened(notAccepted: notAcceptedOnTightened))
        }
        return nil
    }

    private mutating func recordOnReduced(_ lot: SwitchingLot, label: String) -> SwitchingTransition? {
        if !lot.accepted { return switchTo(.normal, reason: .lotNotAcceptedOnReduced(lot: label)) }
        if lot.reinstatesNormal { return switchTo(.normal, reason: .countInGapOnReduced(lot: label)) }
        if !lot.productionSteady { return switchTo(.normal, reason: .productionIrregular(lot: label)) }
        if lot.otherConditionsRequireNormal {
            return switchTo(.normal, reason: .otherConditionsRequireNormal(lot: label))
        }
        return nil
    }

    private mutating func switchTo(_ next: InspectionStatus, reason: SwitchingReason) -> SwitchingTransition {
        let transition = SwitchingTransition(from: status, to: next, reason: reason, afterLot: lotsRecorded)
        status = next
        lastTransition = transition
        normalWindow = []
        acceptedRunOnTightened = []
        notAcceptedOnTightened = []
        // Clause 9.3.3.2 a: the score is set to zero at the start of normal inspection.
        switchingScore = 0
        return transition
    }
}

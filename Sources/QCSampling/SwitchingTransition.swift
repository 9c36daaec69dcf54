/// One switch between severities, with its reason (ISO 2859-1:1999 clauses 9.3, 9.4).
public struct SwitchingTransition: Sendable, Hashable, Codable, CustomStringConvertible {
    public let from: InspectionStatus
    public let to: InspectionStatus
    public let reason: SwitchingReason
    /// 1-based number of the lot (in the order recorded) after which the switch applies.
    public let afterLot: Int

    public var description: String {
        "\(from) → \(to) after lot \(afterLot) (\(reason.clause)): \(reason)"
    }
}

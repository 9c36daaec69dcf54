/// Where a stream of lots (one SKU from one supplier) stands in the switching scheme
/// of ISO 2859-1 clause 9: normal, tightened or reduced inspection, or discontinued
/// (clause 9.4).
public enum InspectionStatus: String, CaseIterable, Sendable, Hashable, Codable, CustomStringConvertible {
    case normal
    case tightened
    case reduced
    case discontinued

    /// The severity whose table applies, or nil while inspection is discontinued.
    public var severity: InspectionSeverity? {
        switch self {
        case .normal: return .normal
        case .tightened: return .tightened
        case .reduced: return .reduced
        case .discontinued: return nil
        }
    }

    public var description: String { rawValue }
}

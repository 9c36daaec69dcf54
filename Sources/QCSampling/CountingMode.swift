/// How defects are counted against Ac and Re (ISO 2859-1 clauses 4 and 11:
/// percent nonconforming or nonconformities per 100 items).
public enum CountingMode: String, CaseIterable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Count nonconforming units, each unit once in the most serious class it has a
    /// defect of (the default; percent nonconforming).
    case nonconformingUnits = "units"
    /// Count every nonconformity (nonconformities per 100 units); a unit with three
    /// minor defects counts three times.
    case nonconformities

    public var description: String {
        switch self {
        case .nonconformingUnits: return "nonconforming units"
        case .nonconformities: return "nonconformities"
        }
    }
}

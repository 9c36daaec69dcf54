/// The severity of inspection in force for a lot: normal, tightened or reduced
/// (ISO 2859-1 clause 9, master Tables 2-A, 2-B and 2-C).
public enum InspectionSeverity: String, CaseIterable, Sendable, Hashable, Codable, CustomStringConvertible {
    case normal
    case tightened
    case reduced

    /// Reads `normal`, `tightened` or `reduced` (case-insensitive; `tight` and `red` also accepted).
    public init(parsing text: String) throws(SamplingError) {
        switch text.lowercased().trimmedWhitespace {
        case "normal", "n": self = .normal
        case "tightened", "tight", "t": self = .tightened
        case "reduced", "red", "r": self = .reduced
        default: throw .unknownSeverity(text)
        }
    }

    public var description: String { rawValue }
}

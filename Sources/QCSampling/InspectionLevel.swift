/// An inspection level of ISO 2859-1 clause 10.1 and Table 1: the special levels
/// S-1 to S-4 and the general levels I, II (the default) and III.
///
/// The level fixes how large the sample is relative to the lot. Many buyers'
/// receiving habit (32-50 pieces for lots under 5,000 units, 50-80 for 5,000-20,000)
/// roughly corresponds to levels S-4 and I.
public enum InspectionLevel: String, CaseIterable, Sendable, Hashable, Codable, CustomStringConvertible {
    case s1 = "S-1"
    case s2 = "S-2"
    case s3 = "S-3"
    case s4 = "S-4"
    case i = "I"
    case ii = "II"
    case iii = "III"

    /// The general inspection level used unless the buyer specifies otherwise (clause 10.1).
    public static let `default`: InspectionLevel = .ii

    /// Reads a level as written on control sheets: `S-4`, `s4`, `S 4`, `II`, `ii`,
    /// and also `G-2` / `2` for general level II.
    public init(parsing text: String) throws(SamplingError) {
        let compact = text.uppercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "_" }
        switch compact {
        case "S1": self = .s1
        case "S2": self = .s2
        case "S3": self = .s3
        case "S4": self = .s4
        case "I", "G1", "1": self = .i
        case "II", "G2", "2": self = .ii
        case "III", "G3", "3": self = .iii
        default: throw .unknownInspectionLevel(text)
        }
    }

    /// True for the special levels S-1 ... S-4 (small samples, larger risks; clause 10.1.2).
    public var isSpecial: Bool {
        switch self {
        case .s1, .s2, .s3, .s4: return true
        case .i, .ii, .iii: return false
        }
    }

    /// The column of this level in ISO 2859-1 Table 1 (S-1 = 0 ... III = 6).
    public var tableColumn: Int {
        switch self {
        case .s1: return 0
        case .s2: return 1
        case .s3: return 2
        case .s4: return 3
        case .i: return 4
        case .ii: return 5
        case .iii: return 6
        }
    }

    public var description: String { rawValue }
}

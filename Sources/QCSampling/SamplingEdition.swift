/// Which edition's tables to use: ISO 2859-1:1999 (the default) or ANSI/ASQ Z1.4
/// (the civilian MIL-STD-105E).
///
/// Table 1 and the normal and tightened master tables (2-A, 2-B) are identical in
/// both. They differ only in the reduced table (same sample sizes): ISO 2859-1:1999
/// Table 2-C has no gap (Re = Ac + 1) and acceptance numbers of its own (for example
/// code K at AQL 2.5: Ac 5, Re 6), while Z1.4 Table II-C keeps the gap of
/// MIL-STD-105E (there Ac 3, Re 6): a count inside the gap accepts the lot but
/// reinstates normal inspection.
public enum SamplingEdition: String, CaseIterable, Sendable, Hashable, Codable, CustomStringConvertible {
    case iso2859_1 = "iso2859-1"
    case z14 = "z14"

    public static let `default`: SamplingEdition = .iso2859_1

    /// Reads `iso`, `iso2859-1`, `iso2859-1:1999`, `1999`, `z14`, `z1.4`, `ansi`, `mil-std-105e`.
    public init(parsing text: String) throws(SamplingError) {
        let compact = text.lowercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "_" && $0 != "/" && $0 != "." }
        switch compact {
        case "iso", "iso2859", "iso28591", "iso28591:1999", "28591", "1999":
            self = .iso2859_1
        case "z14", "ansi", "ansiz14", "ansiasqz14", "asqz14", "milstd105e", "105e":
            self = .z14
        default:
            throw .unknownEdition(text)
        }
    }

    /// Human name of the edition, for reports.
    public var title: String {
        switch self {
        case .iso2859_1: return "ISO 2859-1:1999"
        case .z14: return "ANSI/ASQ Z1.4"
        }
    }

    public var description: String { rawValue }
}

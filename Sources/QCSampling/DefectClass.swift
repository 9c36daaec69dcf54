/// A class of nonconformity (ISO 2859-1 clause 3 definitions, classes A, B, C):
/// critical, major, minor.
///
/// Classes are ordered from the most serious (critical) to the least (minor); a
/// nonconforming unit is counted once, in the most serious class of the defects it
/// has (a "class A nonconforming unit" has at least one class A nonconformity and
/// possibly others of lower classes).
public enum DefectClass: String, CaseIterable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    case critical
    case major
    case minor

    /// Reads `critical`, `major`, `minor` (case-insensitive; `crit`, `maj`, `min`, `cr`, `ma`, `mi` accepted).
    public init(parsing text: String) throws(SamplingError) {
        switch text.lowercased().trimmedWhitespace {
        case "critical", "crit", "cr", "a": self = .critical
        case "major", "maj", "ma", "b": self = .major
        case "minor", "min", "mi", "c": self = .minor
        default: throw .unknownDefectClass(text)
        }
    }

    /// 0 for critical, 1 for major, 2 for minor: lower is more serious.
    public var seriousnessRank: Int {
        switch self {
        case .critical: return 0
        case .major: return 1
        case .minor: return 2
        }
    }

    /// Orders by seriousness: `critical < major < minor`.
    public static func < (lhs: DefectClass, rhs: DefectClass) -> Bool {
        lhs.seriousnessRank < rhs.seriousnessRank
    }

    public var description: String { rawValue }
}

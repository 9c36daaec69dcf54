/// What a plan counts: every defect (a single bare AQL) or one defect class.
public enum DefectScope: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// One AQL for all defects, whatever their class (`--aql 2.5`).
    case allDefects
    /// Only defects of one class (`--aql critical=0,major=2.5,minor=4.0`).
    case defectClass(DefectClass)

    public static func < (lhs: DefectScope, rhs: DefectScope) -> Bool {
        switch (lhs, rhs) {
        case (.allDefects, .defectClass): return true
        case (.defectClass, .allDefects), (.allDefects, .allDefects): return false
        case (.defectClass(let left), .defectClass(let right)): return left < right
        }
    }

    /// "all" or the class name, as used in reports and JSON.
    public var description: String {
        switch self {
        case .allDefects: return "all"
        case .defectClass(let defectClass): return defectClass.rawValue
        }
    }
}

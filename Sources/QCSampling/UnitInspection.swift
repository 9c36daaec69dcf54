/// The defects found on one inspected unit, by class.
public struct UnitInspection: Sendable, Hashable, Codable {
    /// Number of nonconformities of each class found on the unit (absent means 0).
    public let defects: [DefectClass: Int]

    /// A unit with the given numbers of critical, major and minor nonconformities.
    public init(critical: Int = 0, major: Int = 0, minor: Int = 0) throws(SamplingError) {
        try self.init(defects: [.critical: critical, .major: major, .minor: minor])
    }

    /// A unit with the given defect counts; negative counts are an error.
    public init(defects: [DefectClass: Int]) throws(SamplingError) {
        for defectClass in defects.keys.sorted() {
            if let count = defects[defectClass], count < 0 { throw .negativeDefectCount(defectClass, count) }
        }
        self.defects = defects.filter { $0.value > 0 }
    }

    /// A conforming unit (no defects).
    public static let conforming = UnitInspection(uncheckedDefects: [:])

    private init(uncheckedDefects: [DefectClass: Int]) { self.defects = uncheckedDefects }

    /// Nonconformities of one class.
    public func count(_ defectClass: DefectClass) -> Int { defects[defectClass] ?? 0 }

    /// All nonconformities on the unit.
    public var totalNonconformities: Int { defects.values.reduce(0, +) }

    /// True when the unit has at least one nonconformity.
    public var isNonconforming: Bool { totalNonconformities > 0 }

    /// The most serious class among the given classes that the unit has a defect of
    /// (ISO 2859-1 clause 3 definitions: a class A nonconforming unit has at least one
    /// class A nonconformity and possibly others).
    public func worstClass(among classes: [DefectClass] = DefectClass.allCases) -> DefectClass? {
        classes.sorted().first { count($0) > 0 }
    }
}

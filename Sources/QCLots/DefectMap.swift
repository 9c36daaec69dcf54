import QCSampling

/// Where the defects of a lot are: counts by check and class (a pareto), units with one defect apart from
/// units with several, functional against cosmetic fallout, and counts per carton.
public struct DefectMap: Sendable, Equatable, Codable {
    /// Defects of one check, by class.
    public struct CheckCount: Sendable, Equatable, Codable {
        public var check: String
        public var category: CheckCategory
        public var critical: Int
        public var major: Int
        public var minor: Int
        /// Units with at least one defect of this check.
        public var units: Int
        public var total: Int { critical + major + minor }

        enum CodingKeys: String, CodingKey { case check, category, critical, major, minor, units, total }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(check, forKey: .check); try c.encode(category, forKey: .category)
            try c.encode(critical, forKey: .critical); try c.encode(major, forKey: .major)
            try c.encode(minor, forKey: .minor); try c.encode(units, forKey: .units); try c.encode(total, forKey: .total)
        }
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            check = try c.decode(String.self, forKey: .check); category = try c.decode(CheckCategory.self, forKey: .category)
            critical = try c.decode(Int.self, forKey: .critical); major = try c.decode(Int.self, forKey: .major)
            minor = try c.decode(Int.self, forKey: .minor); units = try c.decode(Int.self, forKey: .units)
        }
        init(check: String) {
            self.check = check; self.category = CheckCategory.of(check); critical = 0; major = 0; minor = 0; units = 0
        }
    }

    /// A unit with two or more defects.
    public struct MultiDefectUnit: Sendable, Equatable, Codable {
        public var photo: String
        public var carton: String?
        public var checks: [String]
    }

    /// Fallout of one category: units whose worst problem is of that category, and its defects.
    public struct Fallout: Sendable, Equatable, Codable {
        public var units: Int
        public var defects: Int
        public var photos: [String]
    }

    /// Measured and defective units of one carton, by worst class.
    public struct CartonCount: Sendable, Equatable, Codable {
        public var carton: String
        public var inspected: Int
        public var defective: Int
        public var critical: Int
        public var major: Int
        public var minor: Int
        public var defects: Int
    }

    /// Per check, most frequent first (the pareto order).
    public var byCheck: [CheckCount]
    /// Defects per class.
    public var byClass: [String: Int]
    public var singleDefectUnits: [String]
    public var multiDefectUnits: [MultiDefectUnit]
    /// Units with at least one functional defect.
    public var functional: Fallout
    /// Units whose defects are all cosmetic.
    public var cosmetic: Fallout
    public var byCarton: [CartonCount]

    enum CodingKeys: String, CodingKey {
        case byCheck = "by_check", byClass = "by_class", singleDefectUnits = "single_defect_units"
        case multiDefectUnits = "multi_defect_units", functional, cosmetic, byCarton = "by_carton"
    }

    /// Builds the map from the measured units; `cartons` lists every carton folder (cartons without measured
    /// units appear with zero counts).
    public init(units: [UnitRecord], cartons: [String] = []) {
        var checks: [String: CheckCount] = [:]
        var byClass: [String: Int] = [:]
        var single: [String] = [], multi: [MultiDefectUnit] = []
        var functional = Fallout(units: 0, defects: 0, photos: [])
        var cosmetic = Fallout(units: 0, defects: 0, photos: [])
        for unit in units where unit.isDefective {
            var seen = Set<String>()
            for defect in unit.defects {
                var entry = checks[defect.check] ?? CheckCount(check: defect.check)
                switch defect.defectClass {
                case .critical: entry.critical += 1
                case .major: entry.major += 1
                case .minor: entry.minor += 1
                }
                if seen.insert(defect.check).inserted { entry.units += 1 }
                checks[defect.check] = entry
                byClass[defect.defectClass.rawValue, default: 0] += 1
            }
            if unit.defects.count == 1 {
                single.append(unit.photo)
            } else {
                multi.append(MultiDefectUnit(photo: unit.photo, carton: unit.carton, checks: unit.defects.map(\.check)))
            }
            let functionalDefects = unit.defects.filter { CheckCategory.of($0.check) == .functional }.count
            if functionalDefects > 0 {
                functional.units += 1; functional.defects += functionalDefects; functional.photos.append(unit.photo)
            } else {
                cosmetic.units += 1; cosmetic.defects += unit.defects.count; cosmetic.photos.append(unit.photo)
            }
        }
        for defectClass in DefectClass.allCases where byClass[defectClass.rawValue] == nil { byClass[defectClass.rawValue] = 0 }
        self.byCheck = checks.values.sorted { ($0.total, $1.check) > ($1.total, $0.check) }
        self.byClass = byClass
        self.singleDefectUnits = single.sorted()
        self.multiDefectUnits = multi.sorted { $0.photo < $1.photo }
        self.functional = functional
        self.cosmetic = cosmetic

        var cartonCounts: [String: CartonCount] = [:]
        for name in cartons { cartonCounts[name] = CartonCount(carton: name, inspected: 0, defective: 0, critical: 0, major: 0, minor: 0, defects: 0) }
        for unit in units {
            let name = unit.cartonLabel
            var entry = cartonCounts[name] ?? CartonCount(carton: name, inspected: 0, defective: 0, critical: 0, major: 0, minor: 0, defects: 0)
            entry.inspected += 1
            entry.defects += unit.defects.count
            if unit.isDefective { entry.defective += 1 }
            switch DefectClass(rawValue: unit.worstClass) {
            case .critical?: entry.critical += 1
            case .major?: entry.major += 1
            case .minor?: entry.minor += 1
            case nil: break
            }
            cartonCounts[name] = entry
        }
        self.byCarton = cartonCounts.values.sorted { $0.carton < $1.carton }
    }

    /// All defects.
    public var totalDefects: Int { byCheck.reduce(0) { $0 + $1.total } }
}

import QCInspection

/// One check across a lot: its tolerance band and every unit's value, for the distribution charts and the
/// diagnosis rules.
public struct CheckBand: Sendable, Equatable, Codable {
    /// One unit's value.
    public struct Point: Sendable, Equatable, Codable {
        public var photo: String
        public var carton: String
        public var value: Double
        /// "ok" or the defect class.
        public var status: String
    }

    public var check: String
    public var category: CheckCategory
    public var nominal: Double?
    /// The tightest bounds seen (the first tier's limits).
    public var lower: Double?
    public var upper: Double?
    /// Further limits of looser tiers (e.g. plating ΔE00 4.0 for major beside 2.0 for minor).
    public var otherLimits: [Double]
    public var points: [Point]

    enum CodingKeys: String, CodingKey { case check, category, nominal, lower, upper, otherLimits = "other_limits", points }

    /// The centre the values should sit at: the nominal, the middle of a two-sided band, else 0 (for "max" checks).
    public var reference: Double {
        if let nominal { return nominal }
        if let lower, let upper { return (lower + upper) / 2 }
        return 0
    }

    /// Half the width of the band around `reference`, nil without a bound.
    public var halfWidth: Double? {
        if let lower, let upper { return (upper - lower) / 2 }
        if let upper { return abs(upper - reference) > 0 ? abs(upper - reference) : nil }
        if let lower { return abs(reference - lower) > 0 ? abs(reference - lower) : nil }
        return nil
    }

    public var values: [Double] { points.map(\.value) }

    /// The bands of every check met in the units, in the functional-first order of `CheckCategory.table`,
    /// then alphabetically.
    public static func bands(from units: [UnitRecord]) -> [CheckBand] {
        var bands: [String: CheckBand] = [:]
        var uppers: [String: Set<Double>] = [:], lowers: [String: Set<Double>] = [:]
        for unit in units {
            var seen = Set<String>()
            for check in unit.checks where check.value.isFinite && check.status != UnitRecord.notMeasured {
                if let upper = check.upper { uppers[check.check, default: []].insert(upper) }
                if let lower = check.lower { lowers[check.check, default: []].insert(lower) }
                var band = bands[check.check] ?? CheckBand(check: check.check, category: CheckCategory.of(check.check),
                                                           nominal: check.nominal, lower: nil, upper: nil,
                                                           otherLimits: [], points: [])
                if band.nominal == nil { band.nominal = check.nominal }
                if seen.insert(check.check).inserted {
                    band.points.append(Point(photo: unit.photo, carton: unit.cartonLabel, value: check.value,
                                             status: check.status))
                } else if let index = band.points.lastIndex(where: { $0.photo == unit.photo }),
                          severity(check.status) < severity(band.points[index].status) {
                    band.points[index].status = check.status
                }
                bands[check.check] = band
            }
        }
        for (name, var band) in bands {
            let up = uppers[name, default: []].sorted(), low = lowers[name, default: []].sorted()
            band.upper = up.first
            band.lower = low.last
            band.otherLimits = Array(up.dropFirst()) + Array(low.dropLast())
            bands[name] = band
        }
        let order = ["overall_size_mm", "border_width_mm", "fill_boundary_shift_mm", "plating_tone_delta_e00"]
        return bands.values.sorted { a, b in
            let ia = order.firstIndex(of: a.check) ?? order.count, ib = order.firstIndex(of: b.check) ?? order.count
            return ia != ib ? ia < ib : a.check < b.check
        }
    }

    /// 0 critical ... 3 ok.
    static func severity(_ status: String) -> Int {
        switch status {
        case "critical": return 0
        case "major": return 1
        case "minor": return 2
        default: return 3
        }
    }
}

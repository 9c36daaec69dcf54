import QCConfig
import QCSampling

/// One check of a control sheet: what is measured, against which nominal, and the limits (tiers)
/// beyond which a unit gets a defect class.
///
/// A check has one or more tiers in increasing limit order with classes that never get milder. A value
/// within the first tier's limit is ok; otherwise the unit gets the class of the last tier whose limit
/// the value exceeds (tiers `[{max: 2.0, class: minor}, {max: 4.0, class: major}]`: 1.5 ok, 2.5 minor,
/// 4.5 major). Limits are inclusive: a value exactly at a limit is within it.
public enum SheetCheck: Sendable, Equatable {
    /// `overall_size_mm`: outline width and height, each nominal ± tolerance, mm.
    /// A nil nominal means the measured master's.
    case overallSize(width: Double?, height: Double?, tiers: [Tier])
    /// `border_width_mm`: rim width on each side and its minimum, nominal ± tolerance, mm.
    /// A nil nominal means the measured master's.
    case borderWidth(nominal: Double?, tiers: [Tier])
    /// `fill_boundary_shift_mm`: the 99th percentile of |colour boundary shift| against the master, mm.
    case fillBoundaryShift(tiers: [Tier])
    /// `plating_tone_delta_e00`: plating colour difference against the master, ΔE00.
    case platingTone(tiers: [Tier])

    /// One limit of a check and the class of a unit beyond it.
    public struct Tier: Sendable, Equatable {
        /// The ± tolerance (mm) for overall size and border width; the largest passing value (mm or ΔE00)
        /// for fill boundary shift and plating tone.
        public var limit: Double
        /// The class of a unit whose value goes beyond `limit` but beyond no later tier's limit.
        public var defectClass: DefectClass

        public init(limit: Double, defectClass: DefectClass) {
            self.limit = limit; self.defectClass = defectClass
        }
    }

    /// The check names a sheet may use; the raw value is the sheet key and the `Defect.check` name.
    public enum Kind: String, Sendable, CaseIterable {
        case overallSize = "overall_size_mm"
        case borderWidth = "border_width_mm"
        case fillBoundaryShift = "fill_boundary_shift_mm"
        case platingTone = "plating_tone_delta_e00"

        /// True for nominal ± tolerance checks, false for `max` checks.
        public var isTolerance: Bool { self == .overallSize || self == .borderWidth }

        /// Unit of the measured value: "mm" or "ΔE00".
        public var unit: String { self == .platingTone ? "ΔE00" : "mm" }

        /// A correct entry for this check, quoted in error messages.
        var example: String {
            switch self {
            case .overallSize: return "{width: 30.0, height: 30.0, tolerance: 0.15, class: major}"
            case .borderWidth: return "{nominal: 0.80, tolerance: 0.10, class: major}"
            case .fillBoundaryShift: return "{max: 0.15, class: minor}"
            case .platingTone: return "[{max: 2.0, class: minor}, {max: 4.0, class: major}]"
            }
        }
    }

    public var kind: Kind {
        switch self {
        case .overallSize: return .overallSize
        case .borderWidth: return .borderWidth
        case .fillBoundaryShift: return .fillBoundaryShift
        case .platingTone: return .platingTone
        }
    }

    /// The sheet key, e.g. `border_width_mm`.
    public var name: String { kind.rawValue }

    /// The tiers, in increasing limit order.
    public var tiers: [Tier] {
        switch self {
        case .overallSize(_, _, let tiers), .borderWidth(_, let tiers), .fillBoundaryShift(let tiers),
             .platingTone(let tiers):
            return tiers
        }
    }
}

// MARK: - Reading a check from the sheet

extension SheetCheck {
    /// Reads the check `kind` from its YAML value; `keyLine` is the line of its key in `checks`.
    static func parse(_ kind: Kind, _ value: YAMLValue, keyLine: Int?) throws(SheetError) -> SheetCheck {
        let path = "checks.\(kind.rawValue)"
        switch kind {
        case .overallSize, .borderWidth: return try parseTolerance(kind, value, keyLine: keyLine, path: path)
        case .fillBoundaryShift, .platingTone: return try parseMaximum(kind, value, keyLine: keyLine, path: path)
        }
    }

    /// `{width, height, tolerance, class}` or `{nominal, tolerance, class}`; tolerance may be a list of tiers.
    private static func parseTolerance(_ kind: Kind, _ value: YAMLValue, keyLine: Int?,
                                       path: String) throws(SheetError) -> SheetCheck {
        let tieredExample = "tolerance: [{tolerance: 0.10, class: minor}, {tolerance: 0.20, class: major}]"
        guard value.isMapping else {
            throw .invalid(file: value.file, line: value.line ?? keyLine, key: path,
                           reason: "\(kind.rawValue) must be a mapping such as \(kind.example); to tier it, "
                               + "give tolerance as a list: \(tieredExample)")
        }
        let nominalKeys = kind == .overallSize ? ["width", "height"] : ["nominal"]
        let allowed = Set(nominalKeys + ["tolerance", "class"])
        let fields = try SheetError.reading(try value.mapping(allowed: allowed, what: kind.rawValue))
        var nominals: [String: Double] = [:]
        for key in nominalKeys where fields.has(key) {
            let nominal = try SheetError.reading(try fields.double(key))
            guard nominal > 0 else {
                throw .invalid(file: fields.file, line: fields.line(of: key), key: "\(path).\(key)",
                               reason: "\(key) must be above 0 mm; give the drawing's value, or omit \(key) "
                                   + "to use the measured master's")
            }
            nominals[key] = nominal
        }
        guard let toleranceValue = fields.optional("tolerance") else {
            throw .invalid(file: fields.file, line: fields.line, key: path,
                           reason: "\(kind.rawValue) needs a tolerance in mm (applied as ±), e.g. \(kind.example)")
        }
        let tiers: [Tier]
        if toleranceValue.isSequence {
            if fields.has("class") {
                throw .invalid(file: fields.file, line: fields.line(of: "class"), key: "\(path).class",
                               reason: "with a list of tolerance tiers each tier has its own class "
                                   + "(\(tieredExample)); remove this class")
            }
            tiers = try parseTiers(kind, toleranceValue, limitKey: "tolerance", path: "\(path).tolerance")
        } else {
            let tolerance = try SheetError.reading(try toleranceValue.double(what: "'tolerance'"))
            try checkLimit(tolerance, kind: kind, file: fields.file, line: fields.line(of: "tolerance"),
                           path: "\(path).tolerance")
            tiers = [Tier(limit: tolerance, defectClass: try parseClass(fields, owner: kind.rawValue, path: path))]
        }
        switch kind {
        case .overallSize: return .overallSize(width: nominals["width"], height: nominals["height"], tiers: tiers)
        default: return .borderWidth(nominal: nominals["nominal"], tiers: tiers)
        }
    }

    /// `{max, class}` or a list of such tiers.
    private static func parseMaximum(_ kind: Kind, _ value: YAMLValue, keyLine: Int?,
                                     path: String) throws(SheetError) -> SheetCheck {
        let tiers: [Tier]
        if value.isSequence {
            tiers = try parseTiers(kind, value, limitKey: "max", path: path)
        } else if value.isMapping {
            let fields = try SheetError.reading(try value.mapping(allowed: ["max", "class"], what: kind.rawValue))
            guard let maxValue = fields.optional("max") else {
                throw .invalid(file: fields.file, line: fields.line, key: path,
                               reason: "\(kind.rawValue) needs max (\(kind.unit)), e.g. {max: 2.0, class: minor}")
            }
            let max = try SheetError.reading(try maxValue.double(what: "'max'"))
            try checkLimit(max, kind: kind, file: fields.file, line: fields.line(of: "max"), path: "\(path).max")
            tiers = [Tier(limit: max, defectClass: try parseClass(fields, owner: kind.rawValue, path: path))]
        } else {
            throw .invalid(file: value.file, line: value.line ?? keyLine, key: path,
                           reason: "\(kind.rawValue) must be one limit such as {max: 2.0, class: minor} or a list "
                               + "of tiers such as [{max: 2.0, class: minor}, {max: 4.0, class: major}]")
        }
        return kind == .platingTone ? .platingTone(tiers: tiers) : .fillBoundaryShift(tiers: tiers)
    }

    /// A list of `{limitKey: number, class: name}` tiers: increasing limits, classes never milder.
    private static func parseTiers(_ kind: Kind, _ value: YAMLValue, limitKey: String,
                                   path: String) throws(SheetError) -> [Tier] {
        let items = try SheetError.reading(try value.sequence(what: path))
        guard !items.isEmpty else {
            throw .invalid(file: value.file, line: value.line, key: path,
                           reason: "the list of tiers is empty; give at least one, e.g. [{\(limitKey): "
                               + "\(kind == .platingTone ? "2.0" : "0.10"), class: minor}]")
        }
        var tiers: [Tier] = []
        for (index, item) in items.enumerated() {
            let number = index + 1
            let tierPath = "\(path)[\(number)]"
            let owner = "tier \(number) of \(kind.rawValue)"
            let fields = try SheetError.reading(try item.mapping(allowed: [limitKey, "class"], what: owner))
            guard let limitValue = fields.optional(limitKey) else {
                throw .invalid(file: fields.file, line: fields.line, key: tierPath,
                               reason: "\(owner) needs \(limitKey) (\(kind.unit)), e.g. {\(limitKey): "
                                   + "\(kind == .platingTone ? "2.0" : "0.10"), class: minor}")
            }
            let limit = try SheetError.reading(try limitValue.double(what: "'\(limitKey)'"))
            try checkLimit(limit, kind: kind, file: fields.file, line: fields.line(of: limitKey),
                           path: "\(tierPath).\(limitKey)")
            let defectClass = try parseClass(fields, owner: owner, path: tierPath)
            if let previous = tiers.last {
                guard limit > previous.limit else {
                    throw .invalid(file: fields.file, line: fields.line(of: limitKey), key: "\(tierPath).\(limitKey)",
                                   reason: "tiers must be in increasing \(limitKey) order, but tier \(number) has "
                                       + "\(limitKey) \(limit) after \(previous.limit) in tier \(index); list the "
                                       + "tiers from the smallest \(limitKey) to the largest")
                }
                guard defectClass.seriousnessRank <= previous.defectClass.seriousnessRank else {
                    throw .invalid(file: fields.file, line: fields.line(of: "class"), key: "\(tierPath).class",
                                   reason: "tier \(number) is \(defectClass) but tier \(index) is "
                                       + "\(previous.defectClass): a larger deviation must not get a milder class; "
                                       + "order the classes minor, major, critical")
                }
            }
            tiers.append(Tier(limit: limit, defectClass: defectClass))
        }
        return tiers
    }

    /// Refuses a negative tolerance or a `max` at or below 0.
    private static func checkLimit(_ limit: Double, kind: Kind, file: String, line: Int?, path: String) throws(SheetError) {
        if kind.isTolerance, limit < 0 {
            throw .invalid(file: file, line: line, key: path,
                           reason: "tolerance \(limit) is negative; it is applied as ± around the nominal, "
                               + "so write it without a sign (e.g. \(-limit))")
        }
        if !kind.isTolerance, limit <= 0 {
            throw .invalid(file: file, line: line, key: path,
                           reason: "max \(limit) must be above 0 \(kind.unit): a unit at or below max passes, "
                               + "so a max of 0 or less would fail every unit")
        }
    }

    /// The `class` of a check or tier, read with `DefectClass(parsing:)`.
    private static func parseClass(_ fields: YAMLObject, owner: String, path: String) throws(SheetError) -> DefectClass {
        guard let value = fields.optional("class") else {
            throw .invalid(file: fields.file, line: fields.line, key: path,
                           reason: "\(owner) needs a class, the class of a unit beyond the limit: add class: "
                               + "minor, major or critical")
        }
        let text = try SheetError.reading(try value.string(what: "'class'"))
        do throws(SamplingError) { return try DefectClass(parsing: text) } catch {
            throw .invalid(file: fields.file, line: fields.line(of: "class"), key: "\(path).class", reason: error.description)
        }
    }
}

import QCConfig
import QCSampling

/// A product's control sheet (one YAML file per SKU): the checks a unit must pass with their limits and
/// defect classes, the AQL plan for lots, and the dispositions a buyer proposes.
///
/// The YAML format is a stable interface, explained key by key in `Calibration/sheets/README.md`.
/// Unknown keys, wrong types and impossible values are refused with the file and line.
public struct ControlSheet: Sendable, Equatable {
    public var sku: String
    public var description: String
    /// Plating or finish in words, e.g. "imitation gold".
    public var finish: String
    public var artworkRevision: String
    /// The checks, in file order; checks the sheet omits are not judged.
    public var checks: [SheetCheck]
    /// ISO 2859-1 inspection level for lots (II unless the sheet says otherwise).
    public var inspectionLevel: InspectionLevel
    /// AQL per defect class; nil when the sheet gives none (lot scoring then says so). AQL 0 means zero acceptance.
    public var aql: AQLSpecification?
    /// What the buyer proposes per failed check, keyed by check name (`border_width_mm`, ...).
    public var dispositions: [String: Disposition]
    /// The path the sheet was read from (as given).
    public var file: String

    public init(sku: String, description: String = "", finish: String = "", artworkRevision: String = "",
                checks: [SheetCheck], inspectionLevel: InspectionLevel = .default, aql: AQLSpecification? = nil,
                dispositions: [String: Disposition] = [:], file: String = "") {
        self.sku = sku; self.description = description; self.finish = finish; self.artworkRevision = artworkRevision
        self.checks = checks; self.inspectionLevel = inspectionLevel; self.aql = aql
        self.dispositions = dispositions; self.file = file
    }

    /// The check with this sheet key (`overall_size_mm`, ...), nil when the sheet omits it.
    public func check(named name: String) -> SheetCheck? { checks.first { $0.name == name } }

    /// Reads and parses the sheet at `path`.
    public static func load(path: String) throws(SheetError) -> ControlSheet {
        try parse(root: SheetError.reading(try YAMLValue.load(path: path)))
    }

    /// Parses a sheet's YAML; `file` names it in errors.
    public static func parse(yaml text: String, file: String) throws(SheetError) -> ControlSheet {
        try parse(root: SheetError.reading(try YAMLValue.parse(text, file: file)))
    }

    static let topLevelKeys: Set<String> = [
        "sku", "description", "finish", "artwork_revision", "checks", "aql", "dispositions",
    ]

    private static func parse(root: YAMLValue) throws(SheetError) -> ControlSheet {
        let file = root.file
        let fields = try SheetError.reading(try root.mapping(allowed: topLevelKeys, what: "a control sheet"))
        let sku = try SheetError.reading(try fields.string("sku"))
        if sku.isEmpty || sku == "~" || sku == "null" {
            throw .invalid(file: file, line: fields.line(of: "sku") ?? fields.line, key: "sku",
                           reason: "sku is empty; give the product's SKU, e.g. sku: PIN-30-SE-GOLD")
        }
        let description = try SheetError.reading(try fields.string("description", default: ""))
        let finish = try SheetError.reading(try fields.string("finish", default: ""))
        let revision = try SheetError.reading(try fields.string("artwork_revision", default: ""))
        let checks = try parseChecks(fields)
        let (level, aql) = try parseAQL(fields)
        let dispositions = try parseDispositions(fields)
        return ControlSheet(sku: sku, description: description, finish: finish, artworkRevision: revision,
                            checks: checks, inspectionLevel: level, aql: aql, dispositions: dispositions, file: file)
    }

    private static var checkNames: Set<String> { Set(SheetCheck.Kind.allCases.map(\.rawValue)) }

    private static func parseChecks(_ fields: YAMLObject) throws(SheetError) -> [SheetCheck] {
        let names = SheetCheck.Kind.allCases.map(\.rawValue).joined(separator: ", ")
        guard let value = fields.optional("checks"), !value.isNull else {
            throw .invalid(file: fields.file, line: fields.line(of: "checks") ?? fields.line, key: "checks",
                           reason: "the sheet has no checks; add a checks: mapping with at least one of \(names)")
        }
        let checkFields = try SheetError.reading(try value.mapping(allowed: checkNames, what: "checks"))
        var checks: [SheetCheck] = []
        for name in checkFields.keys {
            guard let kind = SheetCheck.Kind(rawValue: name), let checkValue = checkFields.optional(name) else { continue }
            checks.append(try SheetCheck.parse(kind, checkValue, keyLine: checkFields.line(of: name)))
        }
        if checks.isEmpty {
            throw .invalid(file: fields.file, line: fields.line(of: "checks"), key: "checks",
                           reason: "checks is empty; give at least one of \(names)")
        }
        return checks
    }

    /// `aql: {inspection_level: II, critical: 0, major: 2.5, minor: 4.0}`; every key optional.
    private static func parseAQL(_ fields: YAMLObject) throws(SheetError) -> (InspectionLevel, AQLSpecification?) {
        guard let value = fields.optional("aql"), !value.isNull else { return (.default, nil) }
        let keys: Set<String> = Set(["inspection_level"] + DefectClass.allCases.map(\.rawValue))
        let aqlFields = try SheetError.reading(try value.mapping(allowed: keys, what: "aql"))
        var level = InspectionLevel.default
        if let levelValue = aqlFields.optional("inspection_level") {
            let text = try SheetError.reading(try levelValue.string(what: "'inspection_level'"))
            do throws(SamplingError) { level = try InspectionLevel(parsing: text) } catch {
                throw .invalid(file: aqlFields.file, line: aqlFields.line(of: "inspection_level"),
                               key: "aql.inspection_level", reason: error.description)
            }
        }
        var perClass: [DefectClass: AQL] = [:]
        for defectClass in DefectClass.allCases {
            guard let aqlValue = aqlFields.optional(defectClass.rawValue) else { continue }
            let key = defectClass.rawValue
            _ = try SheetError.reading(try aqlValue.double(what: "'\(key)'"))
            let text = try SheetError.reading(try aqlValue.string(what: "'\(key)'"))
            do throws(SamplingError) { perClass[defectClass] = try AQL(parsing: text) } catch {
                throw .invalid(file: aqlFields.file, line: aqlFields.line(of: key), key: "aql.\(key)",
                               reason: error.description)
            }
        }
        return (level, perClass.isEmpty ? nil : .perClass(perClass))
    }

    /// `dispositions: {check_name: accept_with_discount | rework | replace}`.
    private static func parseDispositions(_ fields: YAMLObject) throws(SheetError) -> [String: Disposition] {
        guard let value = fields.optional("dispositions"), !value.isNull else { return [:] }
        let entries = try SheetError.reading(
            try value.mapping(allowed: checkNames, what: "dispositions (keys are check names)"))
        var dispositions: [String: Disposition] = [:]
        for name in entries.keys {
            let text = try SheetError.reading(try entries.string(name))
            guard let disposition = Disposition(rawValue: text) else {
                throw .invalid(file: entries.file, line: entries.line(of: name), key: "dispositions.\(name)",
                               reason: "unknown disposition '\(text)'; use one of \(Disposition.spellings)")
            }
            dispositions[name] = disposition
        }
        return dispositions
    }
}

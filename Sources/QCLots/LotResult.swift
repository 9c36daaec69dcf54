import Foundation

/// The outcome of scoring a lot (schema `qcvision.lot.v1`): the sampling plan, the decision per class and
/// for the lot, every unit, the defect map, the carton clustering, the diagnosis and the suggested
/// dispositions. Field names are a stable interface; add fields freely, never rename.
public struct LotResult: Sendable, Equatable, Codable {
    public static let schemaName = "qcvision.lot.v1"

    /// The decision for one class (or for all defects under a single bare AQL).
    public struct ClassSummary: Sendable, Equatable, Codable {
        /// The AQL (nil when the class has no plan of its own).
        public var aql: Double?
        public var sampleSize: Int?
        public var accept: Int?
        public var reject: Int?
        /// Units counted for this class (the first `min(inspected, sample size)` units).
        public var unitsCounted: Int
        /// Nonconforming units (or nonconformities, by the counting mode) of this class among them.
        public var nonconforming: Int
        /// accept, reject, incomplete, or not_planned for a class without its own AQL.
        public var decision: String
        public var moreUnitsNeeded: Int?
        /// Z1.4 reduced inspection: accepted with a count between Ac and Re.
        public var reinstatesNormal: Bool

        enum CodingKeys: String, CodingKey {
            case aql, sampleSize = "sample_size", accept, reject, unitsCounted = "units_counted", nonconforming
            case decision, moreUnitsNeeded = "more_units_needed", reinstatesNormal = "reinstates_normal"
        }
    }

    /// What one carton gave.
    public struct CartonSummary: Sendable, Equatable, Codable {
        public var carton: String
        public var line: String?
        public var dateCode: String?
        public var photos: Int
        public var inspected: Int
        public var failed: Int
        public var defective: Int

        enum CodingKeys: String, CodingKey {
            case carton, line, dateCode = "date_code", photos, inspected, failed, defective
        }
    }

    /// Units to pull from one carton to complete the sample.
    public struct Pull: Sendable, Equatable, Codable {
        public var carton: String
        /// Units of this carton measured so far.
        public var inspected: Int
        public var units: Int

        public init(carton: String, inspected: Int, units: Int) {
            self.carton = carton; self.inspected = inspected; self.units = units
        }
    }

    /// This lot as the switching rules see it (ISO 2859-1 clause 9.3); absent while incomplete.
    public struct SwitchingRecord: Sendable, Equatable, Codable {
        public var accepted: Bool
        public var reinstatesNormal: Bool
        /// Points added to the switching score, nil when the lot resets it.
        public var scoreAdd: Int?

        public init(accepted: Bool, reinstatesNormal: Bool, scoreAdd: Int?) {
            self.accepted = accepted; self.reinstatesNormal = reinstatesNormal; self.scoreAdd = scoreAdd
        }

        enum CodingKeys: String, CodingKey { case accepted, reinstatesNormal = "reinstates_normal", scoreAdd = "score_add" }
    }

    public var schema = LotResult.schemaName
    public var lot: String
    public var sku: String
    public var po: String
    public var supplier: String
    /// The master file or library id the units were compared with.
    public var master: String
    public var lotSize: Int
    public var inspectionLevel: String
    public var severity: String
    public var edition: String
    public var codeLetter: String
    /// Units to draw (the largest sample size over the class plans).
    public var sampleSize: Int
    /// "nonconforming_units" or "nonconformities".
    public var counting: String
    /// The AQLs as applied (`critical=0,major=2.5,minor=4.0`).
    public var aql: String
    /// Photos found.
    public var photos: Int
    /// Units measured.
    public var inspected: Int
    /// Photos that could not be measured.
    public var failed: Int
    /// critical, major, minor (always), and "all" under a single bare AQL.
    public var classes: [String: ClassSummary]
    /// accept, reject or incomplete.
    public var decision: String
    /// Classes that rejected the lot.
    public var rejectedBy: [String]
    /// Units still to measure when incomplete.
    public var moreUnitsNeeded: Int?
    /// Where to pull them from: cartons with the fewest measured units first.
    public var pullFrom: [Pull]
    public var units: [UnitRecord]
    public var failures: [UnitFailure]
    /// Files in the lot folder that are not photos (relative paths).
    public var ignoredFiles: [String]
    public var cartons: [CartonSummary]
    public var defectMap: DefectMap
    public var clustering: CartonClustering
    public var diagnosis: Diagnosis
    public var dispositions: [DispositionAdvice]
    public var switching: SwitchingRecord?
    /// ISO 8601 time of scoring.
    public var scoredAt: String
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case schema, lot, sku, po, supplier, master, lotSize = "lot_size", inspectionLevel = "inspection_level"
        case severity, edition, codeLetter = "code_letter", sampleSize = "sample_size", counting, aql, photos
        case inspected, failed, classes, decision, rejectedBy = "rejected_by", moreUnitsNeeded = "more_units_needed"
        case pullFrom = "pull_from", units, failures, ignoredFiles = "ignored_files", cartons
        case defectMap = "defect_map", clustering, diagnosis, dispositions, switching, scoredAt = "scored_at", notes
    }

    /// Pretty, key-sorted JSON (stable across runs for the same input and time). A value that is not finite
    /// (never expected) is written as the string "nan", "inf" or "-inf" rather than failing the whole report.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(self)
    }

    /// Reads a report.json written by `jsonData()`.
    public static func decode(_ data: Data) throws -> LotResult {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(LotResult.self, from: data)
    }

    /// The units that count towards the decision.
    public var sampledUnits: [UnitRecord] { units.filter(\.inSample) }
}

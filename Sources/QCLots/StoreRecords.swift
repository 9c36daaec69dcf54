import GRDB

/// Rows of the inspection store, one type per table (see `StoreMigrations` for the schema).
enum StoreRecords {
    /// `masters`: each master a lot was measured against, by its reference (file path or library id).
    struct Master: Codable, FetchableRecord, MutablePersistableRecord {
        static let databaseTableName = "masters"
        var id: Int64?
        var reference: String
        var sku: String
        var firstSeen: String

        enum CodingKeys: String, CodingKey { case id, reference, sku, firstSeen = "first_seen" }
        mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
    }

    /// `lots`: one scored lot, unique on (lot, sku, supplier).
    struct Lot: Codable, FetchableRecord, MutablePersistableRecord {
        static let databaseTableName = "lots"
        var id: Int64?
        var lot: String
        var sku: String
        var supplier: String
        var po: String
        var masterId: Int64
        var lotSize: Int
        var inspectionLevel: String
        var severity: String
        var codeLetter: String
        var sampleSize: Int
        var counting: String
        var aql: String
        var photos: Int
        var inspected: Int
        var failed: Int
        var defective: Int
        var decision: String
        var pattern: String
        var scoredAt: String
        /// When the lot was first scored; kept when it is re-scored, so its place in the SKU's history holds.
        var firstScoredAt: String
        /// The lot as the switching rules see it (JSON of `LotResult.SwitchingRecord`), nil while incomplete.
        var switching: String?
        /// The whole `qcvision.lot.v1` result.
        var reportJSON: String

        enum CodingKeys: String, CodingKey {
            case id, lot, sku, supplier, po, masterId = "master_id", lotSize = "lot_size"
            case inspectionLevel = "inspection_level", severity, codeLetter = "code_letter", sampleSize = "sample_size"
            case counting, aql, photos, inspected, failed, defective, decision, pattern, scoredAt = "scored_at"
            case firstScoredAt = "first_scored_at", switching, reportJSON = "report_json"
        }
        mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
    }

    /// `units`: one photo of a lot, measured or failed.
    struct Unit: Codable, FetchableRecord, MutablePersistableRecord {
        static let databaseTableName = "units"
        var id: Int64?
        var lotId: Int64
        var photo: String
        var carton: String?
        var line: String?
        var dateCode: String?
        /// "measured" or "failed".
        var status: String
        var worstClass: String?
        var inSample: Bool
        var overlay: String?
        var error: String?

        enum CodingKeys: String, CodingKey {
            case id, lotId = "lot_id", photo, carton, line, dateCode = "date_code", status, worstClass = "worst_class"
            case inSample = "in_sample", overlay, error
        }
        mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
    }

    /// `measurements`: one named value of a unit (`plating_tone.delta_e00`, `border_width_mm.min`, ...).
    struct Measurement: Codable, FetchableRecord, PersistableRecord {
        static let databaseTableName = "measurements"
        var unitId: Int64
        var lotId: Int64
        var name: String
        var value: Double

        enum CodingKeys: String, CodingKey { case unitId = "unit_id", lotId = "lot_id", name, value }
    }

    /// `defects`: one failed check of a unit.
    struct Defect: Codable, FetchableRecord, PersistableRecord {
        static let databaseTableName = "defects"
        var unitId: Int64
        var lotId: Int64
        var check: String
        var defectClass: String
        var value: Double
        var limit: Double
        var message: String

        enum CodingKeys: String, CodingKey {
            case unitId = "unit_id", lotId = "lot_id", check, defectClass = "class", value, limit, message
        }
    }

    /// `switching_state`: the ISO 2859-1 switching rules of one SKU from one supplier (JSON of `SwitchingRules`).
    struct SwitchingState: Codable, FetchableRecord, PersistableRecord {
        static let databaseTableName = "switching_state"
        var sku: String
        var supplier: String
        var state: String
        var status: String
        var lotsRecorded: Int
        var updatedAt: String

        enum CodingKeys: String, CodingKey {
            case sku, supplier, state, status, lotsRecorded = "lots_recorded", updatedAt = "updated_at"
        }
    }
}

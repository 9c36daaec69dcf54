import Foundation
import GRDB
import QCSampling

/// The inspection store: SQLite through GRDB, holding masters, lots, units, measurements, defects and the
/// ISO 2859-1 switching state per SKU and supplier.
///
/// A lot is written in one transaction: after a crash it is either fully there or not at all. Re-scoring a
/// lot (same lot id, SKU and supplier) replaces it: its old units, measurements and defects are deleted in
/// the same transaction, and it keeps its first-scored time and so its place in the SKU's history. The
/// switching state is recomputed in that transaction by replaying the SKU and supplier's lots in order.
public final class InspectionStore: Sendable {
    /// Where the database is (":memory:" for an in-memory store).
    public let path: String
    private let queue: DatabaseQueue

    /// `$XDG_DATA_HOME/qcvision/inspections.sqlite`, else `~/.local/share/qcvision/inspections.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            base = (home as NSString).appendingPathComponent(".local/share")
        }
        return ((base as NSString).appendingPathComponent("qcvision") as NSString)
            .appendingPathComponent("inspections.sqlite")
    }

    /// Opens (creating the file and its folder when needed) and migrates the store at `path`.
    public init(path: String) throws(StoreError) {
        self.path = path
        do {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            queue = try DatabaseQueue(path: path, configuration: Self.configuration)
            try StoreMigrations.migrator.migrate(queue)
        } catch {
            throw .cannotOpen(path: path, reason: Self.reason(error))
        }
    }

    /// A store in memory (tests, dry runs).
    public init() throws(StoreError) {
        self.path = ":memory:"
        do {
            queue = try DatabaseQueue(configuration: Self.configuration)
            try StoreMigrations.migrator.migrate(queue)
        } catch {
            throw .cannotOpen(path: ":memory:", reason: Self.reason(error))
        }
    }

    private static var configuration: Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.label = "qcvision.inspections"
        return config
    }

    /// The migrations applied, in order.
    public func appliedMigrations() throws(StoreError) -> [String] {
        try read { db in try StoreMigrations.migrator.appliedMigrations(db) }
    }

    // MARK: writing

    /// What `save` did.
    public struct SaveOutcome: Sendable, Equatable {
        /// True when a lot with the same id, SKU and supplier was replaced.
        public var replaced: Bool
        /// The switching state of the SKU and supplier after this lot.
        public var switching: SwitchingRules
    }

    /// Stores a lot in one transaction, replacing an earlier scoring of the same lot.
    ///
    /// `unitWritten` is called inside the transaction after each unit is written (with the number written so
    /// far); if it throws, the transaction rolls back and nothing of the lot is stored.
    @discardableResult
    public func save(_ result: LotResult, unitWritten: ((Int) throws -> Void)? = nil) throws(StoreError) -> SaveOutcome {
        let json: String
        do { json = String(decoding: try result.jsonData(), as: UTF8.self) } catch {
            throw .database(path: path, reason: "cannot encode lot \(result.lot): \(error)")
        }
        let switchingJSON = result.switching.flatMap { record in
            (try? JSONEncoder().encode(record)).map { String(decoding: $0, as: UTF8.self) }
        }
        do {
            return try queue.write { db -> SaveOutcome in
                let masterID = try Self.masterID(db, reference: result.master, sku: result.sku, now: result.scoredAt)
                let existing = try StoreRecords.Lot.filter(Column("lot") == result.lot && Column("sku") == result.sku
                                                           && Column("supplier") == result.supplier).fetchOne(db)
                if let existing { _ = try existing.delete(db) }   // cascades to units, measurements, defects
                var lot = StoreRecords.Lot(
                    id: nil, lot: result.lot, sku: result.sku, supplier: result.supplier, po: result.po, masterId: masterID,
                    lotSize: result.lotSize, inspectionLevel: result.inspectionLevel, severity: result.severity,
                    codeLetter: result.codeLetter, sampleSize: result.sampleSize, counting: result.counting,
                    aql: result.aql, photos: result.photos, inspected: result.inspected, failed: result.failed,
                    defective: result.units.filter(\.isDefective).count, decision: result.decision,
                    pattern: result.clustering.pattern.rawValue, scoredAt: result.scoredAt,
                    firstScoredAt: existing?.firstScoredAt ?? result.scoredAt, switching: switchingJSON, reportJSON: json)
                try lot.insert(db)
                guard let lotID = lot.id else { throw StoreError.database(path: path, reason: "lot row has no id") }
                var written = 0
                for unit in result.units {
                    var row = StoreRecords.Unit(id: nil, lotId: lotID, photo: unit.photo, carton: unit.carton, line: unit.line,
                                                dateCode: unit.dateCode, status: "measured", worstClass: unit.worstClass,
                                                inSample: unit.inSample, overlay: unit.overlayPath, error: nil)
                    try row.insert(db)
                    guard let unitID = row.id else { throw StoreError.database(path: path, reason: "unit row has no id") }
                    for (name, value) in MeasurementSeries.values(of: unit.measurements) {
                        try StoreRecords.Measurement(unitId: unitID, lotId: lotID, name: name, value: value).insert(db)
                    }
                    for defect in unit.defects {
                        try StoreRecords.Defect(unitId: unitID, lotId: lotID, check: defect.check,
                                                defectClass: defect.defectClass.rawValue, value: defect.value,
                                                limit: defect.limit, message: defect.message).insert(db)
                    }
                    written += 1
                    try unitWritten?(written)
                }
                for failure in result.failures {
                    var row = StoreRecords.Unit(id: nil, lotId: lotID, photo: failure.photo, carton: failure.carton,
                                                line: nil, dateCode: nil, status: "failed", worstClass: nil,
                                                inSample: false, overlay: nil, error: failure.error)
                    try row.insert(db)
                }
                let rules = try Self.replaySwitching(db, sku: result.sku, supplier: result.supplier, before: nil)
                let state = String(decoding: try JSONEncoder().encode(rules), as: UTF8.self)
                try StoreRecords.SwitchingState(sku: result.sku, supplier: result.supplier, state: state,
                                                status: rules.status.rawValue, lotsRecorded: rules.lotsRecorded,
                                                updatedAt: result.scoredAt).save(db)
                return SaveOutcome(replaced: existing != nil, switching: rules)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .interrupted(lot: result.lot, reason: Self.reason(error))
        }
    }

    /// Deletes a lot (and its units, measurements and defects); returns whether it existed.
    @discardableResult
    public func deleteLot(_ lot: String, sku: String, supplier: String) throws(StoreError) -> Bool {
        try write { db in
            let deleted = try StoreRecords.Lot.filter(Column("lot") == lot && Column("sku") == sku
                                                      && Column("supplier") == supplier).deleteAll(db)
            let rules = try Self.replaySwitching(db, sku: sku, supplier: supplier, before: nil)
            let state = String(decoding: try JSONEncoder().encode(rules), as: UTF8.self)
            try StoreRecords.SwitchingState(sku: sku, supplier: supplier, state: state, status: rules.status.rawValue,
                                            lotsRecorded: rules.lotsRecorded,
                                            updatedAt: LotEvaluation.isoString(Date())).save(db)
            return deleted > 0
        }
    }

    // MARK: reading

    /// A stored lot, in brief.
    public struct StoredLot: Sendable, Equatable, Codable {
        public var lot: String
        public var sku: String
        public var supplier: String
        public var po: String
        public var master: String
        public var decision: String
        public var severity: String
        public var sampleSize: Int
        public var inspected: Int
        public var failed: Int
        public var defective: Int
        public var pattern: String
        public var scoredAt: String
        public var firstScoredAt: String

        enum CodingKeys: String, CodingKey {
            case lot, sku, supplier, po, master, decision, severity, sampleSize = "sample_size", inspected, failed
            case defective, pattern, scoredAt = "scored_at", firstScoredAt = "first_scored_at"
        }
    }

    /// Lots of a SKU (optionally one supplier), oldest first by first scoring.
    public func lots(sku: String, supplier: String? = nil) throws(StoreError) -> [StoredLot] {
        try read { db in
            var sql = """
                SELECT lots.*, masters.reference AS master FROM lots JOIN masters ON masters.id = lots.master_id
                WHERE lots.sku = ?
                """
            var arguments: [any DatabaseValueConvertible] = [sku]
            if let supplier { sql += " AND lots.supplier = ?"; arguments.append(supplier) }
            sql += " ORDER BY lots.first_scored_at, lots.id"
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                StoredLot(lot: row["lot"], sku: row["sku"], supplier: row["supplier"], po: row["po"], master: row["master"],
                          decision: row["decision"], severity: row["severity"], sampleSize: row["sample_size"],
                          inspected: row["inspected"], failed: row["failed"], defective: row["defective"],
                          pattern: row["pattern"], scoredAt: row["scored_at"], firstScoredAt: row["first_scored_at"])
            }
        }
    }

    /// The full stored result of a lot, nil when absent.
    public func result(lot: String, sku: String, supplier: String) throws(StoreError) -> LotResult? {
        let json: String? = try read { db in
            try String.fetchOne(db, sql: "SELECT report_json FROM lots WHERE lot = ? AND sku = ? AND supplier = ?",
                                arguments: [lot, sku, supplier])
        }
        guard let json else { return nil }
        do { return try LotResult.decode(Data(json.utf8)) } catch {
            throw .corruptRecord(path: path, reason: "lot \(lot): \(error)")
        }
    }

    /// Row counts per table (for checks and tests).
    public func counts() throws(StoreError) -> [String: Int] {
        try read { db in
            var out: [String: Int] = [:]
            for table in ["masters", "lots", "units", "measurements", "defects", "switching_state"] {
                out[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            return out
        }
    }

    /// Per lot of a SKU (optionally one supplier): the median of each trended measurement over its measured units.
    public func lotMedians(sku: String, supplier: String? = nil) throws(StoreError) -> [String: [String: Double]] {
        try read { db in
            var sql = """
                SELECT lots.lot AS lot, lots.supplier AS supplier, measurements.name AS name, measurements.value AS value
                FROM measurements JOIN lots ON lots.id = measurements.lot_id WHERE lots.sku = ?
                """
            var arguments: [any DatabaseValueConvertible] = [sku]
            if let supplier { sql += " AND lots.supplier = ?"; arguments.append(supplier) }
            var values: [String: [String: [Double]]] = [:]
            let names = Set(MeasurementSeries.trended.map(\.name))
            for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)) {
                let name: String = row["name"]
                guard names.contains(name) else { continue }
                let key = History.key(lot: row["lot"], supplier: row["supplier"])
                values[key, default: [:]][name, default: []].append(row["value"])
            }
            return values.mapValues { perName in perName.compactMapValues { History.median($0) } }
        }
    }

    /// The switching rules of a SKU and supplier as stored (a fresh normal state when there is none).
    public func switchingRules(sku: String, supplier: String) throws(StoreError) -> SwitchingRules {
        let state: String? = try read { db in
            try String.fetchOne(db, sql: "SELECT state FROM switching_state WHERE sku = ? AND supplier = ?",
                                arguments: [sku, supplier])
        }
        guard let state else { return SwitchingRules() }
        do { return try JSONDecoder().decode(SwitchingRules.self, from: Data(state.utf8)) } catch {
            throw .corruptRecord(path: path, reason: "switching state of \(sku) / \(supplier): \(error)")
        }
    }

    /// The switching rules that apply to `lot` of a SKU and supplier: all earlier lots replayed (for a lot
    /// already stored, only those scored first before it), so re-scoring a lot uses the severity it had.
    public func switchingRules(forLot lot: String, sku: String, supplier: String) throws(StoreError) -> SwitchingRules {
        try read { db in try Self.replaySwitching(db, sku: sku, supplier: supplier, before: lot) }
    }

    /// Defective and measured units of a SKU's other lots (all suppliers), for the lot-specific comparison;
    /// nil when there are none.
    public func baseline(sku: String, excludingLot lot: String, supplier: String) throws(StoreError) -> CartonClustering.HistoryBaseline? {
        try read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT COUNT(*) AS lots, COALESCE(SUM(inspected), 0) AS inspected, COALESCE(SUM(defective), 0) AS defective
                FROM lots WHERE sku = ? AND NOT (lot = ? AND supplier = ?)
                """, arguments: [sku, lot, supplier])
            guard let row, let lots: Int = row["lots"], lots > 0 else { return nil }
            return CartonClustering.HistoryBaseline(lots: lots, inspected: row["inspected"], defective: row["defective"])
        }
    }

    // MARK: internals

    private static func masterID(_ db: Database, reference: String, sku: String, now: String) throws -> Int64 {
        if let found = try StoreRecords.Master.filter(Column("reference") == reference).fetchOne(db), let id = found.id {
            return id
        }
        var master = StoreRecords.Master(id: nil, reference: reference, sku: sku, firstSeen: now)
        try master.insert(db)
        return master.id ?? db.lastInsertedRowID
    }

    /// Replays the decided lots of a SKU and supplier in first-scored order; with `before`, only the lots
    /// scored first before that lot (all of them when it is not stored yet).
    private static func replaySwitching(_ db: Database, sku: String, supplier: String, before lot: String?) throws -> SwitchingRules {
        let rows = try StoreRecords.Lot.filter(Column("sku") == sku && Column("supplier") == supplier)
            .order(Column("first_scored_at"), Column("id")).fetchAll(db)
        var lots: [SwitchingLot] = []
        for row in rows {
            if let lot, row.lot == lot { break }
            guard let json = row.switching,
                  let record = try? JSONDecoder().decode(LotResult.SwitchingRecord.self, from: Data(json.utf8)) else { continue }
            lots.append(SwitchingLot(lotID: row.lot, accepted: record.accepted, reinstatesNormal: record.reinstatesNormal,
                                     score: record.scoreAdd.map { .add($0) } ?? .reset))
        }
        return SwitchingRules.replay(lots).rules
    }

    private func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try queue.read(body) } catch {
            throw .database(path: path, reason: Self.reason(error))
        }
    }

    private func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try queue.write(body) } catch {
            throw .database(path: path, reason: Self.reason(error))
        }
    }

    static func reason(_ error: any Error) -> String {
        if let db = error as? DatabaseError { return db.message ?? db.description }
        return String(describing: error)
    }
}

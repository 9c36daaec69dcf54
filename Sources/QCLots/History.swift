import Foundation
import QCImage
import QCSampling

/// The past lots of a SKU (optionally one supplier) from the store, oldest first: decision, defect counts and
/// the median of each trended measurement per lot, with the trend of each measurement, so a reorder is
/// judged against the same measured master (the masters used are listed, and a change of master is noted).
public struct History: Sendable, Equatable, Codable {
    public static let schemaName = "qcvision.history.v1"

    /// One past lot.
    public struct Entry: Sendable, Equatable, Codable {
        public var lot: String
        public var supplier: String
        public var po: String
        public var master: String
        public var scoredAt: String
        public var decision: String
        public var severity: String
        public var sampleSize: Int
        public var inspected: Int
        public var defective: Int
        public var pattern: String
        /// Lot median per measurement (`plating_tone.delta_e00`, ...).
        public var medians: [String: Double]

        enum CodingKeys: String, CodingKey {
            case lot, supplier, po, master, scoredAt = "scored_at", decision, severity, sampleSize = "sample_size"
            case inspected, defective, pattern, medians
        }
    }

    /// How one measurement's lot median moves lot over lot.
    public struct Trend: Sendable, Equatable, Codable {
        public var measurement: String
        public var label: String
        public var unit: String
        /// Per lot, in the order of `lots` (nil where a lot has no value).
        public var medians: [Double?]
        /// Latest lot's median minus the median of the earlier lots' medians.
        public var change: Double?
        /// "up", "down", "flat", or "n/a" with fewer than 2 lots.
        public var direction: String
        public var arrow: String
    }

    /// The switching state of one supplier of the SKU.
    public struct SwitchingSummary: Sendable, Equatable, Codable {
        public var supplier: String
        public var status: String
        public var switchingScore: Int
        public var lotsRecorded: Int
        enum CodingKeys: String, CodingKey {
            case supplier, status, switchingScore = "switching_score", lotsRecorded = "lots_recorded"
        }
    }

    public var schema = History.schemaName
    public var sku: String
    public var supplier: String?
    public var lots: [Entry]
    public var trends: [Trend]
    public var masters: [String]
    public var switching: [SwitchingSummary]
    public var notes: [String]

    /// Changes smaller than this count as flat (ΔE00 or mm).
    public static let flatBelow: [String: Double] = [
        "plating_tone.delta_e00": 0.3, "border_width_mm.min": 0.02, "overall_size_mm.width": 0.05,
        "overall_size_mm.height": 0.05, "fill_boundary_shift_mm.max": 0.02,
    ]

    /// Reads the history from the store.
    public static func load(from store: InspectionStore, sku: String, supplier: String? = nil) throws(StoreError) -> History {
        let stored = try store.lots(sku: sku, supplier: supplier)
        let medians = try store.lotMedians(sku: sku, supplier: supplier)
        let entries = stored.map { lot in
            Entry(lot: lot.lot, supplier: lot.supplier, po: lot.po, master: lot.master, scoredAt: lot.scoredAt,
                  decision: lot.decision, severity: lot.severity, sampleSize: lot.sampleSize, inspected: lot.inspected,
                  defective: lot.defective, pattern: lot.pattern,
                  medians: medians[key(lot: lot.lot, supplier: lot.supplier)] ?? [:])
        }
        var switching: [SwitchingSummary] = []
        for name in Array(Set(stored.map(\.supplier))).sorted() {
            let rules = try store.switchingRules(sku: sku, supplier: name)
            switching.append(SwitchingSummary(supplier: name, status: rules.status.rawValue,
                                              switchingScore: rules.switchingScore, lotsRecorded: rules.lotsRecorded))
        }
        return History(sku: sku, supplier: supplier, entries: entries, switching: switching)
    }

    /// Builds the trends and notes from entries in order.
    public init(sku: String, supplier: String?, entries: [Entry], switching: [SwitchingSummary] = []) {
        self.sku = sku
        self.supplier = supplier
        self.lots = entries
        self.switching = switching
        var masters: [String] = []
        for entry in entries where !masters.contains(entry.master) { masters.append(entry.master) }
        self.masters = masters
        var notes: [String] = []
        if entries.isEmpty { notes.append("no lots of \(sku) in the store yet") }
        if masters.count > 1 {
            notes.append("lots were measured against \(masters.count) different masters: medians are comparable only "
                + "between lots of the same master")
        }
        self.notes = notes
        self.trends = MeasurementSeries.trended.map { item in
            let series = entries.map { $0.medians[item.name] }
            let values = series.compactMap { $0 }
            guard values.count >= 2, let last = values.last,
                  let earlier = Self.median(Array(values.dropLast())) else {
                return Trend(measurement: item.name, label: item.label, unit: item.unit, medians: series, change: nil,
                             direction: "n/a", arrow: "·")
            }
            let change = last - earlier
            let step = Self.flatBelow[item.name] ?? 0
            let direction = abs(change) < step ? "flat" : (change > 0 ? "up" : "down")
            let arrow = ["up": "↑", "down": "↓"][direction] ?? "→"
            return Trend(measurement: item.name, label: item.label, unit: item.unit, medians: series, change: change,
                         direction: direction, arrow: arrow)
        }
    }

    /// A table of lots and a line per trend, for the terminal.
    public func text() -> String {
        var lines = ["History of \(sku)" + (supplier.map { " from \($0)" } ?? "") + ": \(lots.count) lot(s)"]
        guard !lots.isEmpty else { return (lines + notes.map { "  note: \($0)" }).joined(separator: "\n") }
        let header = ["scored", "lot", "supplier", "decision", "defective", "ΔE00", "border min", "width", "height", "shift"]
        var rows: [[String]] = [header]
        for entry in lots {
            func m(_ name: String, _ digits: Int) -> String { entry.medians[name].map { NumberText.fixed($0, digits) } ?? "–" }
            rows.append([String(entry.scoredAt.prefix(10)), entry.lot, entry.supplier, entry.decision,
                         "\(entry.defective)/\(entry.inspected)", m("plating_tone.delta_e00", 2), m("border_width_mm.min", 3),
                         m("overall_size_mm.width", 3), m("overall_size_mm.height", 3), m("fill_boundary_shift_mm.max", 3)])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            lines.append("  " + row.enumerated().map { column, cell in
                cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  "))
        }
        lines.append("Trends (lot medians, oldest → newest):")
        for trend in trends {
            let series = trend.medians.map { $0.map { NumberText.fixed($0, 3) } ?? "–" }.joined(separator: " → ")
            let change = trend.change.map { " (" + (($0 >= 0) ? "+" : "") + NumberText.fixed($0, 3) + " \(trend.unit))" } ?? ""
            lines.append("  \(trend.arrow) \(trend.label): \(series)\(change)")
        }
        for state in switching {
            lines.append("Switching (\(state.supplier)): \(state.status) inspection, score \(state.switchingScore), "
                + "\(state.lotsRecorded) lot(s) recorded")
        }
        lines += notes.map { "  note: \($0)" }
        return lines.joined(separator: "\n")
    }

    /// Pretty, key-sorted JSON.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(self)
    }

    static func key(lot: String, supplier: String) -> String { lot + "\u{1F}" + supplier }

    static func median(_ values: [Double]) -> Double? { RobustStatistics.median(values) }
}

import Foundation
import QCLots
import QCSampling
import Testing

/// Where a test store lives.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case memory, disk
    var testDescription: String { rawValue }

    func open() throws -> (InspectionStore, cleanup: () -> Void) {
        switch self {
        case .memory:
            return (try InspectionStore(), {})
        case .disk:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qcstore-\(UUID().uuidString)").path
            let store = try InspectionStore(path: folder + "/nested/inspections.sqlite")
            return (store, { try? FileManager.default.removeItem(atPath: folder) })
        }
    }
}

/// Lot results for store tests, scored from small fake lots.
enum StoreFixtures {
    static func result(lot: String = "L2611-A", supplier: String = "Dongguan Bright Metal Co.", plating: Double = 0.6,
                       defects: Int = 0, units: Int = 20, at seconds: Double = 1_780_000_000) throws -> LotResult {
        let good = FakeUnit(deltaE: plating)
        let list = repeated(.majorBorder, defects) + repeated(good, units - defects)
        let test = try TestLot(cartons: [("carton-01", Array(list.prefix(units / 2))), ("carton-02", Array(list.dropFirst(units / 2)))])
        defer { test.remove() }
        var result = try test.score(at: Date(timeIntervalSince1970: seconds))
        result.lot = lot
        result.supplier = supplier
        result.master = "/masters/PIN-R30-GLD.qcmaster"
        return result
    }
}

@Suite("Inspection store")
struct StoreTests {
    @Test("Round trip: a lot, its units, measurements and defects come back", arguments: StoreKind.allCases)
    func roundTrip(kind: StoreKind) throws {
        let (store, cleanup) = try kind.open()
        defer { cleanup() }
        #expect(try store.appliedMigrations() == ["v1-initial"])
        let result = try StoreFixtures.result(defects: 1)
        let outcome = try store.save(result)
        #expect(!outcome.replaced)
        #expect(outcome.switching.lotsRecorded == 1)
        let counts = try store.counts()
        #expect(counts["lots"] == 1 && counts["units"] == 20 && counts["defects"] == 1 && counts["masters"] == 1)
        #expect(counts["measurements"] == 20 * 13)
        #expect(counts["switching_state"] == 1)
        #expect(try store.result(lot: result.lot, sku: result.sku, supplier: result.supplier) == result)
        let lots = try store.lots(sku: "PIN-R30-GLD")
        #expect(lots.count == 1 && lots[0].decision == result.decision && lots[0].defective == 1)
        #expect(lots[0].master == "/masters/PIN-R30-GLD.qcmaster")
        let medians = try store.lotMedians(sku: "PIN-R30-GLD")
        #expect(medians.values.first?["plating_tone.delta_e00"] == 0.6)
    }

    @Test("Re-scoring a lot replaces it, keeping its place in the history", arguments: StoreKind.allCases)
    func replaceOnRescore(kind: StoreKind) throws {
        let (store, cleanup) = try kind.open()
        defer { cleanup() }
        let first = try StoreFixtures.result(defects: 2, at: 1_780_000_000)
        try store.save(first)
        try store.save(StoreFixtures.result(lot: "L2612-B", at: 1_780_100_000))
        let again = try StoreFixtures.result(defects: 0, units: 24, at: 1_780_200_000)
        let outcome = try store.save(again)
        #expect(outcome.replaced)
        let counts = try store.counts()
        #expect(counts["lots"] == 2 && counts["units"] == 44 && counts["defects"] == 0)
        let lots = try store.lots(sku: "PIN-R30-GLD")
        #expect(lots.map(\.lot) == ["L2611-A", "L2612-B"])
        #expect(lots[0].scoredAt == again.scoredAt && lots[0].firstScoredAt == first.scoredAt)
        #expect(lots[0].decision == "accept")
        #expect(outcome.switching.lotsRecorded == 2)
        #expect(try store.switchingRules(sku: again.sku, supplier: again.supplier).lotsRecorded == 2)
    }

    @Test("Switching state follows the lots: two rejections in five switch to tightened", arguments: StoreKind.allCases)
    func switching(kind: StoreKind) throws {
        let (store, cleanup) = try kind.open()
        defer { cleanup() }
        try store.save(StoreFixtures.result(lot: "A", defects: 3, at: 1))
        #expect(try store.switchingRules(forLot: "B", sku: "PIN-R30-GLD", supplier: "Dongguan Bright Metal Co.").status == .normal)
        let outcome = try store.save(StoreFixtures.result(lot: "B", defects: 2, at: 2))
        #expect(outcome.switching.status == .tightened)
        // Re-scoring B uses the state before B (normal); an accepted B undoes the switch.
        #expect(try store.switchingRules(forLot: "B", sku: "PIN-R30-GLD", supplier: "Dongguan Bright Metal Co.").status == .normal)
        #expect(try store.save(StoreFixtures.result(lot: "B", at: 3)).switching.status == .normal)
        // Another supplier has its own state.
        #expect(try store.switchingRules(sku: "PIN-R30-GLD", supplier: "Other").lotsRecorded == 0)
    }

    @Test("A write that fails midway leaves nothing of the lot", arguments: StoreKind.allCases)
    func atomicity(kind: StoreKind) throws {
        let (store, cleanup) = try kind.open()
        defer { cleanup() }
        let kept = try StoreFixtures.result()
        try store.save(kept)
        let before = try store.counts()
        struct Crash: Error {}
        let second = try StoreFixtures.result(lot: "L2612-B", defects: 3)
        #expect(throws: StoreError.self) {
            try store.save(second) { written in if written == 7 { throw Crash() } }
        }
        #expect(try store.counts() == before)
        #expect(try store.result(lot: "L2612-B", sku: second.sku, supplier: second.supplier) == nil)
        // A failed re-score leaves the earlier scoring in place.
        #expect(throws: StoreError.self) {
            try store.save(StoreFixtures.result(defects: 5)) { written in if written == 3 { throw Crash() } }
        }
        #expect(try store.result(lot: kept.lot, sku: kept.sku, supplier: kept.supplier) == kept)
        #expect(try store.counts() == before)
    }

    @Test("History: lots in order with decisions, lot medians and trends")
    func history() throws {
        let store = try InspectionStore()
        try store.save(StoreFixtures.result(lot: "L1", plating: 0.5, at: 1_780_000_000))
        try store.save(StoreFixtures.result(lot: "L2", plating: 0.7, defects: 2, at: 1_780_100_000))
        try store.save(StoreFixtures.result(lot: "L3", plating: 1.6, at: 1_780_200_000))
        let history = try History.load(from: store, sku: "PIN-R30-GLD")
        #expect(history.lots.map(\.lot) == ["L1", "L2", "L3"])
        #expect(history.lots.map(\.decision) == ["accept", "reject", "accept"])
        let plating = try #require(history.trends.first { $0.measurement == "plating_tone.delta_e00" })
        #expect(plating.medians == [0.5, 0.7, 1.6])
        #expect(plating.direction == "up" && plating.arrow == "↑")
        let border = try #require(history.trends.first { $0.measurement == "border_width_mm.min" })
        #expect(border.direction == "flat")
        #expect(history.masters == ["/masters/PIN-R30-GLD.qcmaster"])
        let text = history.text()
        #expect(text.contains("↑ plating ΔE00: 0.500 → 0.700 → 1.600"))
        #expect(text.contains("L2") && text.contains("reject"))
        let json = try JSONSerialization.jsonObject(with: history.jsonData()) as? [String: Any]
        #expect(json?["schema"] as? String == "qcvision.history.v1")
        #expect(try History.load(from: store, sku: "NOPE").notes.contains { $0.contains("no lots") })
    }

    @Test("The default path follows XDG_DATA_HOME, else ~/.local/share")
    func defaultPath() {
        #expect(InspectionStore.defaultPath(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/q"]) == "/data/qcvision/inspections.sqlite")
        #expect(InspectionStore.defaultPath(environment: ["HOME": "/home/q"]) == "/home/q/.local/share/qcvision/inspections.sqlite")
    }
}

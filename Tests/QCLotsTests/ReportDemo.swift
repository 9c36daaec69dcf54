import Foundation
import QCLots
import Testing

/// Writes a realistic demo report folder for looking at report.html in a browser
/// (`Tests/render-lot-report.sh` renders it with headless Chromium). Does nothing in a normal test run.
@Suite("Report demo")
struct ReportDemo {
    static let outputVariable = "QCLOTS_DEMO_REPORT"

    @Test("Demo report folder (only when QCLOTS_DEMO_REPORT names a folder)")
    func demo() throws {
        guard let output = ProcessInfo.processInfo.environment[Self.outputVariable] else { return }
        // QCLOTS_DEMO_KIND: "reject" (default), "accept" (no drifting carton) or "incomplete" (no drift, two
        // cartons not photographed yet).
        let kind = ProcessInfo.processInfo.environment["QCLOTS_DEMO_KIND"] ?? "reject"
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/pin-round-30").path
        // Lot 1000 at level II: code letter J, sample 80. Carton 03 came out of a drifting plating bath;
        // two oversize units slipped through the supplier's screening elsewhere.
        func carton(_ index: Int) -> [FakeUnit] {
            (0..<16).map { i in
                var unit = FakeUnit(width: 30 + 0.03 * wobble(i + index), height: 30 + 0.03 * wobble(i + 2 * index),
                                    border: 0.8 + 0.02 * wobble(i + 3 * index), shift: 0.05 + 0.03 * wobble(i + index + 1),
                                    deltaE: 0.7 + 0.3 * wobble(i + 5 * index))
                if index == 3, kind == "reject" { unit.deltaE = 2.2 + 0.6 * wobble(i) }
                if (index, i) == (1, 9) || (index, i) == (4, 2) { unit.width = 30.42 }
                if (index, i) == (5, 12) { unit.border = 0.66; unit.shift = 0.19 }
                return unit
            }
        }
        var lot = try TestLot(name: "L2611-A", lotSize: 1000, cartons: (1...(kind == "incomplete" ? 3 : 5)).map { (String(format: "carton-%02d", $0) + ($0 == 3 ? "_line-B_2611" : ""), carton($0)) }
                                + [("carton-06", [FakeUnit.broken])],
                              extraFiles: ["packing-list.pdf", "carton-02/notes <draft>.txt"])
        defer { lot.remove() }
        lot.overlaySources = ["good": fixtures + "/unit-good.jpg", "plating_tone_delta_e00": fixtures + "/unit-plating.jpg",
                              "fill_boundary_shift_mm": fixtures + "/unit-fill-offset.jpg",
                              "border_width_mm": fixtures + "/unit-fill-offset.jpg", "overall_size_mm": fixtures + "/unit-good.jpg"]
        let result = try lot.score(baseline: .init(lots: 4, inspected: 320, defective: 6), at: Date())
        try? FileManager.default.removeItem(atPath: output)
        try ReportWriter.write(result, to: output)
        print(LotSummary.text(result))
    }
}

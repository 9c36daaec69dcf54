import QCLots
import Testing

@Suite("Diagnosis")
struct DiagnosisTests {
    /// 4 cartons of 8 with identical geometry spreads; `plating(carton, i)` gives each unit's ΔE00.
    static func lot(plating: (Int, Int) -> Double, border: (Int, Int) -> Double = { _, i in 0.8 + 0.01 * wobble(i) },
                    width: (Int, Int) -> Double = { _, i in 30 + 0.03 * wobble(i + 3) }) -> [UnitRecord] {
        records((0..<4).map { c in
            ("carton-0\(c + 1)", (0..<8).map { i in
                FakeUnit(width: width(c, i), height: 30 + 0.03 * wobble(i + 5), border: border(c, i),
                         shift: 0.03 + 0.01 * wobble(i + 7), deltaE: plating(c, i))
            })
        })
    }

    @Test("Process drift: plating tone differs by carton while geometry is stable")
    func processDrift() throws {
        let units = Self.lot(plating: { c, i in [0.4, 0.9, 2.4, 3.2][c] + 0.1 * wobble(i) })
        let diagnosis = Diagnosis(units: units)
        let drift = try #require(diagnosis.findings.first { $0.kind == .processDrift })
        #expect((drift.evidence["plating_p"] ?? 1) < 0.001)
        #expect((drift.evidence["border_min_p"] ?? 0) > 0.5)
        #expect(drift.summary.contains("carton-04"))
        #expect(!diagnosis.findings.contains { $0.kind == .substitution || $0.kind == .screeningBreakdown })
    }

    @Test("No process drift when geometry moves with the plating (or plating is even)")
    func notDrift() {
        let both = Self.lot(plating: { c, i in [0.4, 0.9, 2.4, 3.2][c] + 0.1 * wobble(i) },
                            border: { c, i in [0.76, 0.8, 0.84, 0.88][c] + 0.005 * wobble(i) })
        #expect(!Diagnosis(units: both).findings.contains { $0.kind == .processDrift })
        let even = Self.lot(plating: { _, i in 0.8 + 0.2 * wobble(i) })
        #expect(Diagnosis(units: even).findings.isEmpty)
    }

    @Test("Substitution: the whole lot's border is shifted beyond half the tolerance, with a low spread")
    func substitution() throws {
        let units = Self.lot(plating: { _, i in 0.8 + 0.2 * wobble(i) }, border: { _, i in 0.735 + 0.004 * wobble(i) })
        let finding = try #require(Diagnosis(units: units).findings.first { $0.kind == .substitution })
        #expect(finding.check == "border_width_mm")
        #expect(abs((finding.evidence["shift"] ?? 0) + 0.065) < 0.005)
        #expect((finding.evidence["share_shifted"] ?? 0) == 1)
    }

    @Test("Screening breakdown: normal goods with a few far outliers")
    func screening() throws {
        let units = Self.lot(plating: { _, i in 0.8 + 0.2 * wobble(i) },
                             width: { c, i in (c, i) == (0, 3) || (c, i) == (2, 6) ? 30.6 : 30 + 0.03 * wobble(i + 3) })
        let diagnosis = Diagnosis(units: units)
        let finding = try #require(diagnosis.findings.first { $0.kind == .screeningBreakdown })
        #expect(finding.evidence["outlier_units"] == 2)
        #expect(finding.summary.contains("carton-01/u-4.jpg"))
        #expect(!diagnosis.findings.contains { $0.kind == .substitution })
    }

    @Test("No screening breakdown when the outliers are too many to be random misses")
    func tooManyOutliers() {
        let units = Self.lot(plating: { _, i in 0.8 + 0.2 * wobble(i) }, width: { _, i in i < 2 ? 30.6 : 30 + 0.03 * wobble(i + 3) })
        #expect(!Diagnosis(units: units).findings.contains { $0.kind == .screeningBreakdown })
    }
}

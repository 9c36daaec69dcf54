import QCInspection
import QCSampling
import Testing

/// Measurements of a unit; every value defaults to the example sheet's nominal (a perfect unit).
func unit(width: Double = 30.0, height: Double = 30.0,
          border: (top: Double, right: Double, bottom: Double, left: Double, min: Double) = (0.80, 0.80, 0.80, 0.80, 0.80),
          shift: Double = 0.02, tone: Measurements.PlatingTone? = tone(0.4)) -> Measurements {
    Measurements(overallSize: .init(width: width, height: height),
                 borderWidth: .init(top: border.top, right: border.right, bottom: border.bottom, left: border.left,
                                    min: border.min),
                 fillBoundaryShift: .init(max: shift, p95: shift * 0.8, hiddenPoints: 0, points: 400),
                 platingTone: tone)
}

/// A plating tone with ΔE00 `deltaE` and the given direction words.
func tone(_ deltaE: Double, _ words: [String] = []) -> Measurements.PlatingTone {
    .init(deltaE00: deltaE, deltaL: 0, deltaA: 0, deltaB: 0, direction: words)
}

@Suite struct ControlSheetJudgeTests {
    let sheet: ControlSheet
    /// A master that differs from the sheet's nominals, so tests can tell which nominal was used.
    let master = MasterNominals(overallWidth: 30.40, overallHeight: 29.60, borderWidth: 0.95)

    init() throws { sheet = try ControlSheet.parse(yaml: exampleSheet, file: "example.yaml") }

    func status(_ judgement: SheetJudgement, _ check: String) -> String? {
        judgement.checks.first { $0.check == check }?.status
    }

    @Test func perfectUnitPassesEveryCheckInSheetOrder() {
        let judgement = sheet.judge(unit(), nominals: master)
        #expect(judgement.checks.map(\.check) == ["overall_size_mm", "border_width_mm", "fill_boundary_shift_mm",
                                                   "plating_tone_delta_e00"])
        #expect(judgement.checks.allSatisfy { $0.status == "ok" })
        #expect(judgement.defects.isEmpty)
        #expect(judgement.notes.isEmpty)
        #expect(judgement.worstClass == nil)
        let border = judgement.checks[1]
        #expect(border.nominal == 0.80 && border.lower == 0.70 && border.upper == 0.90, "sheet nominal, not the master's")
    }

    @Test func omittedNominalsComeFromTheMaster() throws {
        let fallback = try ControlSheet.parse(yaml: example([
            6: "  overall_size_mm: {tolerance: 0.15, class: major}",
            7: "  border_width_mm: {tolerance: 0.10, class: major}",
        ]), file: "fallback.yaml")
        // A unit exactly like the master passes, although it is off the example sheet's 30 x 30 / 0.80.
        let likeMaster = unit(width: 30.40, height: 29.60, border: (0.95, 0.95, 0.95, 0.95, 0.95))
        #expect(fallback.judge(likeMaster, nominals: master).defects.isEmpty)
        #expect(!sheet.judge(likeMaster, nominals: master).defects.isEmpty)

        // A unit at the drawing's 30 x 30 / 0.80 is out against the master's nominals.
        let judgement = fallback.judge(unit(), nominals: master)
        let size = try #require(judgement.checks.first)
        #expect(size.nominal == 30.40 && size.lower == 30.25 && size.upper == 30.55 && size.value == 30.0)
        try #require(judgement.defects.map(\.check) == ["overall_size_mm", "border_width_mm"])
        #expect(judgement.defects[0].message == "overall size width 30.00 mm below 30.25 mm (nominal 30.40 ± 0.15 "
            + "from the master), height 30.00 mm above 29.75 mm (nominal 29.60 ± 0.15 from the master)")
        #expect(judgement.defects[1].limit == 0.85 && judgement.defects[1].value == 0.80)
    }

    @Test func masterNominalsArePrintedToThreeDecimals() throws {
        let fallback = try ControlSheet.parse(yaml: example(line: 7, "  border_width_mm: {tolerance: 0.10, class: major}"),
                                              file: "fallback.yaml")
        let measuredMaster = MasterNominals(overallWidth: 30, overallHeight: 30, borderWidth: 0.8123456)
        let judgement = fallback.judge(unit(border: (0.80, 0.60, 0.80, 0.80, 0.75)), nominals: measuredMaster)
        let defect = try #require(judgement.defects.first)
        #expect(defect.message == "border width right 0.60 mm below 0.712 mm (nominal 0.812 ± 0.10 from the master)")
        #expect(abs(defect.limit - 0.7123456) < 1e-12)
    }

    @Test(arguments: [(1.5, "ok"), (2.5, "minor"), (4.5, "major"), (2.0, "ok"), (4.0, "minor")])
    func platingTiers(_ deltaE: Double, _ expected: String) {
        let judgement = sheet.judge(unit(tone: tone(deltaE)), nominals: master)
        #expect(status(judgement, "plating_tone_delta_e00") == expected)
        let defect = judgement.defects.first { $0.check == "plating_tone_delta_e00" }
        #expect(defect?.defectClass.rawValue == (expected == "ok" ? nil : expected))
        #expect(defect?.limit == (expected == "ok" ? nil : deltaE > 4.0 ? 4.0 : 2.0))
    }

    @Test(arguments: [(0.75, "ok"), (0.65, "minor"), (0.55, "major"), (1.05, "major")])
    func toleranceTiers(_ right: Double, _ expected: String) throws {
        let tiered = try ControlSheet.parse(yaml: example(line: 7, """
              border_width_mm: {nominal: 0.80, tolerance: [{tolerance: 0.10, class: minor}, {tolerance: 0.20, class: major}]}
            """), file: "tiered.yaml")
        let judgement = tiered.judge(unit(border: (0.80, right, 0.80, 0.80, 0.78)), nominals: master)
        #expect(status(judgement, "border_width_mm") == expected)
        #expect(judgement.checks[1].lower == 0.70 && judgement.checks[1].upper == 0.90, "first tier's bounds")
    }

    @Test func borderFailsOnOneSideAndNamesIt() throws {
        let judgement = sheet.judge(unit(border: (0.80, 0.61, 0.80, 0.80, 0.75)), nominals: master)
        let defect = try #require(judgement.defects.first)
        #expect(judgement.defects.count == 1)
        #expect(defect == Defect(check: "border_width_mm", defectClass: .major, value: 0.61, limit: 0.70,
                                 message: "border width right 0.61 mm below 0.70 mm (nominal 0.80 ± 0.10)"))
        #expect(judgement.checks[1] == CompareResult.CheckResult(check: "border_width_mm", value: 0.61, nominal: 0.80,
                                                                 lower: 0.70, upper: 0.90, status: "major"))
        #expect(judgement.worstClass == .major)
    }

    @Test func borderNamesEveryOffendingSideAndReportsTheWorst() throws {
        // Fill offset to the right: thin right rim, thick left rim, thinnest point thinner still.
        let judgement = sheet.judge(unit(border: (0.80, 0.62, 0.80, 1.00, 0.58)), nominals: master)
        let defect = try #require(judgement.defects.first)
        #expect(defect.message == "border width right 0.62 mm below 0.70 mm, left 1.00 mm above 0.90 mm, "
            + "min 0.58 mm below 0.70 mm (nominal 0.80 ± 0.10)")
        #expect(defect.value == 0.58 && defect.limit == 0.70)
        #expect(judgement.checks[1].value == 0.58)
    }

    @Test func borderValueWithinLimitsIsTheOneClosestToABound() {
        let judgement = sheet.judge(unit(border: (0.82, 0.76, 0.88, 0.80, 0.74)), nominals: master)
        #expect(judgement.checks[1].value == 0.88)
        #expect(judgement.checks[1].status == "ok")
    }

    @Test func overallSizeNamesTheDimension() throws {
        let judgement = sheet.judge(unit(height: 29.70), nominals: master)
        let defect = try #require(judgement.defects.first)
        #expect(defect == Defect(check: "overall_size_mm", defectClass: .major, value: 29.70, limit: 29.85,
                                 message: "overall size height 29.70 mm below 29.85 mm (nominal 30.00 ± 0.15)"))
        #expect(judgement.checks[0].value == 29.70 && judgement.checks[0].status == "major")
    }

    @Test func valuesExactlyAtTheLimitPass() {
        let atLimits = unit(width: 30.15, height: 29.85, border: (0.70, 0.90, 0.70, 0.90, 0.70), shift: 0.15,
                            tone: tone(2.0))
        let judgement = sheet.judge(atLimits, nominals: master)
        #expect(judgement.defects.isEmpty, "\(judgement.defects.map(\.message))")
        #expect(judgement.checks.allSatisfy { $0.status == "ok" })
    }

    @Test func valuesJustBeyondTheLimitFail() throws {
        let beyond = unit(width: 30.1501, height: 29.8499, border: (0.6999, 0.80, 0.80, 0.9001, 0.80), shift: 0.1501,
                          tone: tone(2.0001))
        let judgement = sheet.judge(beyond, nominals: master)
        try #require(judgement.defects.map(\.check) == ["overall_size_mm", "border_width_mm",
                                                         "fill_boundary_shift_mm", "plating_tone_delta_e00"])
        // Values that would round onto the limit are printed with more decimals.
        #expect(judgement.defects[1].message == "border width top 0.6999 mm below 0.70 mm, left 0.9001 mm above "
            + "0.90 mm (nominal 0.80 ± 0.10)")
    }

    @Test func fillBoundaryShiftUsesTheP99() throws {
        let judgement = sheet.judge(unit(shift: 0.20), nominals: master)
        let defect = try #require(judgement.defects.first)
        #expect(defect == Defect(check: "fill_boundary_shift_mm", defectClass: .minor, value: 0.20, limit: 0.15,
                                 message: "fill boundary shift 0.20 mm above 0.15 mm"))
    }

    @Test func platingMessageCarriesTheDirection() throws {
        let judgement = sheet.judge(unit(tone: tone(2.63, ["darker", "greener"])), nominals: master)
        let defect = try #require(judgement.defects.first)
        #expect(defect.message == "plating ΔE00 2.6 above 2.0 (darker, greener)")
        #expect(defect.defectClass == .minor && defect.value == 2.63 && defect.limit == 2.0)
    }

    @Test func platingNotMeasured() {
        let judgement = sheet.judge(unit(tone: nil), nominals: master)
        let plating = judgement.checks.first { $0.check == "plating_tone_delta_e00" }
        #expect(plating?.status == "not_measured")
        #expect(plating?.upper == 2.0)
        #expect(judgement.defects.isEmpty)
        #expect(judgement.notes.count == 1)
        #expect(judgement.notes.first?.hasPrefix("plating_tone_delta_e00 not measured") == true)
    }

    @Test func omittedChecksAreNotJudged() throws {
        let lean = try ControlSheet.parse(yaml: """
            sku: MAG-1
            checks:
              fill_boundary_shift_mm: [{max: 0.30, class: minor}, {max: 0.60, class: major}]
            """, file: "lean.yaml")
        let judgement = lean.judge(unit(width: 99, shift: 0.7, tone: nil), nominals: master)
        #expect(judgement.checks.map(\.check) == ["fill_boundary_shift_mm"])
        #expect(judgement.defects.map(\.defectClass) == [.major])
        #expect(judgement.notes.isEmpty)
    }
}

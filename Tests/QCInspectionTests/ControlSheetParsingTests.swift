import Foundation
import QCConfig
import QCInspection
import QCSampling
import Testing

/// The control sheet of the issue, line by line (line numbers matter to the error tests).
let exampleSheet = """
sku: PIN-30-SE-GOLD
description: 30 mm soft enamel pin, imitation gold, butterfly clutch
finish: imitation gold
artwork_revision: C
checks:
  overall_size_mm: {width: 30.0, height: 30.0, tolerance: 0.15, class: major}
  border_width_mm: {nominal: 0.80, tolerance: 0.10, class: major}
  fill_boundary_shift_mm: {max: 0.15, class: minor}
  plating_tone_delta_e00: [{max: 2.0, class: minor}, {max: 4.0, class: major}]
aql: {inspection_level: II, critical: 0, major: 2.5, minor: 4.0}
dispositions:            # optional (used by lot reports): per check, what a buyer proposes
  plating_tone_delta_e00: accept_with_discount
  border_width_mm: rework
  overall_size_mm: replace
  fill_boundary_shift_mm: accept_with_discount

"""

/// The example with 1-based line `number` replaced by `text`.
func example(line number: Int, _ text: String) -> String { example([number: text]) }

/// The example with lines replaced (1-based line number: new text, which may span several lines).
func example(_ replacements: [Int: String]) -> String {
    var lines = exampleSheet.components(separatedBy: "\n")
    for (number, text) in replacements { lines[number - 1] = text }
    return lines.joined(separator: "\n")
}

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

@Suite struct ControlSheetParsingTests {
    /// The error `yaml` is refused with, or nil if it parses.
    func refusal(_ yaml: String) -> SheetError? {
        do { _ = try ControlSheet.parse(yaml: yaml, file: "sheet.yaml") } catch { return error }
        return nil
    }

    @Test func parsesTheIssueExampleExactly() throws {
        let sheet = try ControlSheet.parse(yaml: exampleSheet, file: "PIN-30-SE-GOLD.yaml")
        let expected = ControlSheet(
            sku: "PIN-30-SE-GOLD", description: "30 mm soft enamel pin, imitation gold, butterfly clutch",
            finish: "imitation gold", artworkRevision: "C",
            checks: [
                .overallSize(width: 30.0, height: 30.0, tiers: [.init(limit: 0.15, defectClass: .major)]),
                .borderWidth(nominal: 0.80, tiers: [.init(limit: 0.10, defectClass: .major)]),
                .fillBoundaryShift(tiers: [.init(limit: 0.15, defectClass: .minor)]),
                .platingTone(tiers: [.init(limit: 2.0, defectClass: .minor), .init(limit: 4.0, defectClass: .major)]),
            ],
            inspectionLevel: .ii,
            aql: .perClass([.critical: .zero, .major: try AQL(2.5), .minor: try AQL(4.0)]),
            dispositions: ["plating_tone_delta_e00": .acceptWithDiscount, "border_width_mm": .rework,
                           "overall_size_mm": .replace, "fill_boundary_shift_mm": .acceptWithDiscount],
            file: "PIN-30-SE-GOLD.yaml")
        #expect(sheet == expected)
        #expect(sheet.checks.map(\.name) == ["overall_size_mm", "border_width_mm", "fill_boundary_shift_mm",
                                              "plating_tone_delta_e00"])
        #expect(sheet.check(named: "border_width_mm")?.kind == .borderWidth)
    }

    @Test func optionalPartsDefault() throws {
        let sheet = try ControlSheet.parse(yaml: """
            sku: X-1
            checks:
              border_width_mm: {tolerance: 0.10, class: major}
            """, file: "x.yaml")
        #expect(sheet.checks == [.borderWidth(nominal: nil, tiers: [.init(limit: 0.10, defectClass: .major)])])
        #expect(sheet.inspectionLevel == .ii)
        #expect(sheet.aql == nil)
        #expect(sheet.dispositions.isEmpty)
        #expect(sheet.description == "" && sheet.finish == "" && sheet.artworkRevision == "")
    }

    @Test func toleranceTiersAndLevelOnlyAQL() throws {
        let sheet = try ControlSheet.parse(yaml: example([
            7: "  border_width_mm: {tolerance: [{tolerance: 0.10, class: minor}, {tolerance: 0.20, class: major}]}",
            10: "aql: {inspection_level: S-4}",
        ]), file: "t.yaml")
        #expect(sheet.check(named: "border_width_mm") == .borderWidth(nominal: nil, tiers: [
            .init(limit: 0.10, defectClass: .minor), .init(limit: 0.20, defectClass: .major),
        ]))
        #expect(sheet.inspectionLevel == .s4)
        #expect(sheet.aql == nil)
    }

    static let templates = [
        "pin-round-30-soft-enamel-gold.yaml", "pin-shield-25-hard-enamel-nickel.yaml", "coin-45-antique-brass.yaml",
        "keychain-zinc-40.yaml", "magnet-carded-50.yaml",
    ]

    @Test(arguments: templates) func templateParses(_ name: String) throws {
        let path = packageRoot.appendingPathComponent("Calibration/sheets/\(name)").path
        let sheet = try ControlSheet.load(path: path)
        #expect(!sheet.sku.isEmpty)
        #expect(!sheet.checks.isEmpty)
        #expect(sheet.aql != nil)
        #expect(sheet.file == path)
        // Every disposition names a check the sheet has.
        #expect(Set(sheet.dispositions.keys).isSubset(of: Set(sheet.checks.map(\.name))))
    }

    @Test func everyTemplateIsListed() throws {
        let folder = packageRoot.appendingPathComponent("Calibration/sheets").path
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }
        #expect(Set(files) == Set(Self.templates))
    }

    @Test func roundTemplateIsTheIssueExample() throws {
        let path = packageRoot.appendingPathComponent("Calibration/sheets/pin-round-30-soft-enamel-gold.yaml").path
        var template = try ControlSheet.load(path: path)
        template.file = "example"
        #expect(template == (try ControlSheet.parse(yaml: exampleSheet, file: "example")))
    }

    // MARK: - Refusals, each with its line

    @Test func unknownTopLevelKey() {
        let error = refusal(example(line: 4, "colour: gold"))
        #expect(error?.line == 4)
        #expect(error?.file == "sheet.yaml")
        #expect(error?.message.contains("unknown key 'colour'") == true)
        #expect(error?.description.hasPrefix("sheet.yaml:4: ") == true)
    }

    @Test func unknownCheckName() {
        let error = refusal(example(line: 8, "  fill_shift_mm: {max: 0.15, class: minor}"))
        #expect(error?.line == 8)
        #expect(error?.message.contains("unknown key 'fill_shift_mm' in checks") == true)
        #expect(error?.message.contains("fill_boundary_shift_mm") == true, "lists the check names to use")
    }

    @Test func misspeltKeyInsideACheck() {
        let error = refusal(example(line: 7, "  border_width_mm: {nominal: 0.80, tolerence: 0.10, class: major}"))
        #expect(error?.line == 7)
        #expect(error?.message.contains("unknown key 'tolerence' in border_width_mm") == true)
    }

    @Test func wrongType() {
        let error = refusal(example(line: 6, "  overall_size_mm: {width: 30.0, height: 30.0, tolerance: wide, class: major}"))
        #expect(error == .yaml(YAMLError(file: "sheet.yaml", line: 6, message: "'tolerance' must be a number")))
    }

    @Test func negativeTolerance() {
        let error = refusal(example(line: 7, "  border_width_mm: {nominal: 0.80, tolerance: -0.10, class: major}"))
        guard case .invalid(let file, let line, let key, let reason)? = error else {
            Issue.record("expected .invalid, got \(String(describing: error))"); return
        }
        #expect(file == "sheet.yaml" && line == 7 && key == "checks.border_width_mm.tolerance")
        #expect(reason.contains("negative") && reason.contains("0.1"))
    }

    @Test func maxMustBeAboveZero() {
        let error = refusal(example(line: 8, "  fill_boundary_shift_mm: {max: 0, class: minor}"))
        #expect(error?.line == 8)
        #expect(error?.message.hasPrefix("checks.fill_boundary_shift_mm.max: max 0.0 must be above 0 mm") == true)
    }

    @Test func tiersOutOfOrder() {
        let error = refusal(example(line: 9, """
              plating_tone_delta_e00:
                - {max: 4.0, class: minor}
                - {max: 2.0, class: major}
            """))
        #expect(error?.line == 11)
        #expect(error?.message.contains("checks.plating_tone_delta_e00[2].max") == true)
        #expect(error?.message.contains("increasing max order") == true)
    }

    @Test func tierClassesMustNotGetMilder() {
        let error = refusal(example(line: 9, """
              plating_tone_delta_e00:
                - {max: 2.0, class: major}
                - {max: 4.0, class: minor}
            """))
        #expect(error?.line == 11)
        #expect(error?.message.contains("milder class") == true)
    }

    @Test func nonStandardAQL() {
        let error = refusal(example(line: 10, "aql: {inspection_level: II, critical: 0, major: 2.7, minor: 4.0}"))
        #expect(error?.line == 10)
        #expect(error?.message.hasPrefix("aql.major: '2.7' is not a standard AQL") == true)
        #expect(error?.message.contains("2.5, 4.0") == true, "lists the standard values")
    }

    @Test func unknownInspectionLevel() {
        let error = refusal(example(line: 10, "aql: {inspection_level: IV, major: 2.5}"))
        #expect(error?.line == 10)
        #expect(error?.message.contains("unknown inspection level 'IV'") == true)
    }

    @Test func unknownClass() {
        let error = refusal(example(line: 8, "  fill_boundary_shift_mm: {max: 0.15, class: severe}"))
        #expect(error == .invalid(file: "sheet.yaml", line: 8, key: "checks.fill_boundary_shift_mm.class",
                                  reason: "unknown defect class 'severe'; use one of critical, major, minor"))
    }

    @Test func unknownDisposition() {
        let error = refusal(example(line: 13, "  border_width_mm: refund"))
        #expect(error?.line == 13)
        #expect(error?.message == "dispositions.border_width_mm: unknown disposition 'refund'; use one of "
            + "accept_with_discount, rework, replace")
    }

    @Test func malformedYAML() {
        let error = refusal(example(line: 3, "finish: imitation: gold"))
        guard case .yaml(let yaml)? = error else { Issue.record("expected .yaml, got \(String(describing: error))"); return }
        #expect(yaml.line == 3)
        #expect(yaml.message.hasPrefix("not valid YAML"))
    }

    @Test func missingChecks() {
        let yaml = exampleSheet.components(separatedBy: "\n").enumerated().filter { !(5...9).contains($0.offset + 1) }
            .map(\.element).joined(separator: "\n")
        let error = refusal(yaml)
        #expect(error?.line == 1)
        #expect(error?.message.hasPrefix("checks: the sheet has no checks") == true)
    }

    @Test func classBesideToleranceTiers() {
        let error = refusal(example(line: 7, """
              border_width_mm: {class: major, tolerance: [{tolerance: 0.1, class: minor}]}
            """))
        #expect(error?.line == 7)
        #expect(error?.message.contains("remove this class") == true)
    }

    @Test func missingClassNamesTheCheck() {
        let error = refusal(example(line: 8, "  fill_boundary_shift_mm: {max: 0.15}"))
        #expect(error?.line == 8)
        #expect(error?.message.contains("needs a class") == true)
    }

    @Test func loadNamesAnUnreadableFile() {
        #expect(throws: SheetError.self) { try ControlSheet.load(path: "/nonexistent/sheet.yaml") }
        do { _ = try ControlSheet.load(path: "/nonexistent/sheet.yaml") } catch {
            #expect(error.file == "/nonexistent/sheet.yaml" && error.line == nil)
        }
    }
}

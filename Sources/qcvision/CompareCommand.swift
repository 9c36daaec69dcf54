import ArgumentParser
import Dispatch
import Foundation
import QCCalibration
import QCImage
import QCInspection

/// `qcvision compare MASTER PHOTO`: one unit measured against the measured master.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Measure one unit photo against a master and judge it by the control sheet.",
        discussion: """
        Registers the unit to the master on its outer outline, then measures overall size, rim (border) \\
        width per side, colour-fill boundary shift and plating tone (ΔE00, white-referenced), each photo \\
        scaled by its own ruler. Prints a table (or JSON, schema qcvision.compare.v1) with each check's \\
        value, nominal, limits and verdict. Exit code 0 when the unit passes, 3 when it has a defect, \\
        1 when the photo could not be measured.

        Examples:
          qcvision compare pin.qcmaster Fixtures/pin-round-30/unit-fill-offset.jpg
          qcvision compare pin.qcmaster unit.jpg --json --overlay unit-evidence.png
          qcvision compare pin.qcmaster unit.jpg --station bench-2
        """)

    @Argument(help: "Master folder made by `qcvision master create`.")
    var master: String

    @Argument(help: "Photo of the unit (ruler in frame, or use --station).")
    var photo: String

    @Flag(help: "Print JSON (schema qcvision.compare.v1).")
    var json = false

    @Option(help: "Write the evidence image (PNG).")
    var overlay: String?

    @Option(help: "Station profile when the photo has no ruler (a name in Calibration/stations or a .json path).")
    var station: String?

    @Option(help: "Ruler definition name in Calibration/rulers.")
    var ruler = "mm"

    func run() throws {
        let result: CompareResult
        do {
            // The master loads on a thread of its own while the photo is decoded and calibrated here
            // (neither needs the other; see ParallelMap.fork). Errors are reported in the order the
            // inputs are named: master, ruler, station, photo.
            let masterPath = master
            let (prepared, loaded) = ParallelMap.fork({
                Result {
                    let definition = try RulerDefinition.load(named: ruler, from: "Calibration/rulers")
                    let profile = try station.map { name throws(CalibrationError) in
                        try StationProfile.load(from: StationProfile.path(for: name, directory: "Calibration/stations"))
                    }
                    return try PreparedPhoto.prepare(photo: photo, detector: RulerDetector(definition: definition), station: profile)
                }
            }, alongside: { Result { try MeasuredMaster.load(masterPath) } })
            let inspector = Inspector(master: try loaded.get())
            result = try inspector.compare(try prepared.get(), overlay: overlay)
        } catch {
            printError("error: \(error)")
            throw CLIExit.inputFailed
        }
        if json { print(try jsonString(result)) } else { print(CompareTable.render(result)) }
        if result.worstClass != "none" { throw CLIExit.rejected }
    }
}

/// The human table of a comparison.
enum CompareTable {
    static func render(_ r: CompareResult) -> String {
        var lines = ["\(r.photo) against \(r.sku) (\(r.master))",
                     String(format: "scale %.4f px/mm from %@, rotation %.2f° (from %@), outline match %.3f mm RMS",
                            r.calibration.pxPerMM, r.calibration.source, r.registration.rotationDeg, r.registration.rotationFrom,
                            r.registration.outlineRMSmm), ""]
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
        lines.append(pad("check", 26) + pad("measured", 11) + pad("nominal", 10) + pad("limits", 18) + "verdict")
        func f(_ v: Double?) -> String { v.map { String(format: "%.3f", $0) } ?? "-" }
        for c in r.checks {
            let limits = c.lower == nil && c.upper == nil ? "-" : "\(f(c.lower)) .. \(f(c.upper))"
            let verdict = c.status == "ok" ? "OK" : c.status.uppercased()
            lines.append(pad(c.check, 26) + pad(f(c.value), 11) + pad(f(c.nominal), 10) + pad(limits, 18) + verdict)
        }
        let m = r.measurements
        lines.append("")
        lines.append(String(format: "size %.3f x %.3f mm; rim top %.3f right %.3f bottom %.3f left %.3f min %.3f mm",
                            m.overallSize.width, m.overallSize.height, m.borderWidth.top, m.borderWidth.right,
                            m.borderWidth.bottom, m.borderWidth.left, m.borderWidth.min))
        lines.append(String(format: "boundary shift p99 %.3f p95 %.3f mm (%d points, %d hidden)", m.fillBoundaryShift.max,
                            m.fillBoundaryShift.p95, m.fillBoundaryShift.points, m.fillBoundaryShift.hiddenPoints))
        if let t = m.platingTone {
            lines.append(String(format: "plating ΔE00 %.2f (ΔL %+.2f Δa %+.2f Δb %+.2f) %@", t.deltaE00, t.deltaL, t.deltaA, t.deltaB,
                                t.direction.isEmpty ? "" : t.direction.joined(separator: ", ")))
        }
        for d in r.defects { lines.append("\(d.defectClass.rawValue.uppercased()): \(d.message)") }
        for w in r.warnings { lines.append("note: \(w)") }
        lines.append("verdict: " + (r.worstClass == "none" ? "PASS" : "FAIL (\(r.worstClass))"))
        return lines.joined(separator: "\n")
    }
}

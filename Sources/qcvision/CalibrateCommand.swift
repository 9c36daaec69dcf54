import ArgumentParser
import Foundation
import QCCalibration
import QCColor
import QCImage

/// `qcvision calibrate PHOTO`: scale from the reference ruler, white reference, station profiles.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Measure the scale (px/mm) and white reference from the ruler in a photo.",
        discussion: """
        Finds the reference ruler anywhere in the photo, at any angle, locates every graduation to a \\
        fraction of a pixel and fits the scale over all of them, with its uncertainty. The ruler's light \\
        face is the white reference; the plain background gives the illumination fall-off.

        A ruler that is too short (< 30 graduations), too blurred, too small (< 15 px/mm warns, < 8 px/mm \\
        is refused) or of the wrong kind (an inch scale read as millimetres) is refused with the reason.

        Station profiles serve set-ups whose unit photos carry no ruler: calibrate once with --save, then \\
        pass --station NAME to later commands. A photo's own ruler always wins over a station profile.

        Examples:
          qcvision calibrate Fixtures/pin-round-30/master.png
          qcvision calibrate ruler-shot.jpg --save Calibration/stations/bench-2.json
          qcvision calibrate unit.jpg --station bench-2 --json
          qcvision calibrate card.jpg --ruler inch-eighths --overlay card-ruler.png
        """)

    @Argument(help: "Photo with the reference ruler in frame (PNG or JPEG).")
    var photo: String

    @Option(help: "Ruler definition: a name in --rulers-dir (mm, mm-dark-on-light, mm-light-on-dark, inch-eighths).")
    var ruler = "mm"

    @Option(help: "Folder of ruler definitions (*.yaml).")
    var rulersDir = "Calibration/rulers"

    @Option(help: "Station profile used when the photo has no ruler: a name in --stations-dir or a .json path.")
    var station: String?

    @Option(help: "Folder of station profiles.")
    var stationsDir = "Calibration/stations"

    @Option(help: "Save this calibration as a station profile (a name in --stations-dir or a .json path).")
    var save: String?

    @Option(help: "Write an overlay PNG showing the graduations found and the fitted scale.")
    var overlay: String?

    @Flag(help: "Print JSON (schema qcvision.calibration.v1) instead of text.")
    var json = false

    func validate() throws {
        if let overlay, !overlay.lowercased().hasSuffix(".png") { throw ValidationError("--overlay must name a .png file") }
        if save != nil && station != nil { throw ValidationError("--save records a new station; do not combine it with --station") }
    }

    func run() throws {
        do {
            let decoded = try PhotoDecoder().decode(file: photo)
            let definition = try RulerDefinition.load(named: ruler, from: rulersDir)
            let profile = try station.map { name throws(CalibrationError) in
                try StationProfile.load(from: StationProfile.path(for: name, directory: stationsDir))
            }
            let calibration = try PhotoCalibration.resolve(image: decoded.image, file: photo,
                                                           detector: RulerDetector(definition: definition),
                                                           station: profile, jpegBlockMeans: decoded.jpegBlockMeans)
            if let overlay {
                var canvas = Canvas(photo: decoded.image)
                CalibrationOverlay.draw(calibration, on: &canvas)
                try ImageEncoder.write(canvas.image, to: overlay)
            }
            if let save {
                guard let found = calibration.ruler else { throw ValidationError("--save needs a ruler in the photo") }
                let path = StationProfile.path(for: save, directory: stationsDir)
                let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                try StationProfile(name: name, calibration: found, illumination: calibration.illumination,
                                   imageWidth: decoded.image.width, imageHeight: decoded.image.height,
                                   rulerDefinition: definition.name, sourcePhoto: photo).save(to: path)
                if !json { print("saved station profile \(path)") }
            }
            if json {
                print(try jsonString(CalibrationReport(file: photo, calibration: calibration, definition: definition.name)))
            } else {
                print(Self.describe(calibration, file: photo, definition: definition))
            }
        } catch let error as ImageError {
            printError("error: \(error.description)")
            throw CLIExit.inputFailed
        } catch let error as CalibrationError {
            printError("error: \(error.description)")
            throw CLIExit.inputFailed
        }
    }

    static func describe(_ c: PhotoCalibration, file: String, definition: RulerDefinition) -> String {
        var lines = [file]
        let source = c.source == .ruler ? "from the photo's ruler" : "from station '\(c.stationName ?? "?")' (no ruler in frame)"
        lines.append(String(format: "  scale            %.4f px/mm ± %.3f %% (k=1), ", c.pxPerMM, c.uncertaintyPct) + source)
        if let r = c.ruler {
            lines.append(String(format: "  graduations      %d used, rms %.3f px, ", r.ticksUsed, r.residualRMSpx)
                + (r.longTickEvery.map { "a longer tick every \($0)" } ?? "long-tick rhythm not confirmed")
                + " (ruler '\(definition.name)', \(r.polarity == .darkOnLight ? "dark on light" : "light on dark"))")
            lines.append(String(format: "  ruler            angle %.2f°, from (%.1f, %.1f) to (%.1f, %.1f) px, %.1f mm",
                                r.angleDegrees, r.start.x, r.start.y, r.end.x, r.end.y, r.spanMM))
        }
        if let w = c.whiteReference {
            let lab = ColourConversion.lab(w)
            lines.append(String(format: "  white reference  linear RGB %.4f %.4f %.4f (L* %.1f)", w.r, w.g, w.b, lab.l))
        } else {
            lines.append("  white reference  none (light-on-dark ruler): colour checks need a station white reference")
        }
        if let m = c.illumination {
            lines.append(String(format: "  illumination     %.1f %% fall-off to the darkest corner (%d of %d background cells used)",
                                m.falloffPercent, m.cellsUsed, m.cellsTotal))
        } else {
            lines.append("  illumination     not modelled (too little plain background)")
        }
        for note in c.notes { lines.append("  note             \(note)") }
        return lines.joined(separator: "\n")
    }
}

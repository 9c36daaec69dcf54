import ArgumentParser
import Foundation
import QCImage

/// `qcvision info PHOTO...`: what each photo file is, as the vision core will see it.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show size, bit depth, colour type, orientation and colour profile of photos.",
        discussion: """
        Decodes each photo exactly as measurements will (EXIF orientation applied, 16-bit kept) and \
        reports what it found. A photo that cannot be read is reported with the reason and the others \
        are still shown; the exit code is then 1.

        Examples:
          qcvision info Fixtures/pin-round-30/master.png
          qcvision info lot-17/carton-01/*.jpg --json > info.json
        """)

    @Argument(help: ArgumentHelp("Photo files (PNG or JPEG).", valueName: "photo"))
    var photos: [String]

    @Flag(help: "Print JSON (schema qcvision.info.v1) instead of text.")
    var json = false

    @Option(help: "Refuse images larger than this many pixels, checked before decoding.")
    var maxPixels = DecodeLimits.default.maxPixels

    func validate() throws {
        if photos.isEmpty { throw ValidationError("Give at least one photo file.") }
        if maxPixels < 1 { throw ValidationError("--max-pixels must be positive.") }
    }

    struct Failure: Encodable { var file: String; var error: String }
    struct Report: Encodable {
        var schema = "qcvision.info.v1"
        var photos: [PhotoInfo]
        var errors: [Failure]
    }

    func run() throws {
        let decoder = PhotoDecoder(limits: DecodeLimits(maxPixels: maxPixels))
        var report = Report(photos: [], errors: [])
        for path in photos {
            do {
                let photo = try decoder.decode(file: path)
                report.photos.append(photo.info)
                if !json { print(Self.describe(photo.info)) }
            } catch {
                report.errors.append(Failure(file: path, error: error.description))
                if !json { printError("error: \(error.description)") }
            }
        }
        if json { print(try jsonString(report)) }
        if !report.errors.isEmpty { throw CLIExit.inputFailed }
    }

    static func describe(_ info: PhotoInfo) -> String {
        var lines = [info.file]
        let stored = info.orientationApplied ? " (stored \(info.storedWidth) x \(info.storedHeight))" : ""
        lines.append("  size         \(info.width) x \(info.height) px\(stored), "
            + String(format: "%.1f MP", Double(info.width * info.height) / 1e6))
        var format = "\(info.format == .png ? "PNG" : "JPEG"), \(info.bitDepth)-bit \(info.colourType)"
        if info.format == .png { format += info.interlaced ? ", Adam7 interlaced" : ", not interlaced" }
        if info.format == .jpeg { format += info.progressive ? ", progressive" : ", baseline" }
        lines.append("  format       \(format)")
        if info.hasAlpha { lines.append("  alpha        present (reported, not composited)") }
        lines.append("  orientation  \(info.orientation)" + (info.orientationApplied ? " (applied: measured upright)" : " (none needed)"))
        if let gamma = info.gamma { lines.append("  gamma        " + String(format: "%.5f (gAMA chunk)", gamma)) }
        lines.append("  colour       " + (info.iccNote ?? "sRGB"))
        for warning in info.warnings { lines.append("  warning      \(warning)") }
        return lines.joined(separator: "\n")
    }
}

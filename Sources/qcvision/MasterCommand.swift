import ArgumentParser
import Foundation
import QCCalibration
import QCImage
import QCInspection

/// `qcvision master create|show`: the golden sample turned into a measured master.
struct MasterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "master",
        abstract: "Create or show a measured master (the golden sample in numbers).",
        subcommands: [Create.self, Show.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Measure the golden sample's photo and save it as a master folder.",
            discussion: """
            Photograph the approved golden sample upright (its top edge towards the top of the frame) beside \\
            the ruler, under the standard lighting. The master records px/mm, the outline, overall size, rim \\
            widths per side, the region map (plating and each enamel fill with its CIELAB colour and area) \\
            and the plating colour, with the control sheet. Check overlay.png before using the master.

            Examples:
              qcvision master create Fixtures/pin-round-30/master.png --sheet Fixtures/pin-round-30/sheet.yaml --out pin.qcmaster
            """)

        @Argument(help: "Photo of the golden sample (upright, ruler in frame).")
        var photo: String

        @Option(help: "Control sheet (YAML) of the SKU.")
        var sheet: String

        @Option(help: "Master folder to write (e.g. PIN-30.qcmaster).")
        var out: String

        @Option(help: "Ruler definition name in --rulers-dir.")
        var ruler = "mm"

        @Option(help: "Folder of ruler definitions.")
        var rulersDir = "Calibration/rulers"

        @Flag(help: "Print the master as JSON instead of text.")
        var json = false

        func run() throws {
            do {
                let definition = try RulerDefinition.load(named: ruler, from: rulersDir)
                var master = try MeasuredMaster.create(photo: photo, sheet: sheet, detector: RulerDetector(definition: definition))
                try master.save(to: out, photo: photo)
                try MasterOverlay.write(master: master, photo: photo, to: out + "/overlay.png")
                if json { print(try jsonString(master.model)) } else {
                    print(MasterShowing.describe(master))
                    print("\nsaved \(out) (check \(out)/overlay.png before using it)")
                }
            } catch {
                printError("error: \(error)")
                throw CLIExit.inputFailed
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Print a master's measurements.",
            discussion: "Example:\n  qcvision master show pin.qcmaster")

        @Argument(help: "Master folder.")
        var master: String

        @Flag(help: "Print JSON.")
        var json = false

        func run() throws {
            do {
                let m = try MeasuredMaster.load(master)
                if json { print(try jsonString(m.model)) } else { print(MasterShowing.describe(m)) }
            } catch {
                printError("error: \(error)")
                throw CLIExit.inputFailed
            }
        }
    }
}

/// Text rendering of a master for people.
enum MasterShowing {
    static func describe(_ master: MeasuredMaster) -> String {
        let m = master.model
        var lines = ["\(m.sku): \(m.description)",
                     "  finish            \(m.finish), artwork revision \(m.artworkRevision)",
                     "  source photo      \(m.sourcePhoto) at " + String(format: "%.4f px/mm (±%.3f %%)", m.pxPerMM, m.calibrationUncertaintyPct),
                     String(format: "  overall size      %.3f x %.3f mm", m.overallSize.width, m.overallSize.height),
                     String(format: "  rim width         top %.3f  right %.3f  bottom %.3f  left %.3f  min %.3f mm",
                            m.borderWidth.top, m.borderWidth.right, m.borderWidth.bottom, m.borderWidth.left, m.borderWidth.min),
                     String(format: "  plating           L* %.2f a* %.2f b* %.2f (white-referenced)", m.platingLab[0], m.platingLab[1], m.platingLab[2]),
                     "  rotation from     " + (m.outlineSymmetric ? "the artwork (round outline)" : "the outline"),
                     "  regions"]
        for r in m.regions {
            lines.append(String(format: "    %-10@ %-6@ L* %6.2f a* %7.2f b* %7.2f  %8.2f mm²", r.name, r.kind, r.lab[0], r.lab[1], r.lab[2], r.areaMM2))
        }
        lines.append("  internal boundary points \(m.boundaries.count), outline points \(m.outline.count)")
        for note in master.notes { lines.append("  note              \(note)") }
        return lines.joined(separator: "\n")
    }
}

import Foundation
import QCCalibration
import QCImage

/// A master on disk (`NAME.qcmaster/`) with its control sheet: what `compare` measures against.
public struct MeasuredMaster: Sendable {
    public var model: MasterModel
    public var sheet: ControlSheet
    /// The folder it was loaded from or saved to.
    public var path: String

    /// The golden-sample resolution below which `notes` advises a closer photo, px/mm.
    public static let recommendedPxPerMM = 25.0

    /// Advice on the master for the inspector: empty when there is none.
    ///
    /// Every unit is compared with the master, so its errors enter every comparison: thin lines (0.3 mm)
    /// are located markedly better on a sharp master (qcaccuracy: boundary shift p95 0.007 mm with
    /// 32 px/mm masters, 0.015 mm with 16 px/mm ones).
    public var notes: [String] {
        guard model.pxPerMM < Self.recommendedPxPerMM else { return [] }
        return [String(format: "the golden sample was photographed at %.1f px/mm; at 30 px/mm or more the boundary shift of every unit "
                       + "compared with it is about twice as accurate (thin lines are located better on a sharp master)", model.pxPerMM)]
    }

    /// Builds a master from the golden sample's photo and the SKU's control sheet.
    /// - Throws: `ImageError`, `CalibrationError`, `SheetError` or `InspectionError`, each naming the file.
    public static func create(photo: String, sheet sheetPath: String, detector: RulerDetector = RulerDetector(),
                              limits: DecodeLimits = .default) throws -> MeasuredMaster {
        let sheet = try ControlSheet.load(path: sheetPath)
        let decoded = try PhotoDecoder(limits: limits).decode(file: photo)
        let calibration = try PhotoCalibration.resolve(image: decoded.image, file: photo, detector: detector, station: nil,
                                                       jpegBlockMeans: decoded.jpegBlockMeans)
        let model = try MasterBuilder.build(image: decoded.image, file: photo, calibration: calibration, identity: .init(
            sku: sheet.sku, description: sheet.description, finish: sheet.finish, artworkRevision: sheet.artworkRevision))
        try check(sheet: sheet, fits: model, sheetPath: sheetPath)
        return MeasuredMaster(model: model, sheet: sheet, path: "")
    }

    /// A sheet whose explicit nominals are far from what the master measures belongs to another product.
    static func check(sheet: ControlSheet, fits model: MasterModel, sheetPath: String) throws(InspectionError) {
        let n = sheet.nominalsGiven
        if let w = n.width, abs(w - model.overallSize.width) > max(1.0, 0.05 * w) {
            throw .sheetMismatch(sheet: sheetPath, detail: String(format: "the sheet says %.2f mm wide, the master measures %.2f mm",
                                                                   w, model.overallSize.width))
        }
        if let h = n.height, abs(h - model.overallSize.height) > max(1.0, 0.05 * h) {
            throw .sheetMismatch(sheet: sheetPath, detail: String(format: "the sheet says %.2f mm high, the master measures %.2f mm",
                                                                   h, model.overallSize.height))
        }
        if let b = n.border, abs(b - model.nominals.borderWidth) > max(0.25, 0.3 * b) {
            throw .sheetMismatch(sheet: sheetPath, detail: String(format: "the sheet's rim is %.2f mm, the master's %.2f mm",
                                                                   b, model.nominals.borderWidth))
        }
    }

    /// Writes `master.json`, `geometry.bin`, `regions.png`, `sheet.yaml` and a copy of the photo into `directory`.
    public mutating func save(to directory: String, photo: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = try encoder.encode(model)
        try json.write(to: URL(fileURLWithPath: directory + "/master.json"), options: .atomic)
        try MasterGeometryFile.encode(model, json: json)
            .write(to: URL(fileURLWithPath: directory + "/" + MasterGeometryFile.name), options: .atomic)
        let g = model.grid
        var labelImage = Image(width: g.width, height: g.height, channels: 1)
        for k in model.labels.indices { labelImage.samples[k] = Float(Int(model.labels[k]) + 1) / 255 }
        try ImageEncoder.write(labelImage, to: directory + "/regions.png")
        let sheetText = try String(contentsOfFile: sheet.file, encoding: .utf8)
        try sheetText.write(toFile: directory + "/sheet.yaml", atomically: true, encoding: .utf8)
        let ext = (photo as NSString).pathExtension.lowercased()
        let copy = directory + "/photo." + (ext.isEmpty ? "png" : ext)
        if fm.fileExists(atPath: copy) { try fm.removeItem(atPath: copy) }
        try fm.copyItem(atPath: photo, toPath: copy)
        path = directory
    }

    /// Loads a master folder (its geometry from `geometry.bin` when that matches `master.json`,
    /// else from the JSON).
    public static func load(_ directory: String) throws -> MeasuredMaster {
        let jsonPath = directory + "/master.json"
        guard let data = FileManager.default.contents(atPath: jsonPath) else {
            throw InspectionError.master(path: directory, reason: "no master.json: create it with `qcvision master create PHOTO --sheet SHEET --out \(directory)`")
        }
        // The bulky geometry from geometry.bin when it was written with exactly this master.json.
        let geometry = FileManager.default.contents(atPath: directory + "/" + MasterGeometryFile.name)
            .flatMap { MasterGeometryFile.decode($0, json: data) }
        let decoder = JSONDecoder()
        if geometry != nil { decoder.userInfo[MasterModel.geometryElsewhere] = true }
        var model: MasterModel
        do { model = try decoder.decode(MasterModel.self, from: data) } catch {
            throw InspectionError.master(path: jsonPath, reason: "not a qcvision master (\(error))")
        }
        if let geometry {
            model.outline = geometry.outline
            model.boundaries = geometry.boundaries
            model.rings = geometry.rings
        }
        guard model.schema == "qcvision.master.v1" else {
            throw InspectionError.master(path: jsonPath, reason: "unknown schema \(model.schema)")
        }
        let labels = try PhotoDecoder().decode(file: directory + "/regions.png").image
        guard labels.width == model.grid.width, labels.height == model.grid.height else {
            throw InspectionError.master(path: directory, reason: "regions.png does not match master.json's grid")
        }
        model.labels = labels.samples.map { Int8(clamping: Int(($0 * 255).rounded()) - 1) }
        let sheet = try ControlSheet.load(path: directory + "/sheet.yaml")
        return MeasuredMaster(model: model, sheet: sheet, path: directory)
    }
}

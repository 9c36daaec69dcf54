import Foundation
import QCColor
import QCInspection
import QCRender

/// Renders masters and units into a temporary folder for end-to-end comparisons.
enum RenderedUnits {
    static let directory: URL = {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("qcinspection-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }()

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Writes the rendered photo and returns its path and truth.
    static func write(_ spec: PhotoSpec, name: String) throws -> (path: String, truth: Truth) {
        let photo = try Renderer.render(spec)
        let url = directory.appendingPathComponent("\(name).\(photo.fileExtension)")
        try photo.encoded.write(to: url)
        return (url.path, photo.truth)
    }

    /// A master of the round pin made from a rendered golden sample with the fixture's sheet.
    static func roundMaster() throws -> MeasuredMaster {
        let (path, _) = try write(PhotoSpec(design: DesignCatalogue.pinRound30, pxPerMM: 16, seed: 11), name: "round-master")
        var master = try MeasuredMaster.create(photo: path, sheet: packageRoot.appendingPathComponent("Fixtures/pin-round-30/sheet.yaml").path)
        try master.save(to: directory.appendingPathComponent("round.qcmaster").path, photo: path)
        return master
    }

    static func unitSpec(_ defects: [UnitDefect], rotation: Double = 35, background: Background = .greenMat,
                         seed: UInt64) -> PhotoSpec {
        PhotoSpec(design: DesignCatalogue.pinRound30, pxPerMM: 17, unitRotationDeg: rotation,
                  layout: Layout(rulerSide: .right, rulerAngleDeg: 6), background: background,
                  camera: Camera(exposure: 1.05, whiteBalance: LinearRGB(1.02, 1, 0.98), blurSigmaPx: 1.2, noise: 1,
                                 vignetting: 0.1, format: .jpeg(quality: 92)),
                  defects: defects, seed: seed)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import QCColor
import QCImage

/// A rendered synthetic photo with its exact truth.
public struct RenderedPhoto: Sendable {
    /// The specification it was rendered from.
    public let spec: PhotoSpec
    /// Where everything landed.
    public let scene: Scene
    /// The photo as the product reads it: the pixels of `encoded` (sRGB, in 8- or 16-bit steps).
    public let image: Image
    /// File bytes (PNG or JPEG).
    public let encoded: Data
    /// The exact answer.
    public let truth: Truth
    /// Fraction of each pixel covered by the unit (row-major, `image` size), when `spec.recordCoverage`.
    public let unitCoverage: [Float]?
    /// Linear light after blur and noise, before sRGB encoding and quantisation, when `spec.recordLinear`.
    public let linear: Image?

    /// "png" or "jpg".
    public var fileExtension: String { spec.camera.format.fileExtension }
}

/// Renders `PhotoSpec`s: geometry with exact area coverage, lighting, camera, file encoding, truth.
///
/// Anti-aliasing: each pixel's value is the area average of the scene over the pixel square. Pixels
/// farther than 0.75 px from every primitive edge (exact signed distances) take one sample; pixels
/// crossed by a single locally straight edge get its exact half-plane coverage; the rest (corners,
/// junctions, numerals) are supersampled on a 233-point rank-1 lattice. Single-threaded with a fixed
/// order of operations, so output bytes are reproducible.
public enum Renderer {
    /// Renders `spec` to pixels, file bytes and truth.
    /// - Throws: `RenderError` for an invalid spec or an encoder failure.
    public static func render(_ spec: PhotoSpec) throws(RenderError) -> RenderedPhoto {
        try spec.validate()
        let unit = try UnitGeometry(design: spec.design, defects: spec.defects)
        let master = try UnitGeometry(design: spec.design)
        let scene = try Scene(spec, unitRadiusMM: unit.boundingRadius)
        let highlights = spec.lighting.highlights(for: unit, rotationDeg: spec.unitRotationDeg)
        let truth = makeTruth(spec, unit: unit, master: master, scene: scene, highlights: highlights)
        var raster = Rasteriser(spec: spec, unit: unit, scene: scene, highlights: highlights)
        var samples = raster.run()
        let w = scene.width, h = scene.height
        Camera.gaussianBlur(&samples, width: w, height: h, channels: 3, sigma: spec.camera.blurSigmaPx)
        var rng = SeededRandom(seed: SplitMix64.mix(spec.seed ^ 0x6E6F_6973_6500))
        Camera.addNoise(&samples, scale: spec.camera.noise, rng: &rng)
        let linear = spec.recordLinear ? Image(width: w, height: h, channels: 3, transfer: .linear, samples: samples) : nil
        let quantised = Camera.quantise(samples, width: w, height: h, channels: 3, bits: spec.camera.format.bitDepth)
        let data = try spec.camera.encode(quantised)
        var image = quantised
        if case .jpeg = spec.camera.format {
            do { image = try PhotoDecoder().decode(data: data, name: "<rendered>").image } catch {
                throw .encode("the JPEG just written does not decode: \(error)")
            }
        }
        return RenderedPhoto(spec: spec, scene: scene, image: image, encoded: data, truth: truth,
                             unitCoverage: raster.coverage, linear: linear)
    }

    /// The truth of `spec` alone, without rendering pixels.
    public static func truth(for spec: PhotoSpec) throws(RenderError) -> Truth {
        try spec.validate()
        let unit = try UnitGeometry(design: spec.design, defects: spec.defects)
        let master = try UnitGeometry(design: spec.design)
        let scene = try Scene(spec, unitRadiusMM: unit.boundingRadius)
        return makeTruth(spec, unit: unit, master: master, scene: scene, highlights: spec.lighting.highlights(for: unit, rotationDeg: spec.unitRotationDeg))
    }

    /// Rounds a length to the nanometre (1e-9 mm) so truth files read 0.8, not 0.7999999999999277;
    /// the geometry is exact to about 1e-13 mm, far below this.
    static func nm(_ v: Double) -> Double { (v * 1e9).rounded() / 1e9 }

    static func makeTruth(_ spec: PhotoSpec, unit: UnitGeometry, master: UnitGeometry, scene: Scene,
                          highlights: [Highlight]) -> Truth {
        let size = unit.outline.boundingBox.map { ($0.max.x - $0.min.x, $0.max.y - $0.min.y) } ?? (0, 0)
        var border = TruthComputation.borderWidths(unit)
        border = Truth.BorderWidths(top: nm(border.top), right: nm(border.right), bottom: nm(border.bottom),
                                    left: nm(border.left), min: nm(border.min), points: border.points)
        var shift = TruthComputation.boundaryShift(master: master, unit: unit)
        shift.max = nm(shift.max); shift.p95 = nm(shift.p95)
        let r = spec.ruler
        let ticks = (0...r.graduations).map { k -> [Double] in
            let p = scene.imagePoint(ruler: Vec2(Double(k), 0))
            return [p.x, p.y]
        }
        let face = r.faceLinearRGB, white = r.whiteLinearRGB
        let cam = spec.camera
        return Truth(
            schema: Truth.schemaID, design: spec.design.name, finish: spec.finish.rawValue, pxPerMM: spec.pxPerMM,
            imageSizePx: Truth.PixelSize(width: scene.width, height: scene.height),
            unitCentrePx: scene.unitCentrePx, unitRotationDeg: spec.unitRotationDeg,
            overallSizeMM: Truth.Size(width: nm(size.0), height: nm(size.1)),
            borderWidthMM: border,
            fillBoundaryShiftMM: shift,
            platingTone: TruthComputation.platingTone(master: master, unit: unit, finish: spec.finish,
                                                      lighting: spec.lighting, white: white),
            ruler: Truth.RulerTruth(angleDeg: scene.rulerAngleDeg, pitchPx: spec.pxPerMM, ticksPx: ticks,
                                    tickDirection: [scene.rulerAxisV.x, scene.rulerAxisV.y],
                                    faceLinearRGB: [face.r, face.g, face.b], whiteLinearRGB: [white.r, white.g, white.b],
                                    polarity: r.polarity.rawValue, graduations: r.graduations),
            camera: Truth.CameraTruth(exposure: cam.exposure, wbGains: [cam.whiteBalance.r, cam.whiteBalance.g, cam.whiteBalance.b],
                                      blurSigmaPx: cam.blurSigmaPx, noise: cam.noise, vignetting: cam.vignetting,
                                      format: cam.format.name, quality: cam.format.quality),
            background: spec.background.name, defects: spec.defects,
            highlights: highlights.map {
                Truth.HighlightTruth(centreMM: $0.centreMM, centrePx: scene.imagePoint(unit: $0.centreMM),
                                     sigmaAlongMM: $0.sigmaAlongMM, sigmaAcrossMM: $0.sigmaAcrossMM, peak: $0.peak)
            },
            seed: spec.seed)
    }
}


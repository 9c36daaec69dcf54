import QCCalibration
import QCColor
import QCImage

/// What every measurement of a photo starts from: its calibration, the unit's location and sub-pixel
/// outline, a linear-light crop around the unit, and the colour normalisation (white reference and
/// illumination fall-off).
struct PhotoAnalysis: Sendable {
    var file: String
    var calibration: PhotoCalibration
    var crop: LinearCrop
    var outline: PixelOutline
    var centroid: (x: Double, y: Double)
    /// Per-channel white reference (linear), nil when the photo has none.
    var white: SIMD3<Float>?
    /// The illumination model and 1 / its level where the white reference was read (nil: no model).
    private var light: (model: IlluminationModel.Evaluator, inverseReference: Double)?

    var pxPerMM: Double { calibration.pxPerMM }

    /// As `analyse(pixels:thumbnail:file:calibration:clock:)` for a whole decoded image (the master).
    static func analyse(image: Image, file: String, calibration: PhotoCalibration) throws(InspectionError) -> PhotoAnalysis {
        var clock = StageClock()
        return try analyse(pixels: PhotoPixels(image), thumbnail: Thumbnail(image, factor: max(1, max(image.width, image.height) / 900)),
                           file: file, calibration: calibration, clock: &clock)
    }

    /// Locates the unit on `thumbnail`, then crops and traces it at full resolution from `pixels`.
    /// `segmentation` is the thumbnail's, made beside the ruler search; it is made here when missing or
    /// made under another illumination model than the calibration's.
    static func analyse(pixels: PhotoPixels, thumbnail: Thumbnail, file: String, calibration: PhotoCalibration,
                        segmentation: UnitLocator.Segmentation? = nil, clock: inout StageClock) throws(InspectionError) -> PhotoAnalysis {
        let usable = segmentation.flatMap { $0.illumination == calibration.illumination ? $0 : nil }
        let region = try UnitLocator.locate(
            segmentation: usable ?? UnitLocator.segment(thumbnail: thumbnail, illumination: calibration.illumination),
            calibration: calibration, file: file)
        clock.mark("locate")
        let margin = region.factor * 2 + 12
        let crop = LinearCrop(pixels: pixels, x0: region.minX - margin, y0: region.minY - margin,
                              width: region.maxX - region.minX + 2 * margin, height: region.maxY - region.minY + 2 * margin)
        clock.mark("linear crop")
        let outline = try OutlineExtractor.extract(region: region, crop: crop, pxPerMM: calibration.pxPerMM, file: file)
        clock.mark("outline")
        let white = calibration.whiteReference.map { SIMD3(Float($0.r), Float($0.g), Float($0.b)) }
        var analysis = PhotoAnalysis(file: file, calibration: calibration, crop: crop, outline: outline,
                                     centroid: outline.centroid, white: white)
        if let m = calibration.illumination, let at = calibration.whiteReferenceAt {
            let reference = m.level(x: at.x, y: at.y)
            if reference > 0 { analysis.light = (IlluminationModel.Evaluator(m), 1 / reference) }
        }
        return analysis
    }

    /// Illumination at (x, y) relative to where the white reference was read (1 without a model).
    func gain(_ x: Double, _ y: Double) -> Float {
        guard let light else { return 1 }
        return Float(light.model.level(x: x, y: y) * light.inverseReference)
    }

    /// The normalised colour along a line, at t = `start`, `start` + `step`, ... up to `end` (each t the
    /// running sum, as a loop adding `step` makes it), image point `point(t)`, read on demand (see
    /// `EdgeProfile.init(t:source:)`); points outside the crop are left out, as they would be unread.
    func colourProfile(from start: Double, through end: Double, step: Double,
                       at point: (Double) -> (x: Double, y: Double)) -> EdgeProfile {
        let capacity = max(0, Int((end - start) / step) + 2)
        var ts: [Double] = [], points: [(x: Double, y: Double)] = []
        ts.reserveCapacity(capacity); points.reserveCapacity(capacity)
        var t = start
        while t <= end {
            let p = point(t)
            if crop.contains(p.x, p.y) { ts.append(t); points.append(p) }
            t += step
        }
        return EdgeProfile(t: ts) { i in normalisedColour(points[i].x, points[i].y) ?? .zero }
    }

    /// White-referenced, illumination-corrected linear colour at image point (x, y); nil outside.
    func normalisedColour(_ x: Double, _ y: Double) -> SIMD3<Float>? {
        guard let c = crop.sample(x, y) else { return nil }
        let w = white ?? SIMD3(1, 1, 1)
        return c / (w * gain(x, y))
    }
}

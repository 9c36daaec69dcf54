import QCCalibration
import QCImage

/// Compares unit photos with one measured master and judges them against its control sheet.
/// Safe to share across threads: each `compare` works on its own photo.
public struct Inspector: Sendable {
    public let master: MeasuredMaster
    public var detector: RulerDetector
    public var station: StationProfile?
    public var limits: DecodeLimits
    let comparator: UnitComparator

    public init(master: MeasuredMaster, detector: RulerDetector = RulerDetector(), station: StationProfile? = nil,
                limits: DecodeLimits = .default) {
        self.master = master
        self.detector = detector
        self.station = station
        self.limits = limits
        self.comparator = UnitComparator(master: master.model)
    }

    /// Measures the unit in `photo` and judges it; writes the evidence image to `overlay` when given and
    /// `overlayIf` holds for the result (drawing and encoding a 12 MP overlay costs several times the
    /// comparison itself, so lot scoring draws only the ones its report keeps).
    /// - Throws: `ImageError`, `CalibrationError` or `InspectionError`, naming the file and the fix.
    public func compare(photo: String, overlay: String? = nil,
                        overlayIf condition: (CompareResult) -> Bool = { _ in true }) throws -> CompareResult {
        let prepared = try PreparedPhoto.prepare(photo: photo, detector: detector, station: station, limits: limits)
        return try compare(prepared, overlay: overlay, overlayIf: condition)
    }

    /// As `compare(photo:overlay:overlayIf:)` for a photo already decoded and calibrated (see
    /// `PreparedPhoto`: the command line prepares it while the master loads).
    public func compare(_ prepared: PreparedPhoto, overlay: String? = nil,
                        overlayIf condition: (CompareResult) -> Bool = { _ in true }) throws -> CompareResult {
        var clock = StageClock()
        let photo = prepared.file, pixels = prepared.pixels, calibration = prepared.calibration
        let out = try comparator.measure(pixels: pixels, thumbnail: prepared.thumbnail, file: photo, calibration: calibration,
                                         segmentation: prepared.segmentation, clock: clock)
        clock = StageClock()
        let judgement = master.sheet.judge(out.measurements, nominals: master.model.nominals)
        clock.mark("judging")
        let result = CompareResult(
            master: master.path, sku: master.model.sku, photo: photo,
            calibration: .init(pxPerMM: calibration.pxPerMM, uncertaintyPct: calibration.uncertaintyPct,
                               source: calibration.source.rawValue, ticksUsed: calibration.ruler?.ticksUsed ?? 0),
            registration: .init(centroidPx: [out.registration.cx, out.registration.cy],
                                rotationDeg: out.registration.theta * 180 / .pi, rotationFrom: out.registration.rotationFrom,
                                outlineRMSmm: out.outlineRMS),
            measurements: out.measurements, checks: judgement.checks, defects: judgement.defects,
            warnings: out.warnings + judgement.notes)
        if let overlay, condition(result) {
            var canvas = Canvas(photo: pixels.image())
            CompareOverlay.draw(result: result, output: out, master: master, sheet: master.sheet, on: &canvas)
            try ImageEncoder.write(canvas.image, to: overlay)
            clock.mark("overlay")
        }
        clock.peakMemory()
        return result
    }
}

/// A photo decoded and calibrated, its unit segmented: everything of a comparison that does not need
/// the master, so that it can run while the master loads.
public struct PreparedPhoto: Sendable {
    public let file: String
    public let pixels: PhotoPixels
    public let thumbnail: Thumbnail
    public let calibration: PhotoCalibration
    let segmentation: UnitLocator.Segmentation

    /// Decodes `photo`, calibrates it (its ruler, else `station`) and segments the unit.
    /// - Throws: `ImageError` or `CalibrationError`, naming the file and the fix.
    public static func prepare(photo: String, detector: RulerDetector = RulerDetector(), station: StationProfile? = nil,
                               limits: DecodeLimits = .default) throws -> PreparedPhoto {
        var clock = StageClock()
        // One thumbnail serves the ruler search, the illumination fit and the unit's location; a JPEG
        // decoder makes it while decoding.
        // JPEG photos stay 8-bit (see PhotoPixels): only crops are ever converted to floating point.
        let decoded = try PhotoDecoder(limits: limits).decodePixels(file: photo, thumbnailFactor: RulerDetector.workingFactor)
        clock.mark("decode")
        let pixels = decoded.pixels
        let factor = RulerDetector.workingFactor(width: pixels.width, height: pixels.height)
        let thumbnail = decoded.thumbnail.flatMap { $0.factor == factor ? $0 : nil } ?? Thumbnail(pixels, factor: factor)
        clock.mark("thumbnail")
        // The unit's segmentation needs only the illumination model: it runs beside the ruler search.
        let (calibration, segmentation) = try PhotoCalibration.resolve(
            pixels: pixels, thumbnail: thumbnail, file: photo, detector: detector, station: station) { illumination in
            UnitLocator.segment(thumbnail: thumbnail, illumination: illumination)
        }
        clock.mark("calibration+segment")
        return PreparedPhoto(file: photo, pixels: pixels, thumbnail: thumbnail, calibration: calibration, segmentation: segmentation)
    }
}

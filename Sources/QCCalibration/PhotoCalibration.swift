import QCColor
import QCImage

/// The calibration a measurement uses for one photo: from its own ruler when one is found, else from a
/// station profile. A photo's own ruler always wins, and `source` says which was used.
public struct PhotoCalibration: Sendable {
    public enum Source: String, Sendable, Codable { case ruler, station }

    public var source: Source
    public var pxPerMM: Double
    public var uncertaintyPct: Double
    /// The ruler found in the photo (nil when a station profile was used).
    public var ruler: RulerCalibration?
    /// The station profile's name when one was used or offered.
    public var stationName: String?
    /// Linear RGB of the white reference, nil when neither the ruler nor a station provides one.
    public var whiteReference: LinearRGB?
    /// Where the white reference was read, px.
    public var whiteReferenceAt: RulerCalibration.Point?
    public var illumination: IlluminationModel?
    public var notes: [String]

    /// Calibrates `image`: ruler first; the station only when no ruler is in frame.
    /// - Throws: `CalibrationError`; `.noRuler` only when no station was given either.
    /// With `jpegBlockMeans` (the file was a JPEG) the white reference is freed of the decoder's rounding.
    public static func resolve(image: Image, file: String, detector: RulerDetector, station: StationProfile?,
                               jpegBlockMeans: JPEGBlockMeans? = nil) throws(CalibrationError) -> PhotoCalibration {
        let thumbnail = Thumbnail(image, factor: RulerDetector.workingFactor(width: image.width, height: image.height))
        var pixels = PhotoPixels(image)
        pixels.jpegBlockMeans = jpegBlockMeans
        return try resolve(pixels: pixels, thumbnail: thumbnail, file: file, detector: detector, station: station)
    }

    /// As `resolve(image:file:detector:station:)`, on a photo's pixels as decoded, with its shared
    /// thumbnail (see `Thumbnail`).
    public static func resolve(pixels image: PhotoPixels, thumbnail: Thumbnail, file: String, detector: RulerDetector,
                               station: StationProfile?) throws(CalibrationError) -> PhotoCalibration {
        try resolve(pixels: image, thumbnail: thumbnail, file: file, detector: detector, station: station) { _ in () }.calibration
    }

    /// As `resolve(pixels:thumbnail:file:detector:station:)`, also running `alongside` on the
    /// illumination fit's thread while the ruler is searched (the two coarse stages that need no
    /// ruler, e.g. segmenting the unit, then cost no wall time). `alongside` gets the illumination the
    /// calibration will carry when the photo's ruler is found: the fitted model, else the station's.
    public static func resolve<Alongside>(pixels image: PhotoPixels, thumbnail: Thumbnail, file: String, detector: RulerDetector,
                                          station: StationProfile?, alongside: (IlluminationModel?) -> Alongside)
        throws(CalibrationError) -> (calibration: PhotoCalibration, alongside: Alongside) {
        // The illumination fit and the ruler search are independent: run them side by side, on the
        // thumbnail's grey made once for both. A fork, not a map: the ruler search's own maps then
        // spread over both cores once the illumination side is done.
        let grey = GreyPlane(thumbnail.image)
        let (found, (illumination, extra)) = ParallelMap.fork({
            Result { () throws(CalibrationError) -> RulerCalibration in
                try detector.calibrate(pixels: image, thumbnail: thumbnail, grey: grey, file: file)
            }
        }, alongside: { () -> (IlluminationModel?, Alongside) in
            let fitted = IlluminationModel.fit(thumbnail: thumbnail, grey: grey)
            return (fitted, alongside(fitted ?? station?.illumination))
        })
        return (try combine(found: found, illumination: illumination, image: image, file: file, station: station), extra)
    }

    private static func combine(found: Result<RulerCalibration, CalibrationError>, illumination: IlluminationModel?,
                                image: PhotoPixels, file: String, station: StationProfile?) throws(CalibrationError) -> PhotoCalibration {
        do {
            let ruler = try found.get()
            var notes = ruler.warnings
            var white = ruler.whiteReference
            var whiteAt: RulerCalibration.Point? = white == nil ? nil
                : .init(x: (ruler.start.x + ruler.end.x) / 2, y: (ruler.start.y + ruler.end.y) / 2)
            if let station {
                notes.append("the photo's own ruler was used; station '\(station.name)' was not needed for the scale")
                if white == nil, let w = station.whiteReference {
                    white = w
                    whiteAt = station.whiteReferenceAt
                    notes.append("white reference from station '\(station.name)' (the ruler has no light face)")
                }
            }
            return PhotoCalibration(source: .ruler, pxPerMM: ruler.pxPerMM, uncertaintyPct: ruler.uncertaintyPct,
                                    ruler: ruler, stationName: station?.name, whiteReference: white,
                                    whiteReferenceAt: whiteAt, illumination: illumination ?? station?.illumination,
                                    notes: notes)
        } catch {
            guard case .noRuler = error, let station else { throw error }
            if station.imageWidth != image.width || station.imageHeight != image.height {
                throw .station(file: station.name, reason: "it was made from \(station.imageWidth)x\(station.imageHeight) "
                    + "photos but \(file) is \(image.width)x\(image.height); recalibrate the station or put a ruler in frame")
            }
            return PhotoCalibration(source: .station, pxPerMM: station.pxPerMM, uncertaintyPct: station.uncertaintyPct,
                                    ruler: nil, stationName: station.name, whiteReference: station.whiteReference,
                                    whiteReferenceAt: station.whiteReferenceAt,
                                    illumination: station.illumination ?? illumination,
                                    notes: ["no ruler in frame: scale and white reference from station '\(station.name)'"])
        }
    }
}

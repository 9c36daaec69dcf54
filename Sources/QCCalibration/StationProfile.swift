import Foundation
import QCColor

/// A saved calibration of an inspection station, for set-ups whose unit photos carry no ruler:
/// px/mm, white reference and illumination, recorded from one photo with the ruler in frame.
/// Stored as `Calibration/stations/NAME.json` (schema qcvision.station.v1).
public struct StationProfile: Sendable, Equatable, Codable {
    public var schema = "qcvision.station.v1"
    public var name: String
    public var pxPerMM: Double
    public var uncertaintyPct: Double
    public var imageWidth: Int
    public var imageHeight: Int
    public var whiteReference: LinearRGB?
    /// Where the white reference was read (image px), for illumination correction elsewhere.
    public var whiteReferenceAt: RulerCalibration.Point?
    public var illumination: IlluminationModel?
    public var rulerDefinition: String
    /// Where the ruler lay in the calibration photo.
    public var rulerStart: RulerCalibration.Point
    public var rulerEnd: RulerCalibration.Point
    public var sourcePhoto: String

    enum CodingKeys: String, CodingKey {
        case schema, name, pxPerMM = "px_per_mm", uncertaintyPct = "uncertainty_pct"
        case imageWidth = "image_width", imageHeight = "image_height"
        case whiteReference = "white_reference", whiteReferenceAt = "white_reference_at", illumination
        case rulerDefinition = "ruler_definition", rulerStart = "ruler_start", rulerEnd = "ruler_end"
        case sourcePhoto = "source_photo"
    }

    public init(name: String, calibration: RulerCalibration, illumination: IlluminationModel?, imageWidth: Int,
                imageHeight: Int, rulerDefinition: String, sourcePhoto: String) {
        self.name = name
        self.pxPerMM = calibration.pxPerMM
        self.uncertaintyPct = calibration.uncertaintyPct
        self.imageWidth = imageWidth
        self.imageHeight = imageHeight
        self.whiteReference = calibration.whiteReference
        self.whiteReferenceAt = calibration.whiteReference == nil ? nil : RulerCalibration.Point(
            x: (calibration.start.x + calibration.end.x) / 2, y: (calibration.start.y + calibration.end.y) / 2)
        self.illumination = illumination
        self.rulerDefinition = rulerDefinition
        self.rulerStart = calibration.start
        self.rulerEnd = calibration.end
        self.sourcePhoto = sourcePhoto
    }

    /// The file for `name`: itself when it is a path to a .json file, else `directory/name.json`.
    public static func path(for name: String, directory: String) -> String {
        if name.hasSuffix(".json") || name.contains("/") { return name }
        return (directory as NSString).appendingPathComponent("\(name).json")
    }

    public static func load(from path: String) throws(CalibrationError) -> StationProfile {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .station(file: path, reason: "cannot read it (\(error.localizedDescription)); create it with "
                + "`qcvision calibrate PHOTO --save \(path)`")
        }
        let profile: StationProfile
        do { profile = try JSONDecoder().decode(StationProfile.self, from: data) } catch {
            throw .station(file: path, reason: "not a station profile (\(error))")
        }
        guard profile.schema == "qcvision.station.v1" else {
            throw .station(file: path, reason: "unknown schema '\(profile.schema)'")
        }
        guard profile.pxPerMM > 0 && profile.pxPerMM.isFinite else {
            throw .station(file: path, reason: "px_per_mm must be positive")
        }
        return profile
    }

    public func save(to path: String) throws(CalibrationError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
            try encoder.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .station(file: path, reason: "cannot write it (\(error.localizedDescription))")
        }
    }
}

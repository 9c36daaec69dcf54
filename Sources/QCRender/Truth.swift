import Foundation
import QCColor

/// The exact answer for every measurement of one photo, computed from the geometry (never from pixels).
///
/// Definitions (shared with the product):
/// - Lengths are in mm in the unit's registered design frame (origin at the outline's area centroid,
///   upright; x right, y down, "top" is −y). Image positions are in px with the `Image` convention
///   (pixel (i, j) covers [i, i+1) × [j, j+1); its centre is (i + 0.5, j + 0.5)).
/// - `overall_size_mm`: extent of the outline along the design axes.
/// - `border_width_mm`: at outline points spaced uniformly by arc length, the distance along the inward
///   normal from the outline to the first non-plate region; top/right/bottom/left are medians over the
///   points whose outward normal is within 45° of that side, min the 2nd percentile over all points.
/// - `fill_boundary_shift_mm`: displacement along the master normal of each sampled internal boundary
///   point of the master (rim inner edge included, outline excluded) to the unit's boundary of the same
///   kind within ±1 mm; max = p99 and p95 of |displacement|; unmatched points are `hidden_points`.
/// - `plating_tone`: plating albedo × typical metal shading (median of the shading field over the
///   plated metal, highlights excluded), divided per channel by the ruler's white, read as linear sRGB
///   and converted to CIELAB; deltas are unit minus master, ΔE is CIEDE2000.
/// All percentiles are type 7 (`Percentile`).
///
/// JSON keys are snake_case; `jsonData()` is byte-stable (sorted keys, pretty printed).
public struct Truth: Sendable, Equatable, Codable {
    /// Width and height in mm.
    public struct Size: Sendable, Equatable, Codable {
        public var width: Double
        public var height: Double
    }

    /// Pixel dimensions.
    public struct PixelSize: Sendable, Equatable, Codable {
        public var width: Int
        public var height: Int
    }

    /// Rim widths (mm).
    public struct BorderWidths: Sendable, Equatable, Codable {
        public var top: Double
        public var right: Double
        public var bottom: Double
        public var left: Double
        public var min: Double
        /// Number of outline points used.
        public var points: Int
    }

    /// Internal boundary displacement statistics (mm).
    public struct BoundaryShift: Sendable, Equatable, Codable {
        /// 99th percentile of |displacement|.
        public var max: Double
        /// 95th percentile of |displacement|.
        public var p95: Double
        /// Master boundary points with no boundary of the same kind within the search range.
        public var hiddenPoints: Int
        /// Master boundary points sampled.
        public var points: Int

        enum CodingKeys: String, CodingKey { case max, p95, hiddenPoints = "hidden_points", points }
    }

    /// Plating tone of master and unit, white-referenced (CIELAB D65).
    public struct PlatingTone: Sendable, Equatable, Codable {
        public var masterLab: Lab
        public var unitLab: Lab
        public var deltaE00: Double
        public var deltaL: Double
        public var deltaA: Double
        public var deltaB: Double
        /// Typical (median) metal shading factor in the master and in the unit.
        public var masterTypicalShading: Double
        public var unitTypicalShading: Double

        enum CodingKeys: String, CodingKey {
            case masterLab = "master_lab", unitLab = "unit_lab", deltaE00 = "delta_e00"
            case deltaL = "delta_l", deltaA = "delta_a", deltaB = "delta_b"
            case masterTypicalShading = "master_typical_shading", unitTypicalShading = "unit_typical_shading"
        }
    }

    /// The reference ruler in the image.
    public struct RulerTruth: Sendable, Equatable, Codable {
        /// Angle of the ruler's increasing-mm direction in the image (degrees, clockwise on screen from +x).
        public var angleDeg: Double
        /// Tick pitch (px), equal to px_per_mm.
        public var pitchPx: Double
        /// Image position of each tick's centre line where it meets the graduated face edge, tick 0 first.
        public var ticksPx: [[Double]]
        /// Unit vector from the graduated edge into the face (along the ticks), in the image.
        public var tickDirection: [Double]
        /// Linear-RGB reflectance of the face, before exposure and white balance.
        public var faceLinearRGB: [Double]
        /// Linear-RGB reflectance of the ruler's white (the light one of face and marks).
        public var whiteLinearRGB: [Double]
        /// "dark_on_light" or "light_on_dark".
        public var polarity: String
        /// Ticks are every 1 mm; long ticks every 10 mm, mid ticks every 5 mm.
        public var graduations: Int

        enum CodingKeys: String, CodingKey {
            case angleDeg = "angle_deg", pitchPx = "pitch_px", ticksPx = "ticks_px", tickDirection = "tick_direction"
            case faceLinearRGB = "face_linear_rgb", whiteLinearRGB = "white_linear_rgb", polarity, graduations
        }
    }

    /// Camera settings of the photo (these do not enter the measurement truth).
    public struct CameraTruth: Sendable, Equatable, Codable {
        public var exposure: Double
        public var wbGains: [Double]
        public var blurSigmaPx: Double
        public var noise: Double
        public var vignetting: Double
        public var format: String
        public var quality: Int?

        enum CodingKeys: String, CodingKey {
            case exposure, wbGains = "wb_gains", blurSigmaPx = "blur_sigma_px", noise, vignetting, format, quality
        }
    }

    /// A highlight in the truth: design frame and image positions.
    public struct HighlightTruth: Sendable, Equatable, Codable {
        public var centreMM: Vec2
        public var centrePx: Vec2
        public var sigmaAlongMM: Double
        public var sigmaAcrossMM: Double
        public var peak: Double

        enum CodingKeys: String, CodingKey {
            case centreMM = "centre_mm", centrePx = "centre_px", sigmaAlongMM = "sigma_along_mm"
            case sigmaAcrossMM = "sigma_across_mm", peak
        }
    }

    /// "qcvision.truth.v1".
    public var schema: String
    public var design: String
    public var finish: String
    public var pxPerMM: Double
    public var imageSizePx: PixelSize
    public var unitCentrePx: Vec2
    public var unitRotationDeg: Double
    public var overallSizeMM: Size
    public var borderWidthMM: BorderWidths
    public var fillBoundaryShiftMM: BoundaryShift
    public var platingTone: PlatingTone
    public var ruler: RulerTruth
    public var camera: CameraTruth
    public var background: String
    public var defects: [UnitDefect]
    public var highlights: [HighlightTruth]
    public var seed: UInt64

    /// The schema identifier written in every truth file.
    public static let schemaID = "qcvision.truth.v1"

    enum CodingKeys: String, CodingKey {
        case schema, design, finish, pxPerMM = "px_per_mm", imageSizePx = "image_size_px"
        case unitCentrePx = "unit_centre_px", unitRotationDeg = "unit_rotation_deg"
        case overallSizeMM = "overall_size_mm", borderWidthMM = "border_width_mm"
        case fillBoundaryShiftMM = "fill_boundary_shift_mm", platingTone = "plating_tone", ruler, camera
        case background, defects, highlights, seed
    }

    /// Byte-stable JSON: sorted keys, pretty printed, trailing newline.
    public func jsonData() throws(RenderError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(self)
            data.append(0x0A)
            return data
        } catch {
            throw .encode("truth JSON: \(error)")
        }
    }

    /// Decodes a truth file's bytes.
    public static func decode(_ data: Data) throws(RenderError) -> Truth {
        do { return try JSONDecoder().decode(Truth.self, from: data) } catch {
            throw .io(path: "<truth>", reason: "not a truth JSON: \(error)")
        }
    }
}

/// A measured master: the golden sample turned into numbers (schema qcvision.master.v1).
///
/// Stored as a folder `NAME.qcmaster/` holding `master.json` (this), `geometry.bin` (its outline,
/// boundaries and rings again, as binary columns for fast loading), `regions.png` (the region map),
/// `overlay.png` (what was found, for the inspector to confirm), `sheet.yaml` (the control sheet) and
/// the source photo. Coordinates are millimetres in the design frame: origin at the outline's area
/// centroid, x right, y down, "top" is −y; the master photo defines it (masters are photographed upright).
public struct MasterModel: Sendable, Codable {
    /// One region of the artwork: the plating or an enamel fill.
    public struct RegionInfo: Sendable, Codable, Equatable {
        public var label: Int
        /// "metal" or "fill".
        public var kind: String
        public var name: String
        /// CIELAB D65 of the white-referenced colour.
        public var lab: [Double]
        /// White-referenced linear RGB (colour ÷ ruler white, per channel).
        public var linear: [Double]
        public var areaMM2: Double
        enum CodingKeys: String, CodingKey { case label, kind, name, lab, linear, areaMM2 = "area_mm2" }
    }

    /// A point of the outer outline with its outward normal and the rim there.
    public struct OutlinePoint: Sendable, Codable, Equatable {
        public var x: Double, y: Double, nx: Double, ny: Double
        /// Label of the first region met going inward past the plating (−1 if none within reach).
        public var firstFill: Int
        /// Rim width measured on the master here, mm (NaN-free: −1 when none).
        public var rim: Double
    }

    /// A point of an internal colour boundary, between region `a` (on the −normal side) and `b`.
    public struct BoundaryPoint: Sendable, Codable, Equatable {
        public var x: Double, y: Double, nx: Double, ny: Double
        public var a: Int, b: Int
        /// How far region a / b extends from here along ∓normal / ±normal, mm (capped at 1.5).
        public var reachA: Double, reachB: Double
        enum CodingKeys: String, CodingKey { case x, y, nx, ny, a, b, reachA = "reach_a", reachB = "reach_b" }
    }

    /// Regular grid over the design frame on which `regions.png` is drawn.
    public struct Grid: Sendable, Codable, Equatable {
        public var originX: Double, originY: Double
        /// Cell size, mm.
        public var cell: Double
        public var width: Int, height: Int
        enum CodingKeys: String, CodingKey { case originX = "origin_x", originY = "origin_y", cell, width, height }
    }

    /// Colour rings sampled around the centroid, for rotation from the artwork when the outline is round.
    public struct Ring: Sendable, Codable, Equatable {
        public var radius: Double
        /// Interleaved white-referenced linear RGB at `samples` equal angles from +x (towards +y).
        public var rgb: [Float]
    }

    public var schema = "qcvision.master.v1"
    public var sku: String
    public var description: String
    public var finish: String
    public var artworkRevision: String
    public var sourcePhoto: String
    public var pxPerMM: Double
    public var calibrationUncertaintyPct: Double
    public var overallSize: Measurements.OverallSize
    public var borderWidth: Measurements.BorderWidth
    /// Plating colour, CIELAB D65 of the white-referenced typical metal colour.
    public var platingLab: [Double]
    public var hasWhiteReference: Bool
    /// True when the outline is round, so rotation must come from the artwork.
    public var outlineSymmetric: Bool
    public var regions: [RegionInfo]
    public var outline: [OutlinePoint]
    public var boundaries: [BoundaryPoint]
    public var grid: Grid
    public var ringSamples: Int
    public var rings: [Ring]
    /// Where the design-frame origin (outline centroid) lies in the master photo, px.
    public var centroidPx: [Double]?
    /// Labels on `grid`, row-major; −1 outside the unit. Stored in regions.png, not in JSON.
    public var labels: [Int8] = []

    enum CodingKeys: String, CodingKey {
        case schema, sku, description, finish, artworkRevision = "artwork_revision", sourcePhoto = "source_photo"
        case pxPerMM = "px_per_mm", calibrationUncertaintyPct = "calibration_uncertainty_pct"
        case overallSize = "overall_size_mm", borderWidth = "border_width_mm", platingLab = "plating_lab"
        case hasWhiteReference = "has_white_reference", outlineSymmetric = "outline_symmetric"
        case regions, outline, boundaries, grid, ringSamples = "ring_samples", rings, centroidPx = "centroid_px"
    }

    /// Label at design point (x, y) mm, −1 outside the grid or the unit.
    public func label(atX x: Double, y: Double) -> Int {
        let i = Int(((x - grid.originX) / grid.cell).rounded(.down)), j = Int(((y - grid.originY) / grid.cell).rounded(.down))
        if i < 0 || j < 0 || i >= grid.width || j >= grid.height { return -1 }
        return Int(labels[j * grid.width + i])
    }

    /// The plating region's label.
    public var metalLabel: Int { regions.first { $0.kind == "metal" }?.label ?? 0 }

    /// Nominal values for the control sheet where it omits them: the master's size and its typical rim
    /// (the mean of the two middle side medians).
    public var nominals: MasterNominals {
        let sides = [borderWidth.top, borderWidth.right, borderWidth.bottom, borderWidth.left].sorted()
        return MasterNominals(overallWidth: overallSize.width, overallHeight: overallSize.height,
                              borderWidth: (sides[1] + sides[2]) / 2)
    }
}

extension MasterModel {
    /// Decoder option: leave `outline`, `boundaries` and `rings` empty (they are read from
    /// `geometry.bin`, see `MasterGeometryFile`); the JSON still holds them for everyone else.
    static let geometryElsewhere = CodingUserInfoKey(rawValue: "qcvision.master.geometryElsewhere")!

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decode(String.self, forKey: .schema)
        sku = try c.decode(String.self, forKey: .sku)
        description = try c.decode(String.self, forKey: .description)
        finish = try c.decode(String.self, forKey: .finish)
        artworkRevision = try c.decode(String.self, forKey: .artworkRevision)
        sourcePhoto = try c.decode(String.self, forKey: .sourcePhoto)
        pxPerMM = try c.decode(Double.self, forKey: .pxPerMM)
        calibrationUncertaintyPct = try c.decode(Double.self, forKey: .calibrationUncertaintyPct)
        overallSize = try c.decode(Measurements.OverallSize.self, forKey: .overallSize)
        borderWidth = try c.decode(Measurements.BorderWidth.self, forKey: .borderWidth)
        platingLab = try c.decode([Double].self, forKey: .platingLab)
        hasWhiteReference = try c.decode(Bool.self, forKey: .hasWhiteReference)
        outlineSymmetric = try c.decode(Bool.self, forKey: .outlineSymmetric)
        regions = try c.decode([RegionInfo].self, forKey: .regions)
        grid = try c.decode(Grid.self, forKey: .grid)
        ringSamples = try c.decode(Int.self, forKey: .ringSamples)
        centroidPx = try c.decodeIfPresent([Double].self, forKey: .centroidPx)
        if decoder.userInfo[Self.geometryElsewhere] as? Bool == true {
            outline = []; boundaries = []; rings = []
        } else {
            outline = try c.decode([OutlinePoint].self, forKey: .outline)
            boundaries = try c.decode([BoundaryPoint].self, forKey: .boundaries)
            rings = try c.decode([Ring].self, forKey: .rings)
        }
    }
}

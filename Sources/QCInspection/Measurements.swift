/// What qcvision measures on one unit, in millimetres and ΔE00, by the definitions in README.md
/// ("Measurement definitions"): the unit registered to the master on its outer outline, each photo
/// scaled by its own calibration.
public struct Measurements: Sendable, Equatable, Codable {
    /// Extent of the outline along the design frame's axes, mm.
    public struct OverallSize: Sendable, Equatable, Codable {
        public var width: Double
        public var height: Double
        public init(width: Double, height: Double) { self.width = width; self.height = height }
    }

    /// Rim (border) width, mm: per-side medians over outline points whose outward normal lies within 45°
    /// of that side, and the 2nd percentile over all points.
    public struct BorderWidth: Sendable, Equatable, Codable {
        public var top: Double
        public var right: Double
        public var bottom: Double
        public var left: Double
        public var min: Double
        public init(top: Double, right: Double, bottom: Double, left: Double, min: Double) {
            self.top = top; self.right = right; self.bottom = bottom; self.left = left; self.min = min
        }
        /// The four sides and the minimum, named as in reports.
        public var named: [(String, Double)] { [("top", top), ("right", right), ("bottom", bottom), ("left", left), ("min", min)] }
    }

    /// Displacement of the internal colour boundaries along the master's normals, mm:
    /// `max` = 99th and `p95` = 95th percentile of |displacement|.
    public struct BoundaryShift: Sendable, Equatable, Codable {
        public var max: Double
        public var p95: Double
        /// Master boundary points with no counterpart in the unit (left out of the percentiles).
        public var hiddenPoints: Int
        public var points: Int
        public init(max: Double, p95: Double, hiddenPoints: Int, points: Int) {
            self.max = max; self.p95 = p95; self.hiddenPoints = hiddenPoints; self.points = points
        }
        enum CodingKeys: String, CodingKey { case max, p95, hiddenPoints = "hidden_points", points }
    }

    /// Plating colour of the unit against the master, white-referenced, CIELAB D65; delta = unit − master.
    public struct PlatingTone: Sendable, Equatable, Codable {
        public var deltaE00: Double
        public var deltaL: Double
        public var deltaA: Double
        public var deltaB: Double
        /// Words for components beyond 0.5: "darker"/"lighter", "greener"/"redder", "bluer"/"yellower".
        public var direction: [String]
        public init(deltaE00: Double, deltaL: Double, deltaA: Double, deltaB: Double, direction: [String]) {
            self.deltaE00 = deltaE00; self.deltaL = deltaL; self.deltaA = deltaA; self.deltaB = deltaB
            self.direction = direction
        }
        enum CodingKeys: String, CodingKey {
            case deltaE00 = "delta_e00", deltaL = "delta_l", deltaA = "delta_a", deltaB = "delta_b", direction
        }

        /// The direction words for a Lab delta (threshold 0.5 per component).
        public static func words(deltaL: Double, deltaA: Double, deltaB: Double, threshold: Double = 0.5) -> [String] {
            var w: [String] = []
            if deltaL < -threshold { w.append("darker") } else if deltaL > threshold { w.append("lighter") }
            if deltaA < -threshold { w.append("greener") } else if deltaA > threshold { w.append("redder") }
            if deltaB < -threshold { w.append("bluer") } else if deltaB > threshold { w.append("yellower") }
            return w
        }
    }

    public var overallSize: OverallSize
    public var borderWidth: BorderWidth
    public var fillBoundaryShift: BoundaryShift
    /// Nil when the photo has no white reference (light-on-dark ruler and no station).
    public var platingTone: PlatingTone?

    public init(overallSize: OverallSize, borderWidth: BorderWidth, fillBoundaryShift: BoundaryShift, platingTone: PlatingTone?) {
        self.overallSize = overallSize; self.borderWidth = borderWidth
        self.fillBoundaryShift = fillBoundaryShift; self.platingTone = platingTone
    }

    enum CodingKeys: String, CodingKey {
        case overallSize = "overall_size_mm", borderWidth = "border_width_mm"
        case fillBoundaryShift = "fill_boundary_shift_mm", platingTone = "plating_tone"
    }
}

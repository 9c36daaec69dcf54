import QCColor

/// Machine-readable calibration (schema qcvision.calibration.v1); field names are a stable interface.
public struct CalibrationReport: Sendable, Encodable {
    public struct White: Sendable, Encodable {
        /// Linear RGB of the white reference (0...1).
        public var r: Double, g: Double, b: Double
        /// Its CIELAB (D65) as photographed, to judge exposure.
        public var lab: [Double]
    }

    public struct Ruler: Sendable, Encodable {
        public var start: RulerCalibration.Point
        public var end: RulerCalibration.Point
        public var spanMM: Double
        public var residualRMSpx: Double
        public var polarity: String
        public var longTickEvery: Int?
        public var definition: String

        enum CodingKeys: String, CodingKey {
            case start, end, spanMM = "span_mm", residualRMSpx = "residual_rms_px", polarity
            case longTickEvery = "long_tick_every", definition
        }
    }

    public var schema = "qcvision.calibration.v1"
    public var file: String
    public var pxPerMM: Double
    public var uncertaintyPct: Double
    public var ticksUsed: Int
    public var angleDeg: Double?
    public var source: String
    public var station: String?
    public var whiteReference: White?
    public var ruler: Ruler?
    public var illuminationFalloffPct: Double?
    public var warnings: [String]

    enum CodingKeys: String, CodingKey {
        case schema, file, pxPerMM = "px_per_mm", uncertaintyPct = "uncertainty_pct", ticksUsed = "ticks_used"
        case angleDeg = "angle_deg", source, station, whiteReference = "white_reference", ruler
        case illuminationFalloffPct = "illumination_falloff_pct", warnings
    }

    public init(file: String, calibration c: PhotoCalibration, definition: String) {
        self.file = file
        self.pxPerMM = c.pxPerMM
        self.uncertaintyPct = c.uncertaintyPct
        self.ticksUsed = c.ruler?.ticksUsed ?? 0
        self.angleDeg = c.ruler?.angleDegrees
        self.source = c.source.rawValue
        self.station = c.stationName
        self.whiteReference = c.whiteReference.map { w in
            let lab = ColourConversion.lab(w)
            return White(r: w.r, g: w.g, b: w.b, lab: [lab.l, lab.a, lab.b])
        }
        self.ruler = c.ruler.map {
            Ruler(start: $0.start, end: $0.end, spanMM: $0.spanMM, residualRMSpx: $0.residualRMSpx,
                  polarity: $0.polarity.rawValue, longTickEvery: $0.longTickEvery, definition: definition)
        }
        self.illuminationFalloffPct = c.illumination?.falloffPercent
        self.warnings = c.notes
    }
}

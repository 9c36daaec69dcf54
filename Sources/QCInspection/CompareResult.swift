import QCSampling

/// The result of comparing one unit photo with a measured master (schema qcvision.compare.v1).
/// Field names are a stable interface (see FORMATS.md); add fields freely, never rename.
public struct CompareResult: Sendable, Equatable, Codable {
    /// Scale used for the unit photo.
    public struct Calibration: Sendable, Equatable, Codable {
        public var pxPerMM: Double
        public var uncertaintyPct: Double
        /// "ruler" or "station".
        public var source: String
        public var ticksUsed: Int
        public init(pxPerMM: Double, uncertaintyPct: Double, source: String, ticksUsed: Int) {
            self.pxPerMM = pxPerMM; self.uncertaintyPct = uncertaintyPct; self.source = source; self.ticksUsed = ticksUsed
        }
        enum CodingKeys: String, CodingKey {
            case pxPerMM = "px_per_mm", uncertaintyPct = "uncertainty_pct", source, ticksUsed = "ticks_used"
        }
    }

    /// How the unit was placed onto the master's design frame.
    public struct Registration: Sendable, Equatable, Codable {
        /// Where the unit's outline centroid lies in its photo, px.
        public var centroidPx: [Double]
        /// Rotation of the unit in its photo relative to the master, degrees.
        public var rotationDeg: Double
        /// "outline" when the outline fixes rotation, "artwork" for rotationally symmetric outlines.
        public var rotationFrom: String
        /// RMS distance between the registered unit outline and the master outline, mm (shape match).
        public var outlineRMSmm: Double
        public init(centroidPx: [Double], rotationDeg: Double, rotationFrom: String, outlineRMSmm: Double) {
            self.centroidPx = centroidPx; self.rotationDeg = rotationDeg; self.rotationFrom = rotationFrom
            self.outlineRMSmm = outlineRMSmm
        }
        enum CodingKeys: String, CodingKey {
            case centroidPx = "centroid_px", rotationDeg = "rotation_deg", rotationFrom = "rotation_from"
            case outlineRMSmm = "outline_rms_mm"
        }
    }

    /// One check of the control sheet as judged: measured, nominal, limits, verdict.
    public struct CheckResult: Sendable, Equatable, Codable {
        public var check: String
        /// The measured value the verdict rests on (the worst side for border width).
        public var value: Double
        public var nominal: Double?
        /// Lowest and highest acceptable values (nil where the check has no bound on that side).
        public var lower: Double?
        public var upper: Double?
        /// "ok" or the defect class.
        public var status: String
        public init(check: String, value: Double, nominal: Double?, lower: Double?, upper: Double?, status: String) {
            self.check = check; self.value = value; self.nominal = nominal; self.lower = lower; self.upper = upper
            self.status = status
        }
    }

    public var schema = "qcvision.compare.v1"
    public var master: String
    public var sku: String
    public var photo: String
    public var calibration: Calibration
    public var registration: Registration
    public var measurements: Measurements
    public var checks: [CheckResult]
    public var defects: [Defect]
    /// "none", "minor", "major" or "critical".
    public var worstClass: String
    public var warnings: [String]

    public init(master: String, sku: String, photo: String, calibration: Calibration, registration: Registration,
                measurements: Measurements, checks: [CheckResult], defects: [Defect], warnings: [String]) {
        self.master = master; self.sku = sku; self.photo = photo; self.calibration = calibration
        self.registration = registration; self.measurements = measurements; self.checks = checks
        self.defects = defects; self.warnings = warnings
        self.worstClass = Self.worst(defects)?.rawValue ?? "none"
    }

    /// The most severe class among `defects` (critical > major > minor), nil when there are none.
    public static func worst(_ defects: [Defect]) -> DefectClass? {
        for c in [DefectClass.critical, .major, .minor] where defects.contains(where: { $0.defectClass == c }) { return c }
        return nil
    }

    enum CodingKeys: String, CodingKey {
        case schema, master, sku, photo, calibration, registration, measurements, checks, defects
        case worstClass = "worst_class", warnings
    }
}

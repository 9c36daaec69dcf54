import QCInspection

/// One measured unit of a lot as reported (`units[]` of qcvision.lot.v1): where its photo lies, its worst
/// class and defects, the checks and measurements behind them, and its overlay image.
public struct UnitRecord: Sendable, Equatable, Codable {
    /// Path relative to the lot folder.
    public var photo: String
    public var carton: String?
    public var line: String?
    public var dateCode: String?
    public var codes: [String]
    /// "none", "minor", "major" or "critical".
    public var worstClass: String
    public var defects: [Defect]
    public var checks: [CompareResult.CheckResult]
    public var measurements: Measurements
    public var warnings: [String]
    /// The overlay image: as the scorer wrote it, or `overlays/<name>` inside a report folder.
    public var overlayPath: String?
    /// False for units measured beyond the sample size (they are reported but not counted).
    public var inSample: Bool

    public init(photo: LotPhoto, score: UnitScore, inSample: Bool = true) {
        self.photo = photo.relativePath; self.carton = photo.carton; self.line = photo.line
        self.dateCode = photo.dateCode; self.codes = photo.codes
        self.worstClass = score.result.worstClass; self.defects = score.result.defects
        self.checks = score.result.checks; self.measurements = score.result.measurements
        self.warnings = score.result.warnings; self.overlayPath = score.overlayPath; self.inSample = inSample
    }

    /// The carton name used when grouping.
    public var cartonLabel: String { carton ?? LotPhoto.looseLabel }

    /// True when the unit has at least one defect.
    public var isDefective: Bool { !defects.isEmpty }

    /// The value a check was judged on, nil when the unit has no such check or it was not measured.
    public func checkValue(_ check: String) -> Double? {
        checks.first { $0.check == check && $0.status != UnitRecord.notMeasured }?.value
    }

    /// The status the comparison engine gives a check it could not judge (its value is meaningless).
    public static let notMeasured = "not_measured"

    enum CodingKeys: String, CodingKey {
        case photo, carton, line, dateCode = "date_code", codes, worstClass = "worst_class", defects, checks
        case measurements, warnings, overlayPath = "overlay", inSample = "in_sample"
    }
}

/// A photo that could not be read or measured.
public struct UnitFailure: Sendable, Equatable, Codable {
    public var photo: String
    public var carton: String?
    public var error: String

    public init(photo: String, carton: String?, error: String) {
        self.photo = photo; self.carton = carton; self.error = error
    }
}

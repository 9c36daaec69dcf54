import QCSampling

/// One failed check on one unit: which check, its class, the measured value against the limit.
public struct Defect: Sendable, Equatable, Codable {
    /// The control sheet's check key: overall_size_mm, border_width_mm, fill_boundary_shift_mm,
    /// plating_tone_delta_e00.
    public var check: String
    public var defectClass: DefectClass
    /// The measured value that failed (mm or ΔE00).
    public var value: Double
    /// The limit it broke (the bound on the side it failed).
    public var limit: Double
    /// A sentence for people: what failed, where, by how much.
    public var message: String

    public init(check: String, defectClass: DefectClass, value: Double, limit: Double, message: String) {
        self.check = check; self.defectClass = defectClass; self.value = value; self.limit = limit; self.message = message
    }

    enum CodingKeys: String, CodingKey { case check, defectClass = "class", value, limit, message }
}

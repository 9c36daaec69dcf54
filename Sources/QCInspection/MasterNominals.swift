/// The golden sample's own measurements, used as nominals where a control sheet gives none
/// (`overall_size_mm` without `width`/`height`, `border_width_mm` without `nominal`).
public struct MasterNominals: Sendable, Equatable, Codable {
    /// Extent of the master's outline along the design frame's x axis, mm.
    public var overallWidth: Double
    /// Extent of the master's outline along the design frame's y axis, mm.
    public var overallHeight: Double
    /// The master's rim width, mm: the median over all its outline points.
    public var borderWidth: Double

    public init(overallWidth: Double, overallHeight: Double, borderWidth: Double) {
        self.overallWidth = overallWidth; self.overallHeight = overallHeight; self.borderWidth = borderWidth
    }

    enum CodingKeys: String, CodingKey {
        case overallWidth = "overall_width_mm", overallHeight = "overall_height_mm", borderWidth = "border_width_mm"
    }
}

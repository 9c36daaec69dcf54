/// Whether a failed check affects the function of the unit or only its look.
public enum CheckCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case functional
    case cosmetic

    /// The one table: size and rim width decide fit and strength; fill position and plating tone are looks.
    public static let table: [String: CheckCategory] = [
        "overall_size_mm": .functional,
        "border_width_mm": .functional,
        "fill_boundary_shift_mm": .cosmetic,
        "plating_tone_delta_e00": .cosmetic,
    ]

    /// The category of a check key (`border_width_mm`, also `border_width_mm.left`); checks not in the table
    /// count as functional, the cautious side.
    public static func of(_ check: String) -> CheckCategory {
        if let found = table[check] { return found }
        let base = check.split(separator: ".").first.map(String.init) ?? check
        return table[base] ?? .functional
    }
}

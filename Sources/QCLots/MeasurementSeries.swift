import QCInspection

/// The named scalar measurements of a unit, flattened for the store, the history trends and the charts
/// (`overall_size_mm.width`, `border_width_mm.min`, `plating_tone.delta_e00`, ...).
public enum MeasurementSeries {
    /// The measurements followed lot over lot in the history, with their units.
    public static let trended: [(name: String, unit: String, label: String)] = [
        ("plating_tone.delta_e00", "ΔE00", "plating ΔE00"),
        ("border_width_mm.min", "mm", "border min"),
        ("overall_size_mm.width", "mm", "size width"),
        ("overall_size_mm.height", "mm", "size height"),
        ("fill_boundary_shift_mm.max", "mm", "boundary shift"),
    ]

    /// Every scalar of a unit's measurements, in a fixed order.
    public static func values(of m: Measurements) -> [(name: String, value: Double)] {
        var out: [(String, Double)] = [
            ("overall_size_mm.width", m.overallSize.width),
            ("overall_size_mm.height", m.overallSize.height),
        ]
        for (side, value) in m.borderWidth.named { out.append(("border_width_mm.\(side)", value)) }
        out.append(("fill_boundary_shift_mm.max", m.fillBoundaryShift.max))
        out.append(("fill_boundary_shift_mm.p95", m.fillBoundaryShift.p95))
        if let tone = m.platingTone {
            out.append(("plating_tone.delta_e00", tone.deltaE00))
            out.append(("plating_tone.delta_l", tone.deltaL))
            out.append(("plating_tone.delta_a", tone.deltaA))
            out.append(("plating_tone.delta_b", tone.deltaB))
        }
        return out.filter { $0.1.isFinite }
    }

    /// One named value of a unit, nil when absent.
    public static func value(_ name: String, of m: Measurements) -> Double? {
        values(of: m).first { $0.name == name }?.value
    }
}

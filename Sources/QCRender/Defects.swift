/// A manufacturing defect of known size, applied to a unit's geometry, colour or surface.
///
/// Geometry defects change the truth; surface marks (pits, scratches) are only recorded in it.
/// In the truth JSON a defect is an object with a `kind` and its parameters in mm.
public enum UnitDefect: Sendable, Equatable, Codable {
    /// All fills and internal metal (everything inside the rim's inner edge) moved by (dx, dy) mm
    /// relative to the outline, which stays put: the rim thins on the side the fill moves towards.
    case fillOffset(dx: Double, dy: Double)
    /// One metal feature (by name), and the fills it carries, moved by `distance` mm along its `shiftNormal`.
    case lineShift(feature: String, distance: Double)
    /// The whole unit scaled by `factor` about its outline centroid (size, rim, everything).
    case scale(factor: Double)
    /// Plating colour shifted by a CIELAB delta applied to the albedo's Lab (`label` e.g. "greener").
    case platingShift(deltaL: Double, deltaA: Double, deltaB: Double, label: String)
    /// A small round pit centred at (x, y) mm in the design frame.
    case pit(x: Double, y: Double, diameter: Double)
    /// A straight scratch from `from` to `to` (design frame, mm), `width` mm wide.
    case scratch(from: Vec2, to: Vec2, width: Double)

    /// The `kind` string in JSON.
    public var kind: String {
        switch self {
        case .fillOffset: return "fill_offset"
        case .lineShift: return "line_shift"
        case .scale: return "scale"
        case .platingShift: return "plating_shift"
        case .pit: return "pit"
        case .scratch: return "scratch"
        }
    }

    /// Whether the defect is a surface mark (recorded in the truth, not part of the geometry).
    public var isSurfaceMark: Bool {
        switch self {
        case .pit, .scratch: return true
        default: return false
        }
    }

    enum CodingKeys: String, CodingKey {
        case kind, dxMM = "dx_mm", dyMM = "dy_mm", feature, distanceMM = "distance_mm", factor
        case deltaL = "delta_l", deltaA = "delta_a", deltaB = "delta_b", label
        case xMM = "x_mm", yMM = "y_mm", diameterMM = "diameter_mm"
        case fromMM = "from_mm", toMM = "to_mm", widthMM = "width_mm", lengthMM = "length_mm"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        switch self {
        case .fillOffset(let dx, let dy):
            try c.encode(dx, forKey: .dxMM); try c.encode(dy, forKey: .dyMM)
        case .lineShift(let feature, let d):
            try c.encode(feature, forKey: .feature); try c.encode(d, forKey: .distanceMM)
        case .scale(let f):
            try c.encode(f, forKey: .factor)
        case .platingShift(let l, let a, let b, let label):
            try c.encode(l, forKey: .deltaL); try c.encode(a, forKey: .deltaA); try c.encode(b, forKey: .deltaB)
            try c.encode(label, forKey: .label)
        case .pit(let x, let y, let d):
            try c.encode(x, forKey: .xMM); try c.encode(y, forKey: .yMM); try c.encode(d, forKey: .diameterMM)
        case .scratch(let a, let b, let w):
            try c.encode(a, forKey: .fromMM); try c.encode(b, forKey: .toMM); try c.encode(w, forKey: .widthMM)
            try c.encode((b - a).length, forKey: .lengthMM)
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try c.decode(String.self, forKey: .kind)
        switch kind {
        case "fill_offset":
            self = .fillOffset(dx: try c.decode(Double.self, forKey: .dxMM), dy: try c.decode(Double.self, forKey: .dyMM))
        case "line_shift":
            self = .lineShift(feature: try c.decode(String.self, forKey: .feature),
                              distance: try c.decode(Double.self, forKey: .distanceMM))
        case "scale":
            self = .scale(factor: try c.decode(Double.self, forKey: .factor))
        case "plating_shift":
            self = .platingShift(deltaL: try c.decode(Double.self, forKey: .deltaL),
                                 deltaA: try c.decode(Double.self, forKey: .deltaA),
                                 deltaB: try c.decode(Double.self, forKey: .deltaB),
                                 label: try c.decode(String.self, forKey: .label))
        case "pit":
            self = .pit(x: try c.decode(Double.self, forKey: .xMM), y: try c.decode(Double.self, forKey: .yMM),
                        diameter: try c.decode(Double.self, forKey: .diameterMM))
        case "scratch":
            self = .scratch(from: try c.decode(Vec2.self, forKey: .fromMM), to: try c.decode(Vec2.self, forKey: .toMM),
                            width: try c.decode(Double.self, forKey: .widthMM))
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown defect kind \(kind)")
        }
    }
}

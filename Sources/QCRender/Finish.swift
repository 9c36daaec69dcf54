import QCColor

/// A plating finish, with the CIELAB colour (D65) of its diffuse albedo.
///
/// Colours are the plating as it reads against a white reference under even light; the renderer
/// converts them to linear-RGB albedo with `ColourConversion.linearRGB(_:)`.
public enum Finish: String, CaseIterable, Sendable, Codable {
    case imitationGold = "imitation gold"
    case brightNickel = "bright nickel"
    case blackNickel = "black nickel"
    case antiqueBrass = "antique brass"

    /// The plating's CIELAB colour.
    public var platingLab: Lab {
        switch self {
        case .imitationGold: return Lab(76, 6, 52)
        case .brightNickel: return Lab(80, -0.5, 2)
        case .blackNickel: return Lab(40, 0, -1.5)
        case .antiqueBrass: return Lab(56, 8, 32)
        }
    }

    /// How much whiter than the albedo a specular highlight is (0 = tinted like the metal, 1 = white).
    var highlightWhiteness: Double {
        switch self {
        case .imitationGold, .antiqueBrass: return 0.45
        case .brightNickel, .blackNickel: return 0.8
        }
    }

    /// Lower-case, dash-separated name for file names and SKUs ("imitation-gold").
    public var slug: String { rawValue.replacingOccurrences(of: " ", with: "-") }

    /// The finish named `name` (raw value or slug).
    public static func named(_ name: String) -> Finish? {
        allCases.first { $0.rawValue == name || $0.slug == name }
    }
}

import QCColor

/// The plain matte surface the unit and ruler lie on, with a slight texture.
public struct Background: Sendable, Equatable {
    /// The surface colour.
    public enum Kind: Sendable, Equatable {
        case grey, black, white
        /// Any colour, as CIELAB (D65).
        case coloured(Lab)
    }

    /// Surface colour.
    public var kind: Kind
    /// Texture strength: 0 flat, 1 the default slight texture (±2.5 % coarse, ±1.2 % fine).
    public var texture: Double

    /// A background of `kind` with texture strength `texture`.
    public init(_ kind: Kind, texture: Double = 1) { self.kind = kind; self.texture = texture }

    /// Mid-grey matte card.
    public static let grey = Background(.grey)
    /// Black velvet-like matte.
    public static let black = Background(.black)
    /// White matte paper.
    public static let white = Background(.white)
    /// A green cutting mat.
    public static let greenMat = Background(.coloured(Lab(42, -24, 9)))
    /// A blue matte card.
    public static let blueCard = Background(.coloured(Lab(45, -2, -28)))

    /// Linear-RGB albedo.
    public var albedo: LinearRGB {
        switch kind {
        case .grey: return LinearRGB(0.17, 0.17, 0.165)
        case .black: return LinearRGB(0.022, 0.022, 0.024)
        case .white: return LinearRGB(0.70, 0.70, 0.69)
        case .coloured(let lab): return Appearance.albedo(lab)
        }
    }

    /// Name for the truth: "grey", "black", "white" or "coloured L a b".
    public var name: String {
        switch kind {
        case .grey: return "grey"
        case .black: return "black"
        case .white: return "white"
        case .coloured(let lab): return "coloured \(lab.l) \(lab.a) \(lab.b)"
        }
    }

    /// Texture factor (≈ 1) at scene point `p` (mm).
    @inline(__always) func textureFactor(_ p: Vec2, coarse: ValueNoise, fine: ValueNoise) -> Double {
        if texture == 0 { return 1 }
        return 1 + texture * (0.025 * coarse.value(p * (1 / 3.0)) + 0.012 * fine.value(p * (1 / 0.35)))
    }
}

/// Colour helpers shared by the renderer and the truth.
public enum Appearance {
    /// Linear-RGB albedo of a CIELAB colour, each channel clamped to [0.0005, 1] (out-of-gamut colours
    /// are clipped the same way in the render and in the truth).
    public static func albedo(_ lab: Lab) -> LinearRGB {
        let c = ColourConversion.linearRGB(lab)
        func clamp(_ v: Double) -> Double { min(max(v, 0.0005), 1) }
        return LinearRGB(clamp(c.r), clamp(c.g), clamp(c.b))
    }
}

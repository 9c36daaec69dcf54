/// A tiny seven-segment stroke font for the ruler's numerals: each digit is a few straight strokes,
/// drawn as capsules, in a glyph box `width` × `height` mm with y down.
enum StrokeFont {
    /// Glyph width as a fraction of its height.
    static let aspect = 0.55
    /// Gap between glyphs as a fraction of the height.
    static let spacing = 0.22

    /// Strokes of `digit` (0...9) in unit glyph coordinates (x 0...1, y 0...1, y down).
    static func strokes(_ digit: Int) -> [(Vec2, Vec2)] {
        let a = (Vec2(0, 0), Vec2(1, 0)), b = (Vec2(1, 0), Vec2(1, 0.5)), c = (Vec2(1, 0.5), Vec2(1, 1))
        let d = (Vec2(0, 1), Vec2(1, 1)), e = (Vec2(0, 0.5), Vec2(0, 1)), f = (Vec2(0, 0), Vec2(0, 0.5))
        let g = (Vec2(0, 0.5), Vec2(1, 0.5))
        switch digit {
        case 0: return [a, b, c, d, e, f]
        case 1: return [(Vec2(0.6, 0), Vec2(0.6, 1)), (Vec2(0.6, 0), Vec2(0.25, 0.22))]
        case 2: return [a, b, g, e, d]
        case 3: return [a, b, g, c, d]
        case 4: return [f, g, b, c]
        case 5: return [a, f, g, c, d]
        case 6: return [a, f, g, e, d, c]
        case 7: return [a, (Vec2(1, 0), Vec2(0.45, 1))]
        case 8: return [a, b, c, d, e, f, g]
        default: return [a, b, c, d, f, g]
        }
    }

    /// Strokes of the decimal `number`, centred horizontally on `centre.x` with the top of the glyphs
    /// at `centre.y − height/2`, in mm.
    static func strokes(number: Int, centre: Vec2, height: Double) -> [(Vec2, Vec2)] {
        let digits = String(number).compactMap { $0.wholeNumberValue }
        let w = aspect * height
        let advance = w + spacing * height
        let total = Double(digits.count) * advance - spacing * height
        let origin = Vec2(centre.x - total / 2, centre.y - height / 2)
        var out: [(Vec2, Vec2)] = []
        for (k, dgt) in digits.enumerated() {
            let o = origin + Vec2(Double(k) * advance, 0)
            for (p, q) in strokes(dgt) {
                out.append((o + Vec2(p.x * w, p.y * height), o + Vec2(q.x * w, q.y * height)))
            }
        }
        return out
    }
}

/// An sRGB drawing surface for overlays and evidence images: lines, circles, boxes and text drawn
/// over a photo so an inspector can see what was measured.
public struct Canvas: Sendable {
    /// An sRGB colour, components 0...1.
    public struct Colour: Sendable, Equatable {
        public var r: Float, g: Float, b: Float
        public init(_ r: Float, _ g: Float, _ b: Float) { self.r = r; self.g = g; self.b = b }
        public static let red = Colour(0.95, 0.1, 0.1)
        public static let green = Colour(0.1, 0.85, 0.2)
        public static let blue = Colour(0.15, 0.4, 1)
        public static let yellow = Colour(1, 0.85, 0)
        public static let cyan = Colour(0, 0.9, 0.95)
        public static let magenta = Colour(0.95, 0.2, 0.9)
        public static let white = Colour(1, 1, 1)
        public static let black = Colour(0, 0, 0)
        public static let orange = Colour(1, 0.55, 0)
    }

    public private(set) var image: Image

    /// A canvas over a copy of `photo`, display-encoded RGB (grey photos become RGB).
    public init(photo: Image) {
        var rgb = Image(width: photo.width, height: photo.height, channels: 3, transfer: .sRGB)
        let n = photo.planeCount
        photo.samples.withUnsafeBufferPointer { s in
            rgb.samples.withUnsafeMutableBufferPointer { d in
                for c in 0..<3 {
                    let src = photo.channels == 3 ? c : 0
                    for i in 0..<n { d[c * n + i] = s[src * n + i] }
                }
            }
        }
        self.image = rgb
    }

    /// Blends `colour` into pixel (x, y) with opacity `alpha`; ignores points outside.
    public mutating func blend(x: Int, y: Int, _ colour: Colour, alpha: Float = 1) {
        guard x >= 0, y >= 0, x < image.width, y < image.height else { return }
        let n = image.planeCount, i = y * image.width + x
        image.samples[i] += (colour.r - image.samples[i]) * alpha
        image.samples[n + i] += (colour.g - image.samples[n + i]) * alpha
        image.samples[2 * n + i] += (colour.b - image.samples[2 * n + i]) * alpha
    }

    /// Darkens the whole picture (0 = unchanged, 1 = black) so drawn evidence stands out.
    public mutating func dim(_ amount: Float) {
        let k = 1 - amount
        image.samples.withUnsafeMutableBufferPointer { d in
            for i in d.indices { d[i] *= k }
        }
    }

    /// A filled disc centred at (cx, cy) (pixel-centre coordinates), radius in px.
    public mutating func disc(_ cx: Double, _ cy: Double, radius: Double, _ colour: Colour, alpha: Float = 1) {
        let x0 = Int((cx - radius - 0.5).rounded(.down)), x1 = Int((cx + radius - 0.5).rounded(.up))
        let y0 = Int((cy - radius - 0.5).rounded(.down)), y1 = Int((cy + radius - 0.5).rounded(.up))
        guard x0 <= x1, y0 <= y1 else { return }
        for y in y0...y1 {
            for x in x0...x1 {
                let dx = Double(x) + 0.5 - cx, dy = Double(y) + 0.5 - cy
                if dx * dx + dy * dy <= radius * radius { blend(x: x, y: y, colour, alpha: alpha) }
            }
        }
    }

    /// A line segment of the given width, px.
    public mutating func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, width: Double = 2,
                              _ colour: Colour, alpha: Float = 1) {
        let length = ((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0)).squareRoot()
        let half = max(width / 2, 0.5)
        let minX = Int((min(x0, x1) - half - 1).rounded(.down)), maxX = Int((max(x0, x1) + half + 1).rounded(.up))
        let minY = Int((min(y0, y1) - half - 1).rounded(.down)), maxY = Int((max(y0, y1) + half + 1).rounded(.up))
        let lo = max(minY, 0), hi = min(maxY, image.height - 1)
        let left = max(minX, 0), right = min(maxX, image.width - 1)
        guard lo <= hi, left <= right else { return }
        for y in lo...hi {
            for x in left...right {
                let px = Double(x) + 0.5, py = Double(y) + 0.5
                var d: Double
                if length < 1e-9 {
                    d = ((px - x0) * (px - x0) + (py - y0) * (py - y0)).squareRoot()
                } else {
                    let s = max(0, min(1, ((px - x0) * (x1 - x0) + (py - y0) * (y1 - y0)) / (length * length)))
                    let qx = x0 + s * (x1 - x0), qy = y0 + s * (y1 - y0)
                    d = ((px - qx) * (px - qx) + (py - qy) * (py - qy)).squareRoot()
                }
                if d <= half { blend(x: x, y: y, colour, alpha: alpha) }
                else if d <= half + 1 { blend(x: x, y: y, colour, alpha: alpha * Float(half + 1 - d)) }
            }
        }
    }

    /// A circle outline.
    public mutating func circle(_ cx: Double, _ cy: Double, radius: Double, width: Double = 2, _ colour: Colour) {
        let steps = max(16, Int(radius * 0.8))
        for i in 0..<steps {
            let a0 = Double(i) / Double(steps) * 2 * .pi, a1 = Double(i + 1) / Double(steps) * 2 * .pi
            line(cx + radius * cos(a0), cy + radius * sin(a0), cx + radius * cos(a1), cy + radius * sin(a1),
                 width: width, colour)
        }
    }

    /// An axis-aligned filled rectangle [x, x+w) × [y, y+h).
    public mutating func fill(x: Int, y: Int, width: Int, height: Int, _ colour: Colour, alpha: Float = 1) {
        guard width > 0, height > 0 else { return }
        for yy in y..<(y + height) { for xx in x..<(x + width) { blend(x: xx, y: yy, colour, alpha: alpha) } }
    }

    /// Text in a 5×7 pixel font scaled by `scale`, top-left at (x, y), on a dark backing box for legibility.
    public mutating func text(_ string: String, x: Int, y: Int, scale: Int = 2, _ colour: Colour = .white,
                              background: Colour? = .black) {
        let glyphs = string.uppercased().map { BitmapFont.glyph($0) }
        let advance = 6 * scale
        if let background {
            fill(x: x - scale, y: y - scale, width: glyphs.count * advance + scale, height: 9 * scale, background, alpha: 0.75)
        }
        for (i, glyph) in glyphs.enumerated() {
            for row in 0..<7 {
                for col in 0..<5 where glyph[row] & (1 << (4 - col)) != 0 {
                    fill(x: x + i * advance + col * scale, y: y + row * scale, width: scale, height: scale, colour)
                }
            }
        }
    }

    /// Width in px of `string` drawn at `scale`.
    public static func textWidth(_ string: String, scale: Int = 2) -> Int { string.count * 6 * scale }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

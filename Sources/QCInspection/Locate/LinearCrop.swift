import QCColor
import QCImage

/// A rectangle of a photo read as linear-light RGB, with bilinear colour sampling.
///
/// Edge and colour measurements run on profiles through this crop: linear light keeps the 50 %
/// crossing of a blurred edge unbiased (the blur happens in linear light in the camera).
/// A JPEG's 8-bit planes are read in place, each tap's codes through the exact sRGB table: no
/// linear copy of the unit's rectangle (27 MB of fresh pages for a 14.8 MP photo), and a quarter of
/// the memory traffic per sample; Float32 pixels (PNG) are converted once into a linear copy.
struct LinearCrop: Sendable {
    let x0: Int, y0: Int, width: Int, height: Int
    private let storage: Storage

    private enum Storage: Sendable {
        /// Linear RGB per crop pixel (the fourth lane unused), row-major: one vector load per tap.
        case linear([SIMD4<Float>])
        /// The photo's 8-bit planes; the R, G and B planes start at o0, o1, o2 (all 0 for grey).
        case codes(bytes: [UInt8], photoWidth: Int, o0: Int, o1: Int, o2: Int)
    }

    /// The crop [x0, x0 + width) × [y0, y0 + height) of a photo's pixels (clipped to the photo).
    init(pixels: PhotoPixels, x0: Int, y0: Int, width: Int, height: Int) {
        let cx0 = max(0, x0), cy0 = max(0, y0)
        let cx1 = min(pixels.width, x0 + width), cy1 = min(pixels.height, y0 + height)
        self.x0 = cx0; self.y0 = cy0
        self.width = max(0, cx1 - cx0); self.height = max(0, cy1 - cy0)
        let n = self.width * self.height
        let w = self.width, rows = cy1 - cy0
        if case .bytes(let bytes) = pixels.storage {
            let plane = pixels.planeCount
            let (o0, o1, o2) = pixels.channels == 3 ? (0, plane, 2 * plane) : (0, 0, 0)
            storage = .codes(bytes: bytes, photoWidth: pixels.width, o0: o0, o1: o1, o2: o2)
            return
        }
        var rgb = [SIMD4<Float>](repeating: .zero, count: n)
        if w > 0 {
            let table = LinearCrop.table
            var line = [Float](repeating: 0, count: w)
            line.withUnsafeMutableBufferPointer { l in
                rgb.withUnsafeMutableBufferPointer { out in
                    for c in 0..<3 {
                        for y in 0..<rows {
                            pixels.readRow(channel: c, y: cy0 + y, x: cx0, count: w, into: l)
                            for x in 0..<w { out[y * w + x][c] = LinearCrop.linear(l[x], table) }
                        }
                    }
                }
            }
        }
        storage = .linear(rgb)
    }

    /// sRGB decode of the 8-bit codes, exact.
    static let byteTable: [Float] = (0..<256).map { Float(SRGBTransfer.decode(Double($0) / 255)) }

    /// sRGB decode through a 4097-entry table with linear interpolation (error < 2e-6 over 0...1).
    static let table: [Float] = (0...4096).map { Float(SRGBTransfer.decode(Double($0) / 4096)) }

    @inline(__always) static func linear(_ v: Float, _ t: [Float]) -> Float {
        t.withUnsafeBufferPointer { linear(v, $0) }
    }

    /// As `linear(_:_:)` through the table's buffer (no bounds checks in per-pixel loops).
    @inline(__always) static func linear(_ v: Float, _ t: UnsafeBufferPointer<Float>) -> Float {
        let x = min(max(v, 0), 1) * 4096
        let i = min(Int(x), 4095)
        let f = x - Float(i)
        return t[i] + (t[i + 1] - t[i]) * f
    }

    /// True where `sample(x, y)` gives a colour (the same test).
    @inline(__always) func contains(_ x: Double, _ y: Double) -> Bool {
        let fx = x - 0.5 - Double(x0), fy = y - 0.5 - Double(y0)
        return !(fx < 0 || fy < 0 || fx > Double(width - 1) || fy > Double(height - 1))
    }

    /// Bilinear linear-RGB sample at image position (x, y) (pixel-centre convention); nil outside the crop.
    @inline(__always) func sample(_ x: Double, _ y: Double) -> SIMD3<Float>? {
        let fx = x - 0.5 - Double(x0), fy = y - 0.5 - Double(y0)
        if fx < 0 || fy < 0 || fx > Double(width - 1) || fy > Double(height - 1) { return nil }
        let ix = min(Int(fx), width - 2), iy = min(Int(fy), height - 2)
        let ax = Float(fx - Double(ix)), ay = Float(fy - Double(iy))
        let c: SIMD4<Float>
        switch storage {
        case .linear(let rgb):
            let i = iy * width + ix, w = width
            c = rgb.withUnsafeBufferPointer { p in
                let top = p[i] + (p[i + 1] - p[i]) * ax
                let bottom = p[i + w] + (p[i + w + 1] - p[i + w]) * ax
                return top + (bottom - top) * ay
            }
        case .codes(let bytes, let pw, let o0, let o1, let o2):
            // The same linear values a converted copy would hold, so the same result.
            let i = (y0 + iy) * pw + x0 + ix
            c = bytes.withUnsafeBufferPointer { b in
                LinearCrop.byteTable.withUnsafeBufferPointer { t in
                    @inline(__always) func tap(_ k: Int) -> SIMD4<Float> {
                        SIMD4(t[Int(b[k + o0])], t[Int(b[k + o1])], t[Int(b[k + o2])], 0)
                    }
                    let p00 = tap(i), p01 = tap(i + 1), p10 = tap(i + pw), p11 = tap(i + pw + 1)
                    let top = p00 + (p01 - p00) * ax
                    let bottom = p10 + (p11 - p10) * ax
                    return top + (bottom - top) * ay
                }
            }
        }
        return SIMD3(c.x, c.y, c.z)
    }
}

import QCColor
import QCImage

/// A rectangle of a photo converted once to linear-light RGB, with bilinear colour sampling.
///
/// Edge and colour measurements run on profiles through this crop: linear light keeps the 50 %
/// crossing of a blurred edge unbiased (the blur happens in linear light in the camera).
struct LinearCrop: Sendable {
    let x0: Int, y0: Int, width: Int, height: Int
    /// Linear RGB per pixel (the fourth lane unused), row-major: one vector load per bilinear tap.
    private let rgb: [SIMD4<Float>]

    /// The crop [x0, x0 + width) × [y0, y0 + height) of a photo's pixels (clipped to the photo), linearised.
    init(pixels: PhotoPixels, x0: Int, y0: Int, width: Int, height: Int) {
        let cx0 = max(0, x0), cy0 = max(0, y0)
        let cx1 = min(pixels.width, x0 + width), cy1 = min(pixels.height, y0 + height)
        self.x0 = cx0; self.y0 = cy0
        self.width = max(0, cx1 - cx0); self.height = max(0, cy1 - cy0)
        let n = self.width * self.height
        let w = self.width, rows = cy1 - cy0
        if case .bytes(let bytes) = pixels.storage {
            // 8-bit codes: one exact table lookup per sample. Bands of rows on every core, each writing
            // (and first touching: no zero-fill pass over the fresh pages) only its own rows.
            let plane = pixels.planeCount, photoWidth = pixels.width
            let (o0, o1, o2) = pixels.channels == 3 ? (0, plane, 2 * plane) : (0, 0, 0)
            rgb = [SIMD4<Float>](unsafeUninitializedCapacity: n) { out, initialised in
                nonisolated(unsafe) let out = out
                bytes.withUnsafeBufferPointer { s in
                    LinearCrop.byteTable.withUnsafeBufferPointer { t in
                        ParallelMap.forEachRange(rows, minimumPerChunk: 64) { band in
                            for y in band {
                                let row = (cy0 + y) * photoWidth + cx0
                                let r = row + o0, g = row + o1, b = row + o2
                                for x in 0..<w {
                                    out[y * w + x] = SIMD4(t[Int(s[r + x])], t[Int(s[g + x])], t[Int(s[b + x])], 0)
                                }
                            }
                        }
                    }
                }
                initialised = n
            }
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
        self.rgb = rgb
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

    /// Bilinear linear-RGB sample at image position (x, y) (pixel-centre convention); nil outside the crop.
    @inline(__always) func sample(_ x: Double, _ y: Double) -> SIMD3<Float>? {
        let fx = x - 0.5 - Double(x0), fy = y - 0.5 - Double(y0)
        if fx < 0 || fy < 0 || fx > Double(width - 1) || fy > Double(height - 1) { return nil }
        let ix = min(Int(fx), width - 2), iy = min(Int(fy), height - 2)
        let ax = Float(fx - Double(ix)), ay = Float(fy - Double(iy))
        let i = iy * width + ix, w = width
        return rgb.withUnsafeBufferPointer { p in
            let top = p[i] + (p[i + 1] - p[i]) * ax
            let bottom = p[i + w] + (p[i + w + 1] - p[i + w]) * ax
            let c = top + (bottom - top) * ay
            return SIMD3(c.x, c.y, c.z)
        }
    }

    /// Linear RGB of the pixel containing (x, y), nil outside.
    @inline(__always) func pixel(_ x: Double, _ y: Double) -> SIMD3<Float>? {
        let ix = Int(x.rounded(.down)) - x0, iy = Int(y.rounded(.down)) - y0
        if ix < 0 || iy < 0 || ix >= width || iy >= height { return nil }
        let c = rgb[iy * width + ix]
        return SIMD3(c.x, c.y, c.z)
    }
}

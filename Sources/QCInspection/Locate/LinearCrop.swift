import QCColor
import QCImage

/// A rectangle of a photo converted once to linear-light RGB, with bilinear colour sampling.
///
/// Edge and colour measurements run on profiles through this crop: linear light keeps the 50 %
/// crossing of a blurred edge unbiased (the blur happens in linear light in the camera).
struct LinearCrop: Sendable {
    let x0: Int, y0: Int, width: Int, height: Int
    /// Planar linear RGB.
    private let r: [Float], g: [Float], b: [Float]

    init(image: Image, x0: Int, y0: Int, width: Int, height: Int) {
        self.init(pixels: PhotoPixels(image), x0: x0, y0: y0, width: width, height: height)
    }

    /// The crop [x0, x0 + width) × [y0, y0 + height) of a photo's pixels (clipped to the photo), linearised.
    init(pixels: PhotoPixels, x0: Int, y0: Int, width: Int, height: Int) {
        let cx0 = max(0, x0), cy0 = max(0, y0)
        let cx1 = min(pixels.width, x0 + width), cy1 = min(pixels.height, y0 + height)
        self.x0 = cx0; self.y0 = cy0
        self.width = max(0, cx1 - cx0); self.height = max(0, cy1 - cy0)
        let n = self.width * self.height
        var planes = [[Float]](repeating: [Float](repeating: 0, count: n), count: 3)
        let w = self.width
        if case .bytes(let bytes) = pixels.storage {
            // 8-bit codes: one exact table lookup per sample.
            let plane = pixels.planeCount
            bytes.withUnsafeBufferPointer { s in
                LinearCrop.byteTable.withUnsafeBufferPointer { t in
                    for c in 0..<3 {
                        let src = (pixels.channels == 3 ? c : 0) * plane
                        planes[c].withUnsafeMutableBufferPointer { d in
                            for y in 0..<(cy1 - cy0) {
                                let row = src + (cy0 + y) * pixels.width + cx0
                                for x in 0..<w { d[y * w + x] = t[Int(s[row + x])] }
                            }
                        }
                    }
                }
            }
        } else if w > 0 {
            let table = LinearCrop.table
            var line = [Float](repeating: 0, count: w)
            line.withUnsafeMutableBufferPointer { l in
                for c in 0..<3 {
                    planes[c].withUnsafeMutableBufferPointer { d in
                        for y in 0..<(cy1 - cy0) {
                            pixels.readRow(channel: c, y: cy0 + y, x: cx0, count: w, into: l)
                            for x in 0..<w { d[y * w + x] = LinearCrop.linear(l[x], table) }
                        }
                    }
                }
            }
        }
        r = planes[0]; g = planes[1]; b = planes[2]
    }

    /// sRGB decode of the 8-bit codes, exact.
    static let byteTable: [Float] = (0..<256).map { Float(SRGBTransfer.decode(Double($0) / 255)) }

    /// sRGB decode through a 4097-entry table with linear interpolation (error < 2e-6 over 0...1).
    static let table: [Float] = (0...4096).map { Float(SRGBTransfer.decode(Double($0) / 4096)) }

    @inline(__always) static func linear(_ v: Float, _ t: [Float]) -> Float {
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
        let i = iy * width + ix
        @inline(__always) func lerp(_ p: [Float]) -> Float {
            let top = p[i] + (p[i + 1] - p[i]) * ax
            let bottom = p[i + width] + (p[i + width + 1] - p[i + width]) * ax
            return top + (bottom - top) * ay
        }
        return SIMD3(lerp(r), lerp(g), lerp(b))
    }

    /// Linear RGB of the pixel containing (x, y), nil outside.
    @inline(__always) func pixel(_ x: Double, _ y: Double) -> SIMD3<Float>? {
        let ix = Int(x.rounded(.down)) - x0, iy = Int(y.rounded(.down)) - y0
        if ix < 0 || iy < 0 || ix >= width || iy >= height { return nil }
        let i = iy * width + ix
        return SIMD3(r[i], g[i], b[i])
    }
}

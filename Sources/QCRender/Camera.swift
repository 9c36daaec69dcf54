import Foundation
import QCColor
import QCImage

/// File format of a rendered photo.
public enum PhotoFormat: Sendable, Equatable {
    /// PNG, 8 bits per sample.
    case png8
    /// PNG, 16 bits per sample.
    case png16
    /// Baseline JPEG with 4:2:0 chroma at `quality` (1...100; the set-up uses 85...95).
    case jpeg(quality: Int)

    /// "png8", "png16" or "jpeg".
    public var name: String {
        switch self {
        case .png8: return "png8"
        case .png16: return "png16"
        case .jpeg: return "jpeg"
        }
    }

    /// JPEG quality, `nil` for PNG.
    public var quality: Int? {
        if case .jpeg(let q) = self { return q }
        return nil
    }

    /// "png" or "jpg".
    public var fileExtension: String {
        if case .jpeg = self { return "jpg" }
        return "png"
    }

    /// Bits per sample of the quantised image.
    public var bitDepth: Int { self == .png16 ? 16 : 8 }
}

/// The camera and exposure: everything between scene radiance and file bytes.
///
/// All in linear light: radiance = reflectance × illumination, illumination = base gain × exposure ×
/// white-balance gain (per channel) × vignetting (1 − k·r², r = distance from the frame centre over
/// the half diagonal) × the lighting's gentle gradient. Then a Gaussian PSF (separable, on the linear
/// image), signal-dependent Gaussian sensor noise (σ² = noise²·(1.2e-5 + 1e-4·v)), sRGB encoding,
/// quantisation to 8 or 16 bits, and PNG or JPEG.
public struct Camera: Sendable, Equatable {
    /// Relative exposure (1 nominal; the 800–1000 lux window gives 0.88...1.12).
    public var exposure: Double
    /// White-balance gains per channel (1 nominal, ±3 % between photos).
    public var whiteBalance: LinearRGB
    /// Gaussian PSF standard deviation (px), 0.8...1.6 for the set-up; 0 disables the blur.
    public var blurSigmaPx: Double
    /// Sensor noise scale (0 none, 1 typical).
    public var noise: Double
    /// Vignetting strength k (0...0.15 typical): relative falloff at the frame corner.
    public var vignetting: Double
    /// Output file format.
    public var format: PhotoFormat

    /// A camera; the defaults are nominal exposure and white balance, σ = 1.1 px, typical noise, k = 0.08, PNG 8-bit.
    public init(exposure: Double = 1, whiteBalance: LinearRGB = LinearRGB(1, 1, 1), blurSigmaPx: Double = 1.1,
                noise: Double = 1, vignetting: Double = 0.08, format: PhotoFormat = .png8) {
        self.exposure = exposure; self.whiteBalance = whiteBalance; self.blurSigmaPx = blurSigmaPx
        self.noise = noise; self.vignetting = vignetting; self.format = format
    }

    /// No blur, noise or vignetting; 16-bit PNG: for geometry tests.
    public static let ideal = Camera(blurSigmaPx: 0, noise: 0, vignetting: 0, format: .png16)

    /// Linear value of a white reflectance (1.0) at exposure 1, white balance 1, frame centre.
    public static let baseGain = 0.92

    func validate() throws(RenderError) {
        guard exposure > 0, exposure < 4 else { throw .invalidSpec("exposure must be in (0, 4)") }
        guard whiteBalance.r > 0, whiteBalance.g > 0, whiteBalance.b > 0 else {
            throw .invalidSpec("white-balance gains must be positive")
        }
        guard blurSigmaPx >= 0, blurSigmaPx <= 5 else { throw .invalidSpec("blur sigma must be in 0...5 px") }
        guard noise >= 0, noise <= 10 else { throw .invalidSpec("noise must be in 0...10") }
        guard vignetting >= 0, vignetting <= 0.5 else { throw .invalidSpec("vignetting must be in 0...0.5") }
        if let q = format.quality, q < 1 || q > 100 { throw .invalidSpec("JPEG quality must be in 1...100") }
    }

    /// Blurs planar `samples` (`channels` planes of `width` × `height`) in place with a sampled,
    /// normalised Gaussian of `sigma` px (radius ⌈4σ⌉), rows then columns, edges clamped.
    /// Fixed summation order, so the result is bit-reproducible.
    static func gaussianBlur(_ samples: inout [Float], width w: Int, height h: Int, channels: Int, sigma: Double) {
        guard sigma > 0, w > 0, h > 0 else { return }
        let radius = max(1, Int((4 * sigma).rounded(.up)))
        var kernel = (-radius...radius).map { k in Float(exp(-Double(k * k) / (2 * sigma * sigma))) }
        let sum = kernel.reduce(0, +)
        kernel = kernel.map { $0 / sum }
        let n = w * h
        let taps = 2 * radius + 1
        var padded = [Float](repeating: 0, count: w + 2 * radius)
        var acc = [Float](repeating: 0, count: w)
        var original = [Float](repeating: 0, count: n)
        kernel.withUnsafeBufferPointer { kw in
            padded.withUnsafeMutableBufferPointer { t in
                acc.withUnsafeMutableBufferPointer { a in
                    original.withUnsafeMutableBufferPointer { o in
                        samples.withUnsafeMutableBufferPointer { s in
                            for c in 0..<channels {
                                let base = c * n
                                // Rows: copy with clamped padding, convolve back in place.
                                for y in 0..<h {
                                    let row = base + y * w
                                    for i in 0..<radius { t[i] = s[row]; t[radius + w + i] = s[row + w - 1] }
                                    for x in 0..<w { t[radius + x] = s[row + x] }
                                    for x in 0..<w { a[x] = 0 }
                                    for k in 0..<taps {
                                        let wk = kw[k]
                                        for x in 0..<w { a[x] += wk * t[x + k] }
                                    }
                                    for x in 0..<w { s[row + x] = a[x] }
                                }
                                // Columns: accumulate whole rows of a copy of the plane (cache friendly).
                                for i in 0..<n { o[i] = s[base + i] }
                                for y in 0..<h {
                                    for x in 0..<w { a[x] = 0 }
                                    for k in 0..<taps {
                                        let src = min(max(y + k - radius, 0), h - 1) * w
                                        let wk = kw[k]
                                        for x in 0..<w { a[x] += wk * o[src + x] }
                                    }
                                    let dst = base + y * w
                                    for x in 0..<w { s[dst + x] = a[x] }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Adds signal-dependent Gaussian noise to linear `samples` in a fixed order from `rng`.
    static func addNoise(_ samples: inout [Float], scale: Double, rng: inout SeededRandom) {
        guard scale > 0 else { return }
        let s2 = scale * scale
        samples.withUnsafeMutableBufferPointer { s in
            for i in 0..<s.count {
                let v = Double(max(s[i], 0))
                let sigma = (s2 * (1.2e-5 + 1e-4 * v)).squareRoot()
                s[i] = Float(Double(s[i]) + sigma * rng.gaussian())
            }
        }
    }

    /// sRGB-encodes and quantises linear planar samples to `bits` (8 or 16): each sample becomes the
    /// code whose sRGB value is nearest its encoded value, stored as code / (2^bits − 1).
    /// Exact thresholds (the linear values halfway between codes, in sRGB) replace per-sample `pow`;
    /// a bucket table gives the starting code and a short forward scan finishes.
    static func quantise(_ samples: [Float], width: Int, height: Int, channels: Int, bits: Int) -> Image {
        let maxCode = bits == 16 ? 65535 : 255
        let thresholds = Camera.thresholds(bits: bits)
        let buckets = bits == 16 ? 1 << 18 : 1 << 12
        // start[i] = number of thresholds ≤ i / buckets (the code of the bucket's lower end).
        var start = [Int32](repeating: 0, count: buckets + 1)
        var code = 0
        for i in 0...buckets {
            let v = Float(i) / Float(buckets)
            while code < maxCode && thresholds[code] <= v { code += 1 }
            start[i] = Int32(code)
        }
        var out = [Float](repeating: 0, count: samples.count)
        let inv = 1 / Float(maxCode)
        let scale = Float(buckets)
        samples.withUnsafeBufferPointer { s in
            thresholds.withUnsafeBufferPointer { th in
                start.withUnsafeBufferPointer { st in
                    out.withUnsafeMutableBufferPointer { o in
                        for i in 0..<s.count {
                            let v = s[i]
                            var k: Int
                            if !(v > 0) { k = 0 } else if v >= 1 { k = maxCode } else {
                                k = Int(st[Int(v * scale)])
                                while k < maxCode && th[k] <= v { k += 1 }
                            }
                            o[i] = Float(k) * inv
                        }
                    }
                }
            }
        }
        return Image(width: width, height: height, channels: channels, transfer: .sRGB, samples: out)
    }

    /// Linear values halfway (in sRGB) between consecutive codes: threshold k separates code k and k + 1.
    static func thresholds(bits: Int) -> [Float] {
        let maxCode = bits == 16 ? 65535 : 255
        return (0..<maxCode).map { k in Float(SRGBTransfer.decode((Double(k) + 0.5) / Double(maxCode))) }
    }

    /// File bytes of a quantised sRGB image in this camera's format.
    func encode(_ image: Image) throws(RenderError) -> Data {
        do {
            switch format {
            case .png8: return try ImageEncoder.png(image, bitDepth: 8)
            case .png16: return try ImageEncoder.png(image, bitDepth: 16)
            case .jpeg(let q): return try ImageEncoder.jpeg(image, quality: q)
            }
        } catch {
            throw .encode(error.description)
        }
    }
}

/// A planar Float32 image, the one pixel type of the vision core.
///
/// Conventions (used everywhere in qcvision):
/// - Pixel (x, y) covers the square [x, x+1) × [y, y+1); its centre is (x + 0.5, y + 0.5).
///   x grows to the right, y grows downwards.
/// - Samples are normalised to 0...1. Plane `c` occupies `samples[c*width*height ..< (c+1)*width*height]`,
///   rows stored top to bottom.
/// - `transfer` says whether samples are display-encoded (sRGB curve, as decoded from a file) or linear light.
///   Colour maths (QCColor) works in linear light; encoders expect `.sRGB`.
public struct Image: Sendable, Equatable {
    /// How sample values relate to light.
    public enum Transfer: String, Sendable, Equatable, Codable {
        /// Display-encoded with the sRGB transfer curve (IEC 61966-2-1), as stored in photo files.
        case sRGB
        /// Proportional to light (linear sRGB primaries).
        case linear
    }

    public let width: Int
    public let height: Int
    /// 1 (grey) or 3 (R, G, B). Alpha, when a file has it, is kept apart (see `DecodedPhoto.alpha`).
    public let channels: Int
    public var transfer: Transfer
    /// Planar samples, `channels * width * height` of them.
    public var samples: [Float]

    /// Pixels per plane.
    @inlinable public var planeCount: Int { width * height }

    /// An image filled with `value` in every sample.
    public init(width: Int, height: Int, channels: Int, transfer: Transfer = .sRGB, value: Float = 0) {
        precondition(width >= 0 && height >= 0 && (channels == 1 || channels == 3), "bad image shape")
        self.width = width
        self.height = height
        self.channels = channels
        self.transfer = transfer
        self.samples = [Float](repeating: value, count: width * height * channels)
    }

    /// An image over existing planar samples; `samples.count` must be `channels * width * height`.
    public init(width: Int, height: Int, channels: Int, transfer: Transfer, samples: [Float]) {
        precondition(samples.count == width * height * channels, "sample count does not match shape")
        precondition(channels == 1 || channels == 3, "channels must be 1 or 3")
        self.width = width
        self.height = height
        self.channels = channels
        self.transfer = transfer
        self.samples = samples
    }

    /// The sample of channel `c` at integer pixel (x, y). Not for hot loops.
    @inlinable public subscript(x: Int, y: Int, c: Int) -> Float {
        get { samples[c * width * height + y * width + x] }
        set { samples[c * width * height + y * width + x] = newValue }
    }

    /// One plane copied out as a grey image.
    public func plane(_ c: Int) -> Image {
        let n = planeCount
        return Image(width: width, height: height, channels: 1, transfer: transfer,
                     samples: Array(samples[c * n ..< (c + 1) * n]))
    }

    /// Luma-like grey: the mean of R, G, B (or the single plane), in the image's own transfer.
    /// Used for geometry (edges, ticks) where colour does not matter.
    public func grey() -> Image {
        if channels == 1 { return self }
        let n = planeCount
        var out = [Float](repeating: 0, count: n)
        samples.withUnsafeBufferPointer { s in
            out.withUnsafeMutableBufferPointer { o in
                for i in 0..<n {
                    o[i] = (s[i] + s[n + i] + s[2 * n + i]) * (1.0 / 3.0)
                }
            }
        }
        return Image(width: width, height: height, channels: 1, transfer: transfer, samples: out)
    }
}

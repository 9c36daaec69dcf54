/// The full-resolution pixels of a decoded photo as the codec produced them: 8-bit planes for JPEG
/// (a quarter of the memory of Float32, and no whole-frame conversion), or Float32 planes for
/// everything else. Display-encoded (sRGB curve), upright, planar like `Image`.
///
/// Measurement code never walks the whole frame at full resolution: it reads rows of a crop
/// (`readRow`), single samples (`value`), or a thumbnail; `image()` converts everything only when a
/// picture of the whole frame is really needed (an overlay).
public struct PhotoPixels: Sendable {
    public enum Storage: Sendable {
        /// Codes 0...255 standing for code / 255.
        case bytes([UInt8])
        case floats([Float])
    }

    public let width: Int
    public let height: Int
    /// 1 (grey) or 3 (R, G, B).
    public let channels: Int
    public let storage: Storage
    /// A YCbCr JPEG's exact block means (nil for other photos): they undo the decoder's rounding
    /// of flat chroma (`JPEGBlockMeans`).
    public var jpegBlockMeans: JPEGBlockMeans?

    /// Code v (0...255) to exactly Float(v) / 255.
    public static let byteToUnit: [Float] = (0..<256).map { Float($0) / 255 }

    /// Pixels of an existing image (shares its storage; no copy).
    public init(_ image: Image) {
        width = image.width
        height = image.height
        channels = image.channels
        storage = .floats(image.samples)
    }

    /// 8-bit planar pixels; `bytes.count` must be `channels * width * height`.
    public init(width: Int, height: Int, channels: Int, bytes: [UInt8]) {
        precondition(bytes.count == width * height * channels, "byte count does not match shape")
        precondition(channels == 1 || channels == 3, "channels must be 1 or 3")
        self.width = width
        self.height = height
        self.channels = channels
        storage = .bytes(bytes)
    }

    @inlinable public var planeCount: Int { width * height }

    /// Sample of channel `c` (clamped to the image's channels) at integer pixel (x, y), 0...1.
    @inlinable public func value(_ c: Int, _ x: Int, _ y: Int) -> Float {
        let i = (channels == 3 ? c : 0) * planeCount + y * width + x
        switch storage {
        case .bytes(let b): return Self.byteToUnit[Int(b[i])]
        case .floats(let f): return f[i]
        }
    }

    /// Reads `count` samples of channel `c` (clamped to the image's channels) from row `y`, starting at
    /// column `x`, as 0...1 floats into `out`. The range must lie inside the image.
    @inlinable public func readRow(channel c: Int, y: Int, x: Int, count: Int, into out: UnsafeMutableBufferPointer<Float>) {
        let start = (channels == 3 ? c : 0) * planeCount + y * width + x
        switch storage {
        case .bytes(let b):
            Self.byteToUnit.withUnsafeBufferPointer { t in
                b.withUnsafeBufferPointer { s in
                    for k in 0..<count { out[k] = t[Int(s[start + k])] }
                }
            }
        case .floats(let f):
            f.withUnsafeBufferPointer { s in
                for k in 0..<count { out[k] = s[start + k] }
            }
        }
    }

    /// The whole frame as a Float32 `Image` (display-encoded): for overlays and whole-frame work.
    public func image() -> Image {
        switch storage {
        case .floats(let f):
            return Image(width: width, height: height, channels: channels, transfer: .sRGB, samples: f)
        case .bytes(let b):
            let samples = [Float](unsafeUninitializedCapacity: b.count) { out, count in
                Self.byteToUnit.withUnsafeBufferPointer { t in
                    b.withUnsafeBufferPointer { s in
                        for i in 0..<s.count { out[i] = t[Int(s[i])] }
                    }
                }
                count = b.count
            }
            return Image(width: width, height: height, channels: channels, transfer: .sRGB, samples: samples)
        }
    }
}

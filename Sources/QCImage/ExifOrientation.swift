/// EXIF orientation (tag 0x0112, JEITA CP-3451 §4.6.4): how stored pixels map to the upright picture.
///
/// Values: 1 normal, 2 mirror horizontal, 3 rotate 180°, 4 mirror vertical, 5 transpose,
/// 6 rotate 90° clockwise, 7 transverse, 8 rotate 90° counter-clockwise. 0 or absent means 1.
public struct ExifOrientation: Sendable, Equatable {
    public let value: Int

    public init(_ value: Int) { self.value = (1...8).contains(value) ? value : 1 }

    /// True for 5...8, where width and height swap.
    public var swapsAxes: Bool { value >= 5 }

    /// The upright image. Each upright pixel (u, v) takes the stored pixel the tag maps it to.
    public func apply(to image: Image) -> Image {
        apply(planes: image.samples, width: image.width, height: image.height, channels: image.channels)
            .map { Image(width: $0.width, height: $0.height, channels: image.channels,
                         transfer: image.transfer, samples: $0.samples) } ?? image
    }

    /// Applies the orientation to `channels` planes of `width × height` samples; nil when it is identity.
    public func apply(planes: [Float], width w: Int, height h: Int, channels: Int)
        -> (samples: [Float], width: Int, height: Int)? {
        if value == 1 { return nil }
        let ow = swapsAxes ? h : w, oh = swapsAxes ? w : h
        var out = [Float](repeating: 0, count: planes.count)
        let n = w * h
        planes.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for c in 0..<channels {
                    let s = c * n
                    for v in 0..<oh {
                        for u in 0..<ow {
                            let (x, y) = storedPosition(u: u, v: v, width: w, height: h)
                            dst[s + v * ow + u] = src[s + y * w + x]
                        }
                    }
                }
            }
        }
        return (out, ow, oh)
    }

    /// Stored pixel for upright pixel (u, v); `width`/`height` are the stored sizes.
    @inline(__always)
    func storedPosition(u: Int, v: Int, width w: Int, height h: Int) -> (Int, Int) {
        switch value {
        case 2: return (w - 1 - u, v)
        case 3: return (w - 1 - u, h - 1 - v)
        case 4: return (u, h - 1 - v)
        case 5: return (v, u)                    // transpose
        case 6: return (v, h - 1 - u)            // stored is upright rotated 90° CCW
        case 7: return (w - 1 - v, h - 1 - u)    // transverse
        case 8: return (w - 1 - v, u)
        default: return (u, v)
        }
    }

    /// Upright pixel for stored pixel (x, y): the inverse of `storedPosition`; `width`/`height` are
    /// the stored sizes.
    @inline(__always)
    func uprightPosition(x: Int, y: Int, width w: Int, height h: Int) -> (u: Int, v: Int) {
        switch value {
        case 2: return (w - 1 - x, y)
        case 3: return (w - 1 - x, h - 1 - y)
        case 4: return (x, h - 1 - y)
        case 5: return (y, x)
        case 6: return (h - 1 - y, x)
        case 7: return (h - 1 - y, w - 1 - x)
        case 8: return (y, w - 1 - x)
        default: return (x, y)
        }
    }
}

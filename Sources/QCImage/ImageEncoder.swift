import CCodecShims
import Foundation

/// Writes images as PNG (8 or 16 bit, through libpng) or JPEG (through libjpeg, 4:2:0 chroma):
/// overlays, evidence images and rendered fixtures.
public enum ImageEncoder {
    /// PNG bytes of `image` (sRGB-encoded samples, clamped to 0...1), optionally with an alpha plane.
    /// - Parameter bitDepth: 8 or 16.
    /// - Throws: `ImageError.encode` when the image is not display-encoded or libpng refuses it.
    public static func png(_ image: Image, alpha: [Float]? = nil, bitDepth: Int = 8,
                           name: String = "<png>") throws(ImageError) -> Data {
        guard image.transfer == .sRGB else {
            throw .encode(file: name, reason: "samples are linear light; encode them with the sRGB curve first")
        }
        guard bitDepth == 8 || bitDepth == 16 else {
            throw .encode(file: name, reason: "PNG bit depth must be 8 or 16, not \(bitDepth)")
        }
        if let alpha, alpha.count != image.planeCount {
            throw .encode(file: name, reason: "alpha plane has \(alpha.count) samples, expected \(image.planeCount)")
        }
        let outCh = image.channels + (alpha == nil ? 0 : 1)
        var err = [CChar](repeating: 0, count: Int(QC_ERR_LEN))
        var out: UnsafeMutableRawPointer?
        var size = 0
        let status: Int32
        if bitDepth == 8 {
            let buf = interleave(image, alpha: alpha, channels: outCh, max: 255, as: UInt8.self)
            status = buf.withUnsafeBytes {
                qc_png_encode($0.baseAddress, UInt32(image.width), UInt32(image.height), Int32(outCh), 8,
                              &out, &size, &err)
            }
        } else {
            let buf = interleave(image, alpha: alpha, channels: outCh, max: 65535, as: UInt16.self)
            status = buf.withUnsafeBytes {
                qc_png_encode($0.baseAddress, UInt32(image.width), UInt32(image.height), Int32(outCh), 16,
                              &out, &size, &err)
            }
        }
        guard status == Int32(QC_OK), let bytes = out else {
            throw .encode(file: name, reason: bufferString(err).isEmpty ? "libpng failed" : bufferString(err))
        }
        defer { qc_free(bytes) }
        return Data(bytes: bytes, count: size)
    }

    /// How finely a colour JPEG keeps its chroma, relative to luma.
    public enum ChromaSampling: Sendable, CaseIterable {
        /// 4:4:4: full resolution.
        case full
        /// 4:2:2: half across.
        case halfAcross
        /// 4:2:0: half across and half down (what most cameras write).
        case quarter

        var lumaFactors: (h: Int32, v: Int32) {
            switch self {
            case .full: return (1, 1)
            case .halfAcross: return (2, 1)
            case .quarter: return (2, 2)
            }
        }
    }

    /// Baseline JPEG bytes of `image` (sRGB-encoded samples) at `quality` 1...100, with `chroma`
    /// sampling (4:2:0 by default) and a restart marker every `restartRows` MCU rows (0: none).
    public static func jpeg(_ image: Image, quality: Int = 90, chroma: ChromaSampling = .quarter, restartRows: Int = 0,
                            name: String = "<jpeg>") throws(ImageError) -> Data {
        guard image.transfer == .sRGB else {
            throw .encode(file: name, reason: "samples are linear light; encode them with the sRGB curve first")
        }
        let buf = interleave(image, alpha: nil, channels: image.channels, max: 255, as: UInt8.self)
        var err = [CChar](repeating: 0, count: Int(QC_ERR_LEN))
        var out: UnsafeMutableRawPointer?
        var size = 0
        let status = buf.withUnsafeBufferPointer {
            qc_jpeg_encode_options($0.baseAddress, UInt32(image.width), UInt32(image.height), Int32(image.channels),
                                   Int32(quality), chroma.lumaFactors.h, chroma.lumaFactors.v, Int32(restartRows),
                                   &out, &size, &err)
        }
        guard status == Int32(QC_OK), let bytes = out else {
            throw .encode(file: name, reason: bufferString(err).isEmpty ? "libjpeg failed" : bufferString(err))
        }
        defer { qc_free(bytes) }
        return Data(bytes: bytes, count: size)
    }

    /// Writes PNG or JPEG to `path`, chosen by its extension (.png, .jpg/.jpeg).
    public static func write(_ image: Image, to path: String, alpha: [Float]? = nil, bitDepth: Int = 8,
                             quality: Int = 90) throws(ImageError) {
        let lower = path.lowercased()
        let data: Data
        if lower.hasSuffix(".jpg") || lower.hasSuffix(".jpeg") {
            data = try jpeg(image, quality: quality, name: path)
        } else if lower.hasSuffix(".png") {
            data = try png(image, alpha: alpha, bitDepth: bitDepth, name: path)
        } else {
            throw .encode(file: path, reason: "unknown extension; use .png, .jpg or .jpeg")
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .encode(file: path, reason: PhotoDecoder.describe(error))
        }
    }

    /// v·max rounded to nearest and clamped to 0...max. Through Int: a generic `T(Float)` is not
    /// specialised and cost a quarter of writing a 12 MP overlay.
    @inline(__always) static func quantise<T: FixedWidthInteger>(_ v: Float, max: Float) -> T {
        let x = v * max + 0.5
        return T(truncatingIfNeeded: Int(x < 0 ? 0 : (x > max ? max : x)))
    }

    /// Interleaves planes (and alpha) into integer samples, rounding to nearest and clamping to 0...max.
    static func interleave<T: FixedWidthInteger>(_ image: Image, alpha: [Float]?, channels outCh: Int,
                                                 max: Float, as: T.Type) -> [T] {
        let n = image.planeCount
        let ch = image.channels
        var buf = [T](repeating: 0, count: n * outCh)
        image.samples.withUnsafeBufferPointer { s in
            buf.withUnsafeMutableBufferPointer { d in
                for c in 0..<ch {
                    let base = c * n
                    for i in 0..<n {
                        d[i * outCh + c] = quantise(s[base + i], max: max)
                    }
                }
                if let alpha {
                    for i in 0..<n {
                        d[i * outCh + ch] = quantise(alpha[i], max: max)
                    }
                }
            }
        }
        return buf
    }
}

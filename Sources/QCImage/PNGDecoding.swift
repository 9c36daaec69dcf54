import CCodecShims
import Foundation

/// PNG decoding through libpng: every colour type and bit depth, Adam7, tRNS; 16-bit kept at 16-bit precision.
enum PNGDecoding {
    static func decode(_ data: Data, name: String, limits: DecodeLimits) throws(ImageError) -> DecodedPhoto {
        var info = qc_png_info()
        var err = [CChar](repeating: 0, count: Int(QC_ERR_LEN))
        var raw: UnsafeMutableRawPointer?
        let status = data.withUnsafeBytes { buf in
            qc_png_decode(buf.bindMemory(to: UInt8.self).baseAddress, buf.count, UInt64(limits.maxPixels),
                          &info, &raw, &err)
        }
        guard status == Int32(QC_OK), let pixels = raw else {
            throw shimError(status, bufferString(err), name: name, width: Int(info.width),
                            height: Int(info.height), limit: limits.maxPixels)
        }
        defer { qc_free(pixels) }

        let w = Int(info.width), h = Int(info.height), n = w * h
        let inCh = Int(info.out_channels)
        let colourChannels = inCh >= 3 ? 3 : 1
        let hasAlpha = inCh == 2 || inCh == 4
        var samples = [Float](repeating: 0, count: n * colourChannels)
        var alpha: [Float]?

        // De-interleave into planes, normalising by the sample maximum (255 or 65535).
        // Division (not multiplication by a reciprocal) so that code v maps to exactly Float(v)/max.
        func unpack<T: BinaryInteger>(_ type: T.Type, max: Float) {
            let src = pixels.bindMemory(to: T.self, capacity: n * inCh)
            samples.withUnsafeMutableBufferPointer { dst in
                for c in 0..<colourChannels {
                    let base = c * n
                    for i in 0..<n { dst[base + i] = Float(src[i * inCh + c]) / max }
                }
            }
            if hasAlpha {
                var a = [Float](repeating: 0, count: n)
                for i in 0..<n { a[i] = Float(src[i * inCh + inCh - 1]) / max }
                alpha = a
            }
        }
        if info.out_bit_depth == 16 { unpack(UInt16.self, max: 65535) } else { unpack(UInt8.self, max: 255) }

        let image = Image(width: w, height: h, channels: colourChannels, transfer: .sRGB, samples: samples)
        var iccNote: String?
        if info.has_iccp != 0 {
            let profile = fixedCString(info.icc_name)
            if !profile.lowercased().contains("srgb") {
                iccNote = "embedded ICC profile \"\(profile)\" is not sRGB; measurements assume sRGB"
            }
        }
        var gamma: Double?
        if info.has_gamma != 0 { gamma = info.gamma }
        let photoInfo = PhotoInfo(
            file: name, format: .png, storedWidth: w, storedHeight: h, width: w, height: h,
            bitDepth: Int(info.bit_depth), colourType: colourTypeName(info.color_type, trns: info.has_trns != 0),
            hasAlpha: hasAlpha, interlaced: info.interlaced != 0, progressive: false,
            orientation: 1, orientationApplied: false, gamma: gamma, iccNote: iccNote, warnings: [])
        return DecodedPhoto(image: image, alpha: alpha, info: photoInfo)
    }

    static func colourTypeName(_ type: Int32, trns: Bool) -> String {
        let base: String
        switch type {
        case 0: base = "grey"
        case 2: base = "RGB"
        case 3: base = "palette"
        case 4: base = "grey+alpha"
        case 6: base = "RGBA"
        default: base = "type \(type)"
        }
        return trns ? base + "+tRNS" : base
    }
}

import CCodecShims
import Foundation

/// JPEG decoding through libjpeg-turbo: baseline, progressive, greyscale; EXIF orientation applied;
/// CMYK/YCCK refused; a non-sRGB ICC profile reported.
enum JPEGDecoding {
    /// Code v (0...255) to exactly Float(v)/255.
    static let byteToUnit: [Float] = (0..<256).map { Float($0) / 255 }

    static func decode(_ data: Data, name: String, limits: DecodeLimits) throws(ImageError) -> DecodedPhoto {
        var info = qc_jpeg_info()
        var err = [CChar](repeating: 0, count: Int(QC_ERR_LEN))
        var raw: UnsafeMutableRawPointer?
        let status = data.withUnsafeBytes { buf in
            qc_jpeg_decode(buf.bindMemory(to: UInt8.self).baseAddress, buf.count, UInt64(limits.maxPixels),
                           &info, &raw, &err)
        }
        guard status == Int32(QC_OK), let pixels = raw else {
            throw shimError(status, bufferString(err), name: name, width: Int(info.width),
                            height: Int(info.height), limit: limits.maxPixels)
        }
        defer { qc_free(pixels) }
        let w = Int(info.width), h = Int(info.height), n = w * h
        let ch = Int(info.out_channels)
        var samples = [Float](repeating: 0, count: n * ch)
        let src = pixels.bindMemory(to: UInt8.self, capacity: n * ch)
        let table = byteToUnit
        samples.withUnsafeMutableBufferPointer { dst in
            table.withUnsafeBufferPointer { t in
                for c in 0..<ch {
                    let base = c * n
                    for i in 0..<n { dst[base + i] = t[Int(src[i * ch + c])] }
                }
            }
        }
        let orientation = ExifOrientation(Int(info.exif_orientation))
        var image = Image(width: w, height: h, channels: ch, transfer: .sRGB, samples: samples)
        image = orientation.apply(to: image)

        var iccNote: String?
        if info.has_icc != 0 {
            let desc = fixedCString(info.icc_description)
            if !desc.lowercased().contains("srgb") {
                let label = desc.isEmpty ? "an unnamed profile" : "\"\(desc)\""
                iccNote = "embedded ICC profile \(label) is not sRGB; measurements assume sRGB"
            }
        }
        var warnings: [String] = []
        if info.warnings > 0 {
            warnings.append("\(info.warnings) decoder warning(s), first: \(fixedCString(info.first_warning))")
        }
        let colour: String
        switch info.jpeg_color_space {
        case 1: colour = "grey"
        case 2: colour = "RGB"
        case 3: colour = "YCbCr"
        default: colour = "colour space \(info.jpeg_color_space)"
        }
        let photoInfo = PhotoInfo(
            file: name, format: .jpeg, storedWidth: w, storedHeight: h,
            width: image.width, height: image.height, bitDepth: 8, colourType: colour,
            hasAlpha: false, interlaced: false, progressive: info.progressive != 0,
            orientation: orientation.value, orientationApplied: orientation.value != 1,
            gamma: nil, iccNote: iccNote, warnings: warnings)
        return DecodedPhoto(image: image, alpha: nil, info: photoInfo)
    }
}

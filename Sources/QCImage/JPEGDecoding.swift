import CCodecShims
import Foundation

/// JPEG decoding through libjpeg-turbo: baseline, progressive, greyscale; EXIF orientation applied;
/// CMYK/YCCK refused; a non-sRGB ICC profile reported.
enum JPEGDecoding {
    /// Code v (0...255) to exactly Float(v)/255.
    static let byteToUnit: [Float] = (0..<256).map { Float($0) / 255 }

    static func decode(_ data: Data, name: String, limits: DecodeLimits,
                       thumbnailFactor: ((Int, Int) -> Int)? = nil) throws(ImageError) -> DecodedPhoto {
        var info = qc_jpeg_info()
        var err = [CChar](repeating: 0, count: Int(QC_ERR_LEN))
        // Header first, to size caller-owned planes; then the scanlines go straight into them.
        let header = data.withUnsafeBytes { buf in
            qc_jpeg_header(buf.bindMemory(to: UInt8.self).baseAddress, buf.count, UInt64(limits.maxPixels), &info, &err)
        }
        guard header == Int32(QC_OK) else {
            throw shimError(header, bufferString(err), name: name, width: Int(info.width),
                            height: Int(info.height), limit: limits.maxPixels)
        }
        let w = Int(info.width), h = Int(info.height), n = w * h
        let ch = Int(info.out_channels)
        let orientation = ExifOrientation(Int(info.exif_orientation))
        // A thumbnail rides along only when no EXIF rotation or flip follows.
        let f = orientation.value == 1 ? max(1, thumbnailFactor?(w, h) ?? 1) : 1
        let tw = w / f, th = h / f
        var status = Int32(QC_OK)
        var thumbSamples = [Float]()
        let samples = [Float](unsafeUninitializedCapacity: n * ch) { planes, planesCount in
            thumbSamples = [Float](unsafeUninitializedCapacity: f > 1 ? tw * th * ch : 0) { thumb, thumbCount in
                status = data.withUnsafeBytes { buf in
                    byteToUnit.withUnsafeBufferPointer { table in
                        qc_jpeg_decode_planar(buf.bindMemory(to: UInt8.self).baseAddress, buf.count, UInt64(limits.maxPixels),
                                              &info, table.baseAddress, planes.baseAddress, n * ch,
                                              Int32(f), f > 1 ? thumb.baseAddress : nil, f > 1 ? tw * th * ch : 0, &err)
                    }
                }
                thumbCount = status == Int32(QC_OK) && f > 1 ? tw * th * ch : 0
            }
            planesCount = status == Int32(QC_OK) ? n * ch : 0
        }
        guard status == Int32(QC_OK) else {
            throw shimError(status, bufferString(err), name: name, width: w, height: h, limit: limits.maxPixels)
        }
        var image = Image(width: w, height: h, channels: ch, transfer: .sRGB, samples: samples)
        image = orientation.apply(to: image)
        let thumbnail = f > 1 && tw > 0 && th > 0
            ? Thumbnail(factor: f, image: Image(width: tw, height: th, channels: ch, transfer: .sRGB, samples: thumbSamples))
            : nil

        let photoInfo = describe(info, name: name, width: image.width, height: image.height, orientation: orientation)
        return DecodedPhoto(image: image, alpha: nil, info: photoInfo, thumbnail: thumbnail)
    }

    /// Decodes into 8-bit planes (`PhotoPixels.Storage.bytes`): no whole-frame Float32 conversion. A
    /// photo with an EXIF rotation or flip goes through `decode` instead (rare at an inspection station).
    static func decodePixels(_ data: Data, name: String, limits: DecodeLimits,
                             thumbnailFactor: ((Int, Int) -> Int)?) throws(ImageError) -> DecodedPixels {
        var info = qc_jpeg_info()
        var err = [CChar](repeating: 0, count: Int(QC_ERR_LEN))
        let header = data.withUnsafeBytes { buf in
            qc_jpeg_header(buf.bindMemory(to: UInt8.self).baseAddress, buf.count, UInt64(limits.maxPixels), &info, &err)
        }
        guard header == Int32(QC_OK) else {
            throw shimError(header, bufferString(err), name: name, width: Int(info.width),
                            height: Int(info.height), limit: limits.maxPixels)
        }
        let orientation = ExifOrientation(Int(info.exif_orientation))
        if orientation.value != 1 {
            let d = try decode(data, name: name, limits: limits, thumbnailFactor: thumbnailFactor)
            return DecodedPixels(pixels: PhotoPixels(d.image), info: d.info, thumbnail: d.thumbnail)
        }
        let w = Int(info.width), h = Int(info.height), n = w * h
        let ch = Int(info.out_channels)
        let f = max(1, thumbnailFactor?(w, h) ?? 1)
        let tw = w / f, th = h / f
        var status = Int32(QC_OK)
        var thumbSamples = [Float]()
        let bytes = [UInt8](unsafeUninitializedCapacity: n * ch) { planes, planesCount in
            thumbSamples = [Float](unsafeUninitializedCapacity: f > 1 ? tw * th * ch : 0) { thumb, thumbCount in
                status = data.withUnsafeBytes { buf in
                    byteToUnit.withUnsafeBufferPointer { table in
                        qc_jpeg_decode_planar8(buf.bindMemory(to: UInt8.self).baseAddress, buf.count, UInt64(limits.maxPixels),
                                               &info, table.baseAddress, planes.baseAddress, n * ch,
                                               Int32(f), f > 1 ? thumb.baseAddress : nil, f > 1 ? tw * th * ch : 0, &err)
                    }
                }
                thumbCount = status == Int32(QC_OK) && f > 1 ? tw * th * ch : 0
            }
            planesCount = status == Int32(QC_OK) ? n * ch : 0
        }
        guard status == Int32(QC_OK) else {
            throw shimError(status, bufferString(err), name: name, width: w, height: h, limit: limits.maxPixels)
        }
        let thumbnail = f > 1 && tw > 0 && th > 0
            ? Thumbnail(factor: f, image: Image(width: tw, height: th, channels: ch, transfer: .sRGB, samples: thumbSamples))
            : nil
        return DecodedPixels(pixels: PhotoPixels(width: w, height: h, channels: ch, bytes: bytes),
                             info: describe(info, name: name, width: w, height: h, orientation: orientation),
                             thumbnail: thumbnail)
    }

    /// What the stream declared and what decoding produced, for `PhotoInfo`.
    static func describe(_ info: qc_jpeg_info, name: String, width: Int, height: Int, orientation: ExifOrientation) -> PhotoInfo {
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
        return PhotoInfo(
            file: name, format: .jpeg, storedWidth: Int(info.width), storedHeight: Int(info.height),
            width: width, height: height, bitDepth: 8, colourType: colour,
            hasAlpha: false, interlaced: false, progressive: info.progressive != 0,
            orientation: orientation.value, orientationApplied: orientation.value != 1,
            gamma: nil, iccNote: iccNote, warnings: warnings)
    }
}

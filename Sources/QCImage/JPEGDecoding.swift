import CCodecShims
import Foundation

/// JPEG decoding through libjpeg-turbo: baseline, progressive, greyscale; EXIF orientation applied;
/// CMYK/YCCK refused; a non-sRGB ICC profile reported.
enum JPEGDecoding {

    static func decode(_ data: Data, name: String, limits: DecodeLimits,
                       thumbnailFactor: ((Int, Int) -> Int)? = nil, threads: Int = 1) throws(ImageError) -> DecodedPhoto {
        let header = try readHeader(data, name: name, limits: limits)
        let orientation = ExifOrientation(Int(header.exif_orientation))
        // A thumbnail rides along only when no EXIF rotation or flip follows.
        let planes = try decodePlanes(data, name: name, limits: limits, header: header,
                                      thumbnailFactor: orientation.value == 1 ? thumbnailFactor : nil,
                                      orientation: orientation, threads: threads, as: Float.self, qc_jpeg_decode_planar)
        var image = Image(width: planes.width, height: planes.height, channels: planes.channels, transfer: .sRGB,
                          samples: planes.samples)
        image = orientation.apply(to: image)
        let photoInfo = describe(planes.info, name: name, width: image.width, height: image.height, orientation: orientation)
        var photo = DecodedPhoto(image: image, alpha: nil, info: photoInfo, thumbnail: planes.thumbnail)
        photo.jpegBlockMeans = planes.blockMeans
        return photo
    }

    /// Decodes into 8-bit planes (`PhotoPixels.Storage.bytes`): no whole-frame Float32 conversion. A
    /// photo with an EXIF rotation or flip goes through `decode` instead (rare at an inspection station).
    static func decodePixels(_ data: Data, name: String, limits: DecodeLimits,
                             thumbnailFactor: ((Int, Int) -> Int)?, threads: Int = 1) throws(ImageError) -> DecodedPixels {
        let header = try readHeader(data, name: name, limits: limits)
        let orientation = ExifOrientation(Int(header.exif_orientation))
        if orientation.value != 1 {
            let d = try decode(data, name: name, limits: limits, thumbnailFactor: thumbnailFactor, threads: threads)
            var pixels = PhotoPixels(d.image)
            pixels.jpegBlockMeans = d.jpegBlockMeans
            return DecodedPixels(pixels: pixels, info: d.info, thumbnail: d.thumbnail)
        }
        let planes = try decodePlanes(data, name: name, limits: limits, header: header, thumbnailFactor: thumbnailFactor,
                                      orientation: orientation, threads: threads, as: UInt8.self, qc_jpeg_decode_planar8)
        var pixels = PhotoPixels(width: planes.width, height: planes.height, channels: planes.channels, bytes: planes.samples)
        pixels.jpegBlockMeans = planes.blockMeans
        return DecodedPixels(pixels: pixels,
                             info: describe(planes.info, name: name, width: planes.width, height: planes.height,
                                            orientation: orientation),
                             thumbnail: planes.thumbnail)
    }

    /// The stream's header (size, channels, orientation, ICC), with the decoder's refusals.
    static func readHeader(_ data: Data, name: String, limits: DecodeLimits) throws(ImageError) -> qc_jpeg_info {
        var info = qc_jpeg_info()
        var err = [CChar](repeating: 0, count: Int(QC_ERR_LEN))
        let status = data.withUnsafeBytes { buf in
            qc_jpeg_header(buf.bindMemory(to: UInt8.self).baseAddress, buf.count, UInt64(limits.maxPixels), &info, &err)
        }
        guard status == Int32(QC_OK) else {
            throw shimError(status, bufferString(err), name: name, width: Int(info.width),
                            height: Int(info.height), limit: limits.maxPixels)
        }
        return info
    }

    /// One of the shim's planar decoders (Float32 or 8-bit planes), as its C signature.
    typealias PlanarDecoder<Sample> = (UnsafePointer<UInt8>?, Int, UInt64, UnsafeMutablePointer<qc_jpeg_info>?,
                                       UnsafePointer<Float>?, UnsafeMutablePointer<Sample>?, Int, Int32,
                                       UnsafeMutablePointer<Float>?, Int, UnsafeMutablePointer<qc_jpeg_blocks>?,
                                       UnsafeMutablePointer<UnsafeMutablePointer<Float>?>?, Int32,
                                       UnsafeMutablePointer<CChar>?) -> Int32

    /// Decodes the scanlines straight into caller-owned planes of `Sample` sized from `header`, with the
    /// thumbnail (factor from `thumbnailFactor`) summed on the way and the block means (a YCbCr
    /// stream) written down; the block means are placed for `orientation`. With `threads` > 1 a
    /// sequential stream is cut in two and decoded on two threads (`qc_jpeg_run_split`).
    static func decodePlanes<Sample>(_ data: Data, name: String, limits: DecodeLimits, header: qc_jpeg_info,
                                     thumbnailFactor: ((Int, Int) -> Int)?, orientation: ExifOrientation, threads: Int,
                                     as: Sample.Type,
                                     _ run: PlanarDecoder<Sample>) throws(ImageError)
        -> (info: qc_jpeg_info, width: Int, height: Int, channels: Int, samples: [Sample], thumbnail: Thumbnail?,
            blockMeans: JPEGBlockMeans?) {
        var info = header
        var err = [CChar](repeating: 0, count: Int(QC_ERR_LEN))
        let w = Int(header.width), h = Int(header.height), n = w * h
        let ch = Int(header.out_channels)
        let f = max(1, thumbnailFactor?(w, h) ?? 1)
        let tw = w / f, th = h / f, tn = f > 1 ? tw * th * ch : 0
        var status = Int32(QC_OK)
        var thumbSamples = [Float]()
        var blocks = qc_jpeg_blocks()
        var means: UnsafeMutablePointer<Float>?   // owned by JPEGBlockMeans once decoding succeeds
        let samples = [Sample](unsafeUninitializedCapacity: n * ch) { planes, planesCount in
            // Fresh frame-sized buffers: huge pages spare the decoder thousands of page faults.
            qc_advise_huge_pages(planes.baseAddress, n * ch * MemoryLayout<Sample>.stride)
            thumbSamples = [Float](unsafeUninitializedCapacity: tn) { thumb, thumbCount in
                qc_advise_huge_pages(thumb.baseAddress, tn * MemoryLayout<Float>.stride)
                status = data.withUnsafeBytes { buf in
                    PhotoPixels.byteToUnit.withUnsafeBufferPointer { table in
                        run(buf.bindMemory(to: UInt8.self).baseAddress, buf.count, UInt64(limits.maxPixels), &info,
                            table.baseAddress, planes.baseAddress, n * ch, Int32(f), f > 1 ? thumb.baseAddress : nil, tn,
                            &blocks, &means, Int32(threads), &err)
                    }
                }
                thumbCount = status == Int32(QC_OK) ? tn : 0
            }
            planesCount = status == Int32(QC_OK) ? n * ch : 0
        }
        guard status == Int32(QC_OK) else {
            qc_jpeg_free_means(means, &blocks)
            throw shimError(status, bufferString(err), name: name, width: w, height: h, limit: limits.maxPixels)
        }
        let thumbnail = f > 1 && tw > 0 && th > 0
            ? Thumbnail(factor: f, image: Image(width: tw, height: th, channels: ch, transfer: .sRGB, samples: thumbSamples))
            : nil
        return (info, w, h, ch, samples, thumbnail, means.map { JPEGBlockMeans(blocks: blocks, means: $0, orientation: orientation) })
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

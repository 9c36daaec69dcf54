import CCodecShims
import Foundation

/// Decodes PNG and JPEG photos into upright `Image`s through libpng and libjpeg.
///
/// The format is sniffed from the file's signature, not its extension, so a misnamed file is either
/// decoded correctly or refused with a message saying what it really is.
public struct PhotoDecoder: Sendable {
    public var limits: DecodeLimits
    /// Most threads one JPEG decode may use; nil: two when `ParallelMap.width` allows (one inside a
    /// lot's worker on a 2-core machine). The pixels are the same either way.
    public var threads: Int?

    public init(limits: DecodeLimits = .default, threads: Int? = nil) { self.limits = limits; self.threads = threads }

    /// Threads for the next JPEG decode.
    var decodeThreads: Int { max(1, min(2, threads ?? ParallelMap.width)) }

    /// Reads and decodes the file at `path`.
    /// - Throws: `ImageError` naming the file and the reason.
    public func decode(file path: String) throws(ImageError) -> DecodedPhoto {
        try decode(file: path, thumbnailFactor: nil)
    }

    /// Decodes a photo held in memory; `name` is used in errors and `PhotoInfo.file`.
    public func decode(data: Data, name: String) throws(ImageError) -> DecodedPhoto {
        try decode(data: data, name: name, thumbnailFactor: nil)
    }

    /// Reads and decodes the file at `path`. With `thumbnailFactor` (given the upright width and height,
    /// the factor wanted) a JPEG's thumbnail is box-averaged during decoding, while each row is in cache.
    /// - Throws: `ImageError` naming the file and the reason.
    public func decode(file path: String, thumbnailFactor: ((Int, Int) -> Int)?) throws(ImageError) -> DecodedPhoto {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .io(file: path, reason: Self.describe(error))
        }
        return try decode(data: data, name: path, thumbnailFactor: thumbnailFactor)
    }

    /// As `decode(data:name:)`, with a thumbnail made on the way when the codec can (see above).
    public func decode(data: Data, name: String, thumbnailFactor: ((Int, Int) -> Int)?) throws(ImageError) -> DecodedPhoto {
        if data.isEmpty { throw .corrupt(file: name, reason: "the file is empty (0 bytes)") }
        switch PhotoFormatSniffer.sniff(data) {
        case .png: return try PNGDecoding.decode(data, name: name, limits: limits)
        case .jpeg: return try JPEGDecoding.decode(data, name: name, limits: limits, thumbnailFactor: thumbnailFactor,
                                                       threads: decodeThreads)
        case .other(let what): throw .unsupported(file: name, reason: "\(what); qcvision reads PNG and JPEG photos")
        case .unknown: throw .corrupt(file: name, reason: "not a PNG or JPEG file (unrecognised signature)")
        }
    }

    /// Reads and decodes the file at `path` keeping the codec's sample type: JPEG stays 8-bit (a
    /// quarter of the memory, no whole-frame conversion), PNG is Float32. With `thumbnailFactor` a
    /// JPEG's thumbnail is made while decoding.
    /// - Throws: `ImageError` naming the file and the reason.
    public func decodePixels(file path: String, thumbnailFactor: ((Int, Int) -> Int)? = nil) throws(ImageError) -> DecodedPixels {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .io(file: path, reason: Self.describe(error))
        }
        return try decodePixels(data: data, name: path, thumbnailFactor: thumbnailFactor)
    }

    /// As `decodePixels(file:thumbnailFactor:)` for a photo held in memory; `name` is used in errors.
    public func decodePixels(data: Data, name: String, thumbnailFactor: ((Int, Int) -> Int)? = nil) throws(ImageError) -> DecodedPixels {
        if !data.isEmpty, case .jpeg = PhotoFormatSniffer.sniff(data) {
            return try JPEGDecoding.decodePixels(data, name: name, limits: limits, thumbnailFactor: thumbnailFactor,
                                                 threads: decodeThreads)
        }
        let d = try decode(data: data, name: name, thumbnailFactor: thumbnailFactor)
        return DecodedPixels(pixels: PhotoPixels(d.image), info: d.info, thumbnail: d.thumbnail)
    }

    static func describe(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSCocoaErrorDomain, ns.code == NSFileReadNoSuchFileError { return "no such file" }
        return ns.localizedDescription
    }
}

/// Recognises image formats by their leading bytes.
enum PhotoFormatSniffer {
    enum Kind: Equatable { case png, jpeg, other(String), unknown }

    static func sniff(_ data: Data) -> Kind {
        let b = [UInt8](data.prefix(12))
        func starts(_ p: [UInt8]) -> Bool { b.count >= p.count && Array(b[0..<p.count]) == p }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8]) { return .jpeg }
        if starts([0x47, 0x49, 0x46, 0x38]) { return .other("a GIF image") }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .other("a TIFF image") }
        if starts([0x42, 0x4D]) { return .other("a BMP image") }
        if b.count >= 12, starts([0x52, 0x49, 0x46, 0x46]), Array(b[8..<12]) == [0x57, 0x45, 0x42, 0x50] {
            return .other("a WebP image")
        }
        if b.count >= 12, Array(b[4..<8]) == [0x66, 0x74, 0x79, 0x70] { return .other("a HEIF/HEIC or MP4 file") }
        if starts([0x25, 0x50, 0x44, 0x46]) { return .other("a PDF document") }
        return .unknown
    }
}

/// Maps a shim status code to a typed error.
func shimError(_ status: Int32, _ message: String, name: String, width: Int = 0, height: Int = 0,
               limit: Int = 0) -> ImageError {
    switch status {
    case Int32(QC_ERR_UNSUPPORTED): return .unsupported(file: name, reason: message)
    case Int32(QC_ERR_LIMIT): return .tooLarge(file: name, width: width, height: height, limit: limit)
    case Int32(QC_ERR_MEMORY): return .outOfMemory(file: name)
    default: return .corrupt(file: name, reason: message.isEmpty ? "decode failed" : message)
    }
}

/// Reads a fixed-size C char array (imported as a tuple) up to its first NUL, never past its end.
func fixedCString<T>(_ tuple: T) -> String {
    withUnsafeBytes(of: tuple) { raw in
        let bytes = raw.prefix { $0 != 0 }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Reads a NUL-terminated message from a caller-owned error buffer.
func bufferString(_ buffer: [CChar]) -> String {
    let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    return String(decoding: bytes, as: UTF8.self)
}

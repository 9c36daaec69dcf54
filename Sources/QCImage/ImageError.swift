/// Why a photo could not be read or written, split by whose fault it is. Every case names the file.
public enum ImageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or read (missing, permissions, a directory...).
    case io(file: String, reason: String)
    /// The file is empty, truncated, damaged, or not the image format it claims to be.
    case corrupt(file: String, reason: String)
    /// A valid file this build does not handle (format or colour model).
    case unsupported(file: String, reason: String)
    /// The declared image size is above the pixel limit; nothing was allocated.
    case tooLarge(file: String, width: Int, height: Int, limit: Int)
    /// Memory ran out while decoding.
    case outOfMemory(file: String)
    /// The image could not be encoded or written.
    case encode(file: String, reason: String)

    public var file: String {
        switch self {
        case .io(let f, _), .corrupt(let f, _), .unsupported(let f, _), .tooLarge(let f, _, _, _),
             .outOfMemory(let f), .encode(let f, _):
            return f
        }
    }

    public var description: String {
        switch self {
        case .io(let file, let reason):
            return "\(file): cannot read the file: \(reason)"
        case .corrupt(let file, let reason):
            return "\(file): damaged or not a valid image: \(reason). Copy the photo again from the camera."
        case .unsupported(let file, let reason):
            return "\(file): unsupported image: \(reason)"
        case .tooLarge(let file, let w, let h, let limit):
            return "\(file): image declares \(w)x\(h) pixels, above the limit of \(limit) pixels; "
                + "photograph at a lower resolution or raise --max-pixels"
        case .outOfMemory(let file):
            return "\(file): out of memory while decoding"
        case .encode(let file, let reason):
            return "\(file): cannot write image: \(reason)"
        }
    }
}

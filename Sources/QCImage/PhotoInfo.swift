/// What a photo file declares and what decoding did with it: the facts `qcvision info` prints.
public struct PhotoInfo: Sendable, Equatable, Codable {
    public enum Format: String, Sendable, Codable { case png, jpeg }

    public var file: String
    public var format: Format
    /// Size as stored in the file, before orientation.
    public var storedWidth: Int
    public var storedHeight: Int
    /// Size after EXIF orientation was applied: the size the vision core sees.
    public var width: Int
    public var height: Int
    /// Bits per sample as stored (1, 2, 4, 8 or 16).
    public var bitDepth: Int
    /// Colour model in words: "grey", "grey+alpha", "RGB", "RGBA", "palette", "palette+tRNS", "YCbCr", ...
    public var colourType: String
    public var hasAlpha: Bool
    public var interlaced: Bool
    public var progressive: Bool
    /// EXIF orientation tag (1...8), 1 when absent.
    public var orientation: Int
    /// True when a non-identity orientation was applied to the pixels.
    public var orientationApplied: Bool
    /// PNG gAMA value when present (e.g. 0.45455).
    public var gamma: Double?
    /// Colour-profile note: nil for sRGB or no profile, else a sentence saying what was found.
    public var iccNote: String?
    /// Recoverable decoder warnings (e.g. extraneous bytes), not fatal.
    public var warnings: [String]

    public init(file: String, format: Format, storedWidth: Int, storedHeight: Int, width: Int, height: Int,
                bitDepth: Int, colourType: String, hasAlpha: Bool, interlaced: Bool, progressive: Bool,
                orientation: Int, orientationApplied: Bool, gamma: Double?, iccNote: String?, warnings: [String]) {
        self.file = file; self.format = format
        self.storedWidth = storedWidth; self.storedHeight = storedHeight
        self.width = width; self.height = height
        self.bitDepth = bitDepth; self.colourType = colourType; self.hasAlpha = hasAlpha
        self.interlaced = interlaced; self.progressive = progressive
        self.orientation = orientation; self.orientationApplied = orientationApplied
        self.gamma = gamma; self.iccNote = iccNote; self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey {
        case file, format, width, height, bitDepth = "bit_depth", colourType = "colour_type"
        case storedWidth = "stored_width", storedHeight = "stored_height"
        case hasAlpha = "has_alpha", interlaced, progressive, orientation
        case orientationApplied = "orientation_applied", gamma, iccNote = "icc_note", warnings
    }
}

/// A decoded photo: upright pixels, alpha kept apart, and the file's facts.
public struct DecodedPhoto: Sendable {
    /// Colour or grey samples, display-encoded (`.sRGB`), upright (EXIF orientation applied).
    public var image: Image
    /// Alpha plane (0...1, not premultiplied) when the file has one; never composited.
    public var alpha: [Float]?
    public var info: PhotoInfo
    /// A box-averaged thumbnail made during decoding when one was asked for and the codec could make it
    /// on the way (JPEG without EXIF rotation); otherwise nil and the caller builds its own.
    public var thumbnail: Thumbnail?
    /// A YCbCr JPEG's exact block means, written down while decoding (nil for other photos).
    public var jpegBlockMeans: JPEGBlockMeans?

    public init(image: Image, alpha: [Float]?, info: PhotoInfo, thumbnail: Thumbnail? = nil) {
        self.image = image
        self.alpha = alpha
        self.info = info
        self.thumbnail = thumbnail
    }
}

/// A decoded photo kept as the codec produced it (see `PhotoPixels`), with its thumbnail when the
/// decoder made one on the way.
public struct DecodedPixels: Sendable {
    public var pixels: PhotoPixels
    public var info: PhotoInfo
    public var thumbnail: Thumbnail?
}

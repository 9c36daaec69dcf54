/// Limits checked against a file's declared size before any pixel memory is allocated,
/// so a crafted header cannot exhaust memory.
public struct DecodeLimits: Sendable, Equatable {
    /// Largest accepted width × height. Default 150 megapixels.
    public var maxPixels: Int

    public init(maxPixels: Int = 150_000_000) { self.maxPixels = maxPixels }

    public static let `default` = DecodeLimits()
}

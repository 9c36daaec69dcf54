/// One unit photo found in a lot folder, with where it lies.
public struct LotPhoto: Sendable, Hashable, Codable {
    /// Path relative to the lot folder, with `/` separators (`carton-02/u-013.jpg`).
    public var relativePath: String
    /// Full path, for the scorer.
    public var path: String
    /// The carton folder it lies in (nil for photos directly in the lot folder).
    public var carton: String?
    /// Production line and date code from the carton folder's name (or the lot folder's name).
    public var line: String?
    public var dateCode: String?
    /// Other tokens of the carton folder's name.
    public var codes: [String]

    public init(relativePath: String, path: String, carton: String? = nil, line: String? = nil,
                dateCode: String? = nil, codes: [String] = []) {
        self.relativePath = relativePath; self.path = path; self.carton = carton; self.line = line
        self.dateCode = dateCode; self.codes = codes
    }

    /// The carton name used when grouping (photos outside carton folders form one group).
    public var cartonLabel: String { carton ?? LotPhoto.looseLabel }

    /// Group name for photos lying directly in the lot folder.
    public static let looseLabel = "(no carton)"
}

/// One lot-size band of ISO 2859-1 Table 1, such as 3 201 to 10 000 units.
public struct LotSizeRange: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Smallest lot size in the band.
    public let lowerBound: Int
    /// Largest lot size in the band, or nil for the open band "500 001 and over".
    public let upperBound: Int?

    public init(_ lowerBound: Int, _ upperBound: Int?) {
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }

    /// True when `lotSize` falls in this band.
    public func contains(_ lotSize: Int) -> Bool {
        lotSize >= lowerBound && (upperBound.map { lotSize <= $0 } ?? true)
    }

    public var description: String {
        if let upperBound { return "\(lowerBound) to \(upperBound)" }
        return "\(lowerBound) and over"
    }
}

/// An acceptance quality limit: one of the 26 preferred values of ISO 2859-1
/// (clause 5; the columns of Tables 2-A, 2-B and 2-C), or 0.
///
/// Values up to 10 may be percent nonconforming or nonconformities per 100 units;
/// values above 10 are nonconformities per 100 units only. AQL 0 is not in the
/// standard; this module treats it as zero acceptance (Ac 0, Re 1 at the sample
/// size of the lot's code letter), which is how buyers write "no critical defects".
public struct AQL: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Column of the master tables: 0 for 0.010 ... 25 for 1000; nil for AQL 0.
    public let column: Int?

    /// The preferred AQL values as printed in the column headings of Table 2-A.
    public static let standardLabels: [String] = [
        "0.010", "0.015", "0.025", "0.040", "0.065", "0.10", "0.15", "0.25", "0.40", "0.65",
        "1.0", "1.5", "2.5", "4.0", "6.5", "10", "15", "25", "40", "65",
        "100", "150", "250", "400", "650", "1000",
    ]

    /// The preferred AQL values as numbers, in column order.
    public static let standardValues: [Double] = [
        0.010, 0.015, 0.025, 0.040, 0.065, 0.10, 0.15, 0.25, 0.40, 0.65,
        1.0, 1.5, 2.5, 4.0, 6.5, 10, 15, 25, 40, 65,
        100, 150, 250, 400, 650, 1000,
    ]

    /// Number of AQL columns in the master tables (26).
    public static let columnCount = 26

    /// All standard AQLs, tightest first.
    public static let standard: [AQL] = (0..<columnCount).map { AQL(uncheckedColumn: $0) }

    /// AQL 0: zero acceptance (Ac 0, Re 1), usual for critical defects.
    public static let zero = AQL(uncheckedColumn: nil)

    private init(uncheckedColumn: Int?) { self.column = uncheckedColumn }

    /// The standard AQL of a master-table column (0 ... 25), or nil outside that range.
    public init?(column: Int) {
        guard column >= 0, column < AQL.columnCount else { return nil }
        self.column = column
    }

    /// The AQL with this numeric value; throws unless it is 0 or a preferred value.
    public init(_ value: Double) throws(SamplingError) {
        guard value.isFinite else { throw .nonStandardAQL("\(value)") }
        if value == 0 {
            self = .zero
            return
        }
        guard let index = AQL.standardValues.firstIndex(where: { abs($0 - value) <= $0 * 1e-9 }) else {
            throw .nonStandardAQL(AQL.format(value))
        }
        self.column = index
    }

    /// Reads an AQL as written: `2.5`, `4`, `4.0`, `0.010`, `.65`, `1000`, `0`, optionally with `%`.
    /// A value that is not standard is an error listing the standard values.
    public init(parsing text: String) throws(SamplingError) {
        var trimmed = text.trimmedWhitespace
        if trimmed.hasSuffix("%") { trimmed = String(trimmed.dropLast()).trimmedWhitespace }
        guard !trimmed.isEmpty, let value = Double(trimmed) else { throw .nonStandardAQL(text) }
        guard value.isFinite, value >= 0 else { throw .nonStandardAQL(text) }
        if value == 0 {
            self = .zero
            return
        }
        guard let index = AQL.standardValues.firstIndex(where: { abs($0 - value) <= $0 * 1e-9 }) else {
            throw .nonStandardAQL(text)
        }
        self.column = index
    }

    /// Numeric value (0 for zero acceptance).
    public var value: Double {
        guard let column else { return 0 }
        return AQL.standardValues[column]
    }

    /// The value as printed in the tables ("0.010", "2.5", "1000"), or "0".
    public var label: String {
        guard let column else { return "0" }
        return AQL.standardLabels[column]
    }

    /// True for AQL 0 (zero acceptance).
    public var isZeroAcceptance: Bool { column == nil }

    /// The next tighter preferred AQL (one column to the left), used by the switching
    /// score of ISO 2859-1 clause 9.3.3.2; nil for 0.010 and for AQL 0.
    public var oneStepTighter: AQL? {
        guard let column, column > 0 else { return nil }
        return AQL(uncheckedColumn: column - 1)
    }

    public static func < (lhs: AQL, rhs: AQL) -> Bool { (lhs.column ?? -1) < (rhs.column ?? -1) }

    public var description: String { label }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let value = try container.decode(Double.self)
        do {
            try self.init(value)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// ISO 2859-1 Table 1, "Sample size code letters": fifteen lot-size bands by seven
/// inspection levels (S-1, S-2, S-3, S-4, I, II, III). Identical in ANSI/ASQ Z1.4
/// Table I.
///
/// The table is stored as data, one row per lot-size band with its letters in
/// level order; the tests check every cell against an independent transcription.
public enum SampleSizeCodeTable {
    /// A row of Table 1: a lot-size band and its code letters for S-1 ... III.
    public struct Row: Sendable, Hashable {
        public let lotSizes: LotSizeRange
        /// Letters in the order S-1, S-2, S-3, S-4, I, II, III.
        public let letters: [CodeLetter]

        public func letter(for level: InspectionLevel) -> CodeLetter { letters[level.tableColumn] }
    }

    //                                           S-1 S-2 S-3 S-4  I   II  III
    public static let rows: [Row] = [
        Row(lotSizes: LotSizeRange(2, 8), letters: [.A, .A, .A, .A, .A, .A, .B]),
        Row(lotSizes: LotSizeRange(9, 15), letters: [.A, .A, .A, .A, .A, .B, .C]),
        Row(lotSizes: LotSizeRange(16, 25), letters: [.A, .A, .B, .B, .B, .C, .D]),
        Row(lotSizes: LotSizeRange(26, 50), letters: [.A, .B, .B, .C, .C, .D, .E]),
        Row(lotSizes: LotSizeRange(51, 90), letters: [.B, .B, .C, .C, .C, .E, .F]),
        Row(lotSizes: LotSizeRange(91, 150), letters: [.B, .B, .C, .D, .D, .F, .G]),
        Row(lotSizes: LotSizeRange(151, 280), letters: [.B, .C, .D, .E, .E, .G, .H]),
        Row(lotSizes: LotSizeRange(281, 500), letters: [.B, .C, .D, .E, .F, .H, .J]),
        Row(lotSizes: LotSizeRange(501, 1_200), letters: [.C, .C, .E, .F, .G, .J, .K]),
        Row(lotSizes: LotSizeRange(1_201, 3_200), letters: [.C, .D, .E, .G, .H, .K, .L]),
        Row(lotSizes: LotSizeRange(3_201, 10_000), letters: [.C, .D, .F, .G, .J, .L, .M]),
        Row(lotSizes: LotSizeRange(10_001, 35_000), letters: [.C, .D, .F, .H, .K, .M, .N]),
        Row(lotSizes: LotSizeRange(35_001, 150_000), letters: [.D, .E, .G, .J, .L, .N, .P]),
        Row(lotSizes: LotSizeRange(150_001, 500_000), letters: [.D, .E, .G, .J, .M, .P, .Q]),
        Row(lotSizes: LotSizeRange(500_001, nil), letters: [.D, .E, .H, .K, .N, .Q, .R]),
    ]

    /// The row of Table 1 whose band contains `lotSize`. A lot of a single unit is
    /// read in the first band (2 to 8); the sample then covers the whole lot.
    public static func row(forLotSize lotSize: Int) throws(SamplingError) -> Row {
        guard lotSize >= 1 else { throw .invalidLotSize(lotSize) }
        let size = max(lotSize, 2)
        for row in rows where row.lotSizes.contains(size) { return row }
        // Unreachable: the last band is open-ended. Kept total without force-unwrapping.
        throw .invalidLotSize(lotSize)
    }

    /// The sample-size code letter for a lot (ISO 2859-1 clause 10.2 and Table 1).
    public static func codeLetter(lotSize: Int, level: InspectionLevel) throws(SamplingError) -> CodeLetter {
        try row(forLotSize: lotSize).letter(for: level)
    }
}

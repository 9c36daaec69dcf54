// An independent transcription of the published tables, in a different shape from
// the library's data: the library stores the master tables column by column as Swift
// values; here each row is written as printed, left to right, one string per code
// letter with its sample size, Ac Re pairs as two numbers and arrows as ↓ / ↑
// ("use the first plan below / above the arrow"), · for an empty cell.
//
// Columns, left to right (26 AQLs):
// 0.010 0.015 0.025 0.040 0.065 0.10 0.15 0.25 0.40 0.65 1.0 1.5 2.5 4.0 6.5
// 10 15 25 40 65 100 150 250 400 650 1000
//
// Sources: ISO 2859-1:1999 Tables 1, 2-A, 2-B, 2-C; ANSI/ASQ Z1.4-2003 Tables I,
// II-A, II-B, II-C (= MIL-STD-105E). Table 2-A/II-A and 2-B/II-B are identical in
// both. The Z1.4 reduced table keeps the Ac/Re gap; the ISO 2859-1:1999 reduced
// table has Re = Ac + 1 and acceptance numbers of its own (see `table2C`).

/// The published tables, transcribed row by row.
enum PublishedTables {
    /// ISO 2859-1 Table 1, transcribed level by level: for each inspection level the
    /// code letters of the fifteen lot-size bands, smallest lots first.
    static let lotSizeBands: [(lower: Int, upper: Int?)] = [
        (2, 8), (9, 15), (16, 25), (26, 50), (51, 90), (91, 150), (151, 280), (281, 500),
        (501, 1_200), (1_201, 3_200), (3_201, 10_000), (10_001, 35_000), (35_001, 150_000),
        (150_001, 500_000), (500_001, nil),
    ]

    static let table1ByLevel: [(level: String, letters: String)] = [
        ("S-1", "A A A A B B B B C C C C D D D"),
        ("S-2", "A A A B B B C C C D D D E E E"),
        ("S-3", "A A B B C C D D E E F F G G H"),
        ("S-4", "A A B C C D E E F G G H J J K"),
        ("I", "A A B C C D E F G H J K L M N"),
        ("II", "A B C D E F G H J K L M N P Q"),
        ("III", "B C D E F G H J K L M N P Q R"),
    ]

    /// Code letter to sample size, normal and tightened inspection (S: tightened only).
    static let normalSampleSizes = "A2 B3 C5 D8 E13 F20 G32 H50 J80 K125 L200 M315 N500 P800 Q1250 R2000 S3150"

    /// Code letter to sample size, reduced inspection.
    static let reducedSampleSizes = "A2 B2 C2 D3 E5 F8 G13 H20 J32 K50 L80 M125 N200 P315 Q500 R800"

    /// ISO 2859-1 Table 2-A (= Z1.4 Table II-A): single sampling, normal inspection.
    static let table2A: [String] = [
        "A    2 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↓  ↓  1 2  2 3  3 4  5 6  7 8  10 11  14 15  21 22  30 31",
        "B    3 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↑  ↓  1 2  2 3  3 4  5 6  7 8  10 11  14 15  21 22  30 31  44 45",
        "C    5 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↑  ↓  1 2  2 3  3 4  5 6  7 8  10 11  14 15  21 22  30 31  44 45  ↑",
        "D    8 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↑  ↓  1 2  2 3  3 4  5 6  7 8  10 11  14 15  21 22  30 31  44 45  ↑  ↑",
        "E   13 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↑  ↓  1 2  2 3  3 4  5 6  7 8  10 11  14 15  21 22  30 31  44 45  ↑  ↑  ↑",
        "F   20 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↑  ↓  1 2  2 3  3 4  5 6  7 8  10 11  14 15  21 22  ↑  ↑  ↑  ↑  ↑  ↑",
        "G   32 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↑  ↓  1 2  2 3  3 4  5 6  7 8  10 11  14 15  21 22  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "H   50 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↑  ↓  1 2  2 3  3 4  5 6  7 8  10 11  14 15  21 22  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "J   80 | ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↑  ↓  1 2  2 3  3 4  5 6  7 8  10 11  14 15  21 22  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "K  125 | ↓  ↓  ↓  ↓  ↓  0 1  ↑  ↓  1 2  2 3  3 4  5 6  7 8  10 11  14 15  21 22  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "L  200 | ↓  ↓  ↓  ↓  0 1  ↑  ↓  1 2  2 3  3 4  5 6  7 8  10 11  14 15  21 22  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "M  315 | ↓  ↓  ↓  0 1  ↑  ↓  1 2  2 3  3 4  5 6  7 8  10 11  14 15  21 22  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "N  500 | ↓  ↓  0 1  ↑  ↓  1 2  2 3  3 4  5 6  7 8  10 11  14 15  21 22  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "P  800 | ↓  0 1  ↑  ↓  1 2  2 3  3 4  5 6  7 8  10 11  14 15  21 22  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "Q 1250 | 0 1  ↑  ↓  1 2  2 3  3 4  5 6  7 8  10 11  14 15  21 22  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "R 2000 | ↑  ↑  1 2  2 3  3 4  5 6  7 8  10 11  14 15  21 22  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
    ]

    /// ISO 2859-1 Table 2-B (= Z1.4 Table II-B): single sampling, tightened inspection.
    static let table2B: [String] = [
        "A    2 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  1 2  2 3  3 4  5 6  8 9  12 13  18 19  27 28",
        "B    3 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↓  ↓  1 2  2 3  3 4  5 6  8 9  12 13  18 19  27 28  41 42",
        "C    5 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↓  ↓  1 2  2 3  3 4  5 6  8 9  12 13  18 19  27 28  41 42  ↑",
        "D    8 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↓  ↓  1 2  2 3  3 4  5 6  8 9  12 13  18 19  27 28  41 42  ↑  ↑",
        "E   13 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↓  ↓  1 2  2 3  3 4  5 6  8 9  12 13  18 19  27 28  41 42  ↑  ↑  ↑",
        "F   20 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↓  ↓  1 2  2 3  3 4  5 6  8 9  12 13  18 19  ↑  ↑  ↑  ↑  ↑  ↑",
        "G   32 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↓  ↓  1 2  2 3  3 4  5 6  8 9  12 13  18 19  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "H   50 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↓  ↓  1 2  2 3  3 4  5 6  8 9  12 13  18 19  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "J   80 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↓  ↓  1 2  2 3  3 4  5 6  8 9  12 13  18 19  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "K  125 | ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↓  ↓  1 2  2 3  3 4  5 6  8 9  12 13  18 19  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "L  200 | ↓  ↓  ↓  ↓  ↓  0 1  ↓  ↓  1 2  2 3  3 4  5 6  8 9  12 13  18 19  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "M  315 | ↓  ↓  ↓  ↓  0 1  ↓  ↓  1 2  2 3  3 4  5 6  8 9  12 13  18 19  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "N  500 | ↓  ↓  ↓  0 1  ↓  ↓  1 2  2 3  3 4  5 6  8 9  12 13  18 19  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "P  800 | ↓  ↓  0 1  ↓  ↓  1 2  2 3  3 4  5 6  8 9  12 13  18 19  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "Q 1250 | ↓  0 1  ↓  ↓  1 2  2 3  3 4  5 6  8 9  12 13  18 19  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "R 2000 | 0 1  ↑  ↓  1 2  2 3  3 4  5 6  8 9  12 13  18 19  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "S 3150 | ·  ·  1 2  ·  ·  ·  ·  ·  ·  ·  ·  ·  ·  ·  ·  ·  ·  ·  ·  ·  ·  ·  ·  ·  ·  ·",
    ]

    /// ISO 2859-1:1999 Table 2-C: single sampling, reduced inspection (no Ac/Re gap).
    ///
    /// Source: GB/T 2828.1-2012, Table 2-C "放宽检验一次抽样方案（主表）", printed page 17 (PDF
    /// page 23) — the Chinese national standard identical (IDT) to ISO 2859-1:1999; scan at
    /// https://file4.foodmate.net/biaozhun/GBT2828.1-2012.pdf. Read here through the cell-by-cell
    /// transcription of that scan in
    /// https://github.com/nihantao-crosis/quality-platform/blob/3715756c6cae4291e30ec7ae0336d0273c7e08e5/src/core/__tests__/fixtures/gbt2828-1-2012-tables-2abc-full16.tsv
    /// and .../gbt2828-1-2012-tables-2abc-aql15-1000.tsv (rows "reduced"), which give each cell
    /// as final code letter / n / Ac / Re after following its arrow; the arrows below are that
    /// final letter read back (same letter: plan; later letter: ↓; earlier letter: ↑).
    /// Cross-check: the SQC Online ISO 2859-1 calculator results for level II, AQL 0.65-4.0,
    /// recorded in github.com/nanhaishiyounan/deepseek-harness
    /// research/2026-09-27-w2-gbt2828-aql-sampling-research.md, agree in all 45 cells of the
    /// 1.0, 1.5 and 2.5 columns (letters A-Q) and in 20 of the 30 cells of the 0.65 and 4.0
    /// columns; the 10 that differ (0.65 at H-L, 4.0 at G-M) repeat one plan in two adjacent
    /// columns of a row, and that record's tightened 4.0 column is off against Table 2-B in
    /// the same way, so they are not taken as evidence against this table.
    static let table2C: [String] = [
        "A    2 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↓  ↓  1 2  2 3  3 4  5 6  7 8  10 11  14 15  21 22  30 31",
        "B    2 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↑  ↓  ↓  1 2  2 3  3 4  5 6  7 8  10 11  14 15  21 22  30 31",
        "C    2 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↑  ↓  ↓  1 2  2 3  3 4  5 6  6 7  8 9  10 11  14 15  21 22  ↑",
        "D    3 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↑  ↓  ↓  1 2  2 3  3 4  5 6  6 7  8 9  10 11  14 15  21 22  ↑  ↑",
        "E    5 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↑  ↓  ↓  1 2  2 3  3 4  5 6  6 7  8 9  10 11  14 15  21 22  ↑  ↑  ↑",
        "F    8 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↑  ↓  ↓  1 2  2 3  3 4  5 6  6 7  8 9  10 11  ↑  ↑  ↑  ↑  ↑  ↑",
        "G   13 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↑  ↓  ↓  1 2  2 3  3 4  5 6  6 7  8 9  10 11  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "H   20 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↑  ↓  ↓  1 2  2 3  3 4  5 6  6 7  8 9  10 11  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "J   32 | ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↑  ↓  ↓  1 2  2 3  3 4  5 6  6 7  8 9  10 11  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "K   50 | ↓  ↓  ↓  ↓  ↓  0 1  ↑  ↓  ↓  1 2  2 3  3 4  5 6  6 7  8 9  10 11  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "L   80 | ↓  ↓  ↓  ↓  0 1  ↑  ↓  ↓  1 2  2 3  3 4  5 6  6 7  8 9  10 11  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "M  125 | ↓  ↓  ↓  0 1  ↑  ↓  ↓  1 2  2 3  3 4  5 6  6 7  8 9  10 11  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "N  200 | ↓  ↓  0 1  ↑  ↓  ↓  1 2  2 3  3 4  5 6  6 7  8 9  10 11  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "P  315 | ↓  0 1  ↑  ↓  ↓  1 2  2 3  3 4  5 6  6 7  8 9  10 11  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "Q  500 | 0 1  ↑  ↑  ↓  1 2  2 3  3 4  5 6  6 7  8 9  10 11  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "R  800 | ↑  ↑  ↑  1 2  2 3  3 4  5 6  6 7  8 9  10 11  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
    ]

    /// ANSI/ASQ Z1.4 Table II-C (= MIL-STD-105E): single sampling, reduced inspection, with gaps.
    static let z14TableIIC: [String] = [
        "A    2 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↓  ↓  1 2  2 3  3 4  5 6  7 8  10 11  14 15  21 22  30 31",
        "B    2 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↑  ↓  0 2  1 3  2 4  3 5  5 6  7 8  10 11  14 15  21 22  30 31",
        "C    2 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↑  ↓  0 2  1 3  1 4  2 5  3 6  5 8  7 10  10 13  14 17  21 24  ↑",
        "D    3 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↑  ↓  0 2  1 3  1 4  2 5  3 6  5 8  7 10  10 13  14 17  21 24  ↑  ↑",
        "E    5 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↑  ↓  0 2  1 3  1 4  2 5  3 6  5 8  7 10  10 13  14 17  21 24  ↑  ↑  ↑",
        "F    8 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↑  ↓  0 2  1 3  1 4  2 5  3 6  5 8  7 10  10 13  ↑  ↑  ↑  ↑  ↑  ↑",
        "G   13 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↑  ↓  0 2  1 3  1 4  2 5  3 6  5 8  7 10  10 13  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "H   20 | ↓  ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↑  ↓  0 2  1 3  1 4  2 5  3 6  5 8  7 10  10 13  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "J   32 | ↓  ↓  ↓  ↓  ↓  ↓  0 1  ↑  ↓  0 2  1 3  1 4  2 5  3 6  5 8  7 10  10 13  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "K   50 | ↓  ↓  ↓  ↓  ↓  0 1  ↑  ↓  0 2  1 3  1 4  2 5  3 6  5 8  7 10  10 13  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "L   80 | ↓  ↓  ↓  ↓  0 1  ↑  ↓  0 2  1 3  1 4  2 5  3 6  5 8  7 10  10 13  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "M  125 | ↓  ↓  ↓  0 1  ↑  ↓  0 2  1 3  1 4  2 5  3 6  5 8  7 10  10 13  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "N  200 | ↓  ↓  0 1  ↑  ↓  0 2  1 3  1 4  2 5  3 6  5 8  7 10  10 13  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "P  315 | ↓  0 1  ↑  ↓  0 2  1 3  1 4  2 5  3 6  5 8  7 10  10 13  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "Q  500 | 0 1  ↑  ↓  0 2  1 3  1 4  2 5  3 6  5 8  7 10  10 13  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
        "R  800 | ↑  ↑  0 2  1 3  1 4  2 5  3 6  5 8  7 10  10 13  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑  ↑",
    ]

    /// One printed row: code letter, sample size and the 26 cells.
    struct Row {
        let letter: String
        let sampleSize: Int
        let cells: [String]
    }

    /// Splits a printed row into its cells: "10 11" pairs, "↓", "↑" and "·".
    static func parse(_ line: String) -> Row? {
        let halves = line.split(separator: "|", maxSplits: 1).map { $0.split(separator: " ").map(String.init) }
        guard halves.count == 2, halves[0].count == 2, let size = Int(halves[0][1]) else { return nil }
        var cells: [String] = []
        var tokens = halves[1][...]
        while let token = tokens.popFirst() {
            if Int(token) != nil {
                guard let reject = tokens.popFirst(), Int(reject) != nil else { return nil }
                cells.append("\(token) \(reject)")
            } else {
                cells.append(token)
            }
        }
        return Row(letter: halves[0][0], sampleSize: size, cells: cells)
    }
}

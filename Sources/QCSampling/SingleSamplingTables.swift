// The four single-sampling master tables, stored as data: one array per AQL column
// (0.010 ... 1000), each listing the cells for code letters A ... R (and S in the
// tightened table). The tests check every cell against a row-by-row transcription
// of the printed tables.
//
// Legend: p(Ac, Re) a plan; dn ↓ use the first plan below; up ↑ use the first plan
// above; __ no entry.

private let dn = MasterTableCell.useFirstPlanBelow
private let up = MasterTableCell.useFirstPlanAbove
private let __ = MasterTableCell.blank
private func p(_ accept: Int, _ reject: Int) -> MasterTableCell { .plan(accept: accept, reject: reject) }

private let lettersAtoR: [CodeLetter] = CodeLetter.tableOneLetters

/// The single-sampling master tables of ISO 2859-1:1999 (Tables 2-A, 2-B, 2-C) and
/// the reduced table of ANSI/ASQ Z1.4 (Table II-C), as data.
///
/// Normal (2-A) and tightened (2-B) are identical in ISO 2859-1 and ANSI/ASQ Z1.4
/// (Tables II-A, II-B). The reduced tables differ: Z1.4 keeps the MIL-STD-105E gap
/// between Ac and Re (0 2, 1 3, 1 4, 2 5, 3 6, 5 8, 7 10, 10 13, 14 17, 21 24);
/// ISO 2859-1:1999 has Re = Ac + 1 throughout and its own acceptance numbers
/// (1 2, 2 3, 3 4, 5 6, 6 7, 8 9, 10 11, ...), so it is not Z1.4 with the gap removed.
public enum SingleSamplingTables {
    /// ISO 2859-1 Table 2-A, "Single sampling plans for normal inspection (Master table)".
    public static let normal = MasterTable(
        title: "ISO 2859-1 Table 2-A (normal inspection)",
        severity: .normal,
        rows: lettersAtoR,
        columns: [
            //          rows: A ... R
            /* 0.010 */ [dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), up],
            /* 0.015 */ [dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), up, up],
            /* 0.025 */ [dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), up, dn, p(1, 2)],
            /* 0.040 */ [dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), up, dn, p(1, 2), p(2, 3)],
            /* 0.065 */ [dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), up, dn, p(1, 2), p(2, 3), p(3, 4)],
            /* 0.10  */ [dn, dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), up, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6)],
            /* 0.15  */ [dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), up, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(7, 8)],
            /* 0.25  */ [dn, dn, dn, dn, dn, dn, dn, p(0, 1), up, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(7, 8), p(10, 11)],
            /* 0.40  */ [dn, dn, dn, dn, dn, dn, p(0, 1), up, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(7, 8), p(10, 11), p(14, 15)],
            /* 0.65  */ [dn, dn, dn, dn, dn, p(0, 1), up, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(7, 8), p(10, 11), p(14, 15), p(21, 22)],
            /* 1.0   */ [dn, dn, dn, dn, p(0, 1), up, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(7, 8), p(10, 11), p(14, 15), p(21, 22), up],
            /* 1.5   */ [dn, dn, dn, p(0, 1), up, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(7, 8), p(10, 11), p(14, 15), p(21, 22), up, up],
            /* 2.5   */ [dn, dn, p(0, 1), up, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(7, 8), p(10, 11), p(14, 15), p(21, 22), up, up, up],
            /* 4.0   */ [dn, p(0, 1), up, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(7, 8), p(10, 11), p(14, 15), p(21, 22), up, up, up, up],
            /* 6.5   */ [p(0, 1), up, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(7, 8), p(10, 11), p(14, 15), p(21, 22), up, up, up, up, up],
            /* 10    */ [dn, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(7, 8), p(10, 11), p(14, 15), p(21, 22), up, up, up, up, up, up],
            /* 15    */ [dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(7, 8), p(10, 11), p(14, 15), p(21, 22), up, up, up, up, up, up, up],
            /* 25    */ [p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(7, 8), p(10, 11), p(14, 15), p(21, 22), up, up, up, up, up, up, up, up],
            /* 40    */ [p(2, 3), p(3, 4), p(5, 6), p(7, 8), p(10, 11), p(14, 15), p(21, 22), up, up, up, up, up, up, up, up, up],
            /* 65    */ [p(3, 4), p(5, 6), p(7, 8), p(10, 11), p(14, 15), p(21, 22), up, up, up, up, up, up, up, up, up, up],
            /* 100   */ [p(5, 6), p(7, 8), p(10, 11), p(14, 15), p(21, 22), up, up, up, up, up, up, up, up, up, up, up],
            /* 150   */ [p(7, 8), p(10, 11), p(14, 15), p(21, 22), p(30, 31), up, up, up, up, up, up, up, up, up, up, up],
            /* 250   */ [p(10, 11), p(14, 15), p(21, 22), p(30, 31), p(44, 45), up, up, up, up, up, up, up, up, up, up, up],
            /* 400   */ [p(14, 15), p(21, 22), p(30, 31), p(44, 45), up, up, up, up, up, up, up, up, up, up, up, up],
            /* 650   */ [p(21, 22), p(30, 31), p(44, 45), up, up, up, up, up, up, up, up, up, up, up, up, up],
            /* 1000  */ [p(30, 31), p(44, 45), up, up, up, up, up, up, up, up, up, up, up, up, up, up],
        ]
    )

    /// ISO 2859-1 Table 2-B, "Single sampling plans for tightened inspection (Master table)",
    /// including the row S (sample size 3150) reached from AQL 0.025.
    public static let tightened = MasterTable(
        title: "ISO 2859-1 Table 2-B (tightened inspection)",
        severity: .tightened,
        rows: CodeLetter.allCases,
        columns: [
            //          rows: A ... R, S
            /* 0.010 */ [dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), __],
            /* 0.015 */ [dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), up, __],
            /* 0.025 */ [dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), dn, dn, p(1, 2)],
            /* 0.040 */ [dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), dn, dn, p(1, 2), __],
            /* 0.065 */ [dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), dn, dn, p(1, 2), p(2, 3), __],
            /* 0.10  */ [dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), dn, dn, p(1, 2), p(2, 3), p(3, 4), __],
            /* 0.15  */ [dn, dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), dn, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), __],
            /* 0.25  */ [dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), dn, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(8, 9), __],
            /* 0.40  */ [dn, dn, dn, dn, dn, dn, dn, p(0, 1), dn, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(8, 9), p(12, 13), __],
            /* 0.65  */ [dn, dn, dn, dn, dn, dn, p(0, 1), dn, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(8, 9), p(12, 13), p(18, 19), __],
            /* 1.0   */ [dn, dn, dn, dn, dn, p(0, 1), dn, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(8, 9), p(12, 13), p(18, 19), up, __],
            /* 1.5   */ [dn, dn, dn, dn, p(0, 1), dn, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(8, 9), p(12, 13), p(18, 19), up, up, __],
            /* 2.5   */ [dn, dn, dn, p(0, 1), dn, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(8, 9), p(12, 13), p(18, 19), up, up, up, __],
            /* 4.0   */ [dn, dn, p(0, 1), dn, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(8, 9), p(12, 13), p(18, 19), up, up, up, up, __],
            /* 6.5   */ [dn, p(0, 1), dn, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(8, 9), p(12, 13), p(18, 19), up, up, up, up, up, __],
            /* 10    */ [dn, dn, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(8, 9), p(12, 13), p(18, 19), up, up, up, up, up, up, __],
            /* 15    */ [dn, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(8, 9), p(12, 13), p(18, 19), up, up, up, up, up, up, up, __],
            /* 25    */ [dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(8, 9), p(12, 13), p(18, 19), up, up, up, up, up, up, up, up, __],
            /* 40    */ [p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(8, 9), p(12, 13), p(18, 19), up, up, up, up, up, up, up, up, up, __],
            /* 65    */ [p(2, 3), p(3, 4), p(5, 6), p(8, 9), p(12, 13), p(18, 19), up, up, up, up, up, up, up, up, up, up, __],
            /* 100   */ [p(3, 4), p(5, 6), p(8, 9), p(12, 13), p(18, 19), up, up, up, up, up, up, up, up, up, up, up, __],
            /* 150   */ [p(5, 6), p(8, 9), p(12, 13), p(18, 19), p(27, 28), up, up, up, up, up, up, up, up, up, up, up, __],
            /* 250   */ [p(8, 9), p(12, 13), p(18, 19), p(27, 28), p(41, 42), up, up, up, up, up, up, up, up, up, up, up, __],
            /* 400   */ [p(12, 13), p(18, 19), p(27, 28), p(41, 42), up, up, up, up, up, up, up, up, up, up, up, up, __],
            /* 650   */ [p(18, 19), p(27, 28), p(41, 42), up, up, up, up, up, up, up, up, up, up, up, up, up, __],
            /* 1000  */ [p(27, 28), p(41, 42), up, up, up, up, up, up, up, up, up, up, up, up, up, up, __],
        ]
    )

    /// ISO 2859-1:1999 Table 2-C, "Single sampling plans for reduced inspection (Master table)":
    /// reduced sample sizes, Re = Ac + 1 in every plan.
    ///
    /// Transcribed from the identical national adoption GB/T 2828.1-2012 (IDT ISO 2859-1:1999),
    /// Table 2-C, printed page 17, as transcribed cell by cell from the scanned standard in
    /// github.com/nihantao-crosis/quality-platform (src/core/aql.ts `MASTER_2C_RAW` and
    /// src/core/__tests__/fixtures/gbt2828-1-2012-tables-2abc-full16.tsv / -aql15-1000.tsv,
    /// commit 3715756). That source stores each cell with its arrow already followed (final
    /// code letter, n, Ac, Re); the arrows here are read back from it: a cell whose final code
    /// letter is its own is a plan, a later letter is a down arrow, an earlier one an up arrow.
    /// Along a row the plans run 0 1, 1 2, 2 3, 3 4, 5 6, 6 7, 8 9, 10 11 (then 14 15, 21 22,
    /// 30 31 in rows A-E); where Z1.4 has 0 2 this table has an arrow.
    public static let reducedISO = MasterTable(
        title: "ISO 2859-1:1999 Table 2-C (reduced inspection)",
        severity: .reduced,
        rows: lettersAtoR,
        columns: [
            //          rows: A ... R
            /* 0.010 */ [dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), up],
            /* 0.015 */ [dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), up, up],
            /* 0.025 */ [dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), up, up, up],
            /* 0.040 */ [dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), up, dn, dn, p(1, 2)],
            /* 0.065 */ [dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), up, dn, dn, p(1, 2), p(2, 3)],
            /* 0.10  */ [dn, dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), up, dn, dn, p(1, 2), p(2, 3), p(3, 4)],
            /* 0.15  */ [dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), up, dn, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6)],
            /* 0.25  */ [dn, dn, dn, dn, dn, dn, dn, p(0, 1), up, dn, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(6, 7)],
            /* 0.40  */ [dn, dn, dn, dn, dn, dn, p(0, 1), up, dn, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(6, 7), p(8, 9)],
            /* 0.65  */ [dn, dn, dn, dn, dn, p(0, 1), up, dn, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(6, 7), p(8, 9), p(10, 11)],
            /* 1.0   */ [dn, dn, dn, dn, p(0, 1), up, dn, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(6, 7), p(8, 9), p(10, 11), up],
            /* 1.5   */ [dn, dn, dn, p(0, 1), up, dn, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(6, 7), p(8, 9), p(10, 11), up, up],
            /* 2.5   */ [dn, dn, p(0, 1), up, dn, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(6, 7), p(8, 9), p(10, 11), up, up, up],
            /* 4.0   */ [dn, p(0, 1), up, dn, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(6, 7), p(8, 9), p(10, 11), up, up, up, up],
            /* 6.5   */ [p(0, 1), up, dn, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(6, 7), p(8, 9), p(10, 11), up, up, up, up, up],
            /* 10    */ [dn, dn, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(6, 7), p(8, 9), p(10, 11), up, up, up, up, up, up],
            /* 15    */ [dn, dn, p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(6, 7), p(8, 9), p(10, 11), up, up, up, up, up, up, up],
            /* 25    */ [p(1, 2), p(1, 2), p(2, 3), p(3, 4), p(5, 6), p(6, 7), p(8, 9), p(10, 11), up, up, up, up, up, up, up, up],
            /* 40    */ [p(2, 3), p(2, 3), p(3, 4), p(5, 6), p(6, 7), p(8, 9), p(10, 11), up, up, up, up, up, up, up, up, up],
            /* 65    */ [p(3, 4), p(3, 4), p(5, 6), p(6, 7), p(8, 9), p(10, 11), up, up, up, up, up, up, up, up, up, up],
            /* 100   */ [p(5, 6), p(5, 6), p(6, 7), p(8, 9), p(10, 11), up, up, up, up, up, up, up, up, up, up, up],
            /* 150   */ [p(7, 8), p(7, 8), p(8, 9), p(10, 11), p(14, 15), up, up, up, up, up, up, up, up, up, up, up],
            /* 250   */ [p(10, 11), p(10, 11), p(10, 11), p(14, 15), p(21, 22), up, up, up, up, up, up, up, up, up, up, up],
            /* 400   */ [p(14, 15), p(14, 15), p(14, 15), p(21, 22), up, up, up, up, up, up, up, up, up, up, up, up],
            /* 650   */ [p(21, 22), p(21, 22), p(21, 22), up, up, up, up, up, up, up, up, up, up, up, up, up],
            /* 1000  */ [p(30, 31), p(30, 31), up, up, up, up, up, up, up, up, up, up, up, up, up, up],
        ]
    )

    /// ANSI/ASQ Z1.4 (MIL-STD-105E) Table II-C, reduced inspection, with the gap between
    /// Ac and Re: a count above Ac but below Re accepts the lot and reinstates normal inspection.
    public static let reducedZ14 = MasterTable(
        title: "ANSI/ASQ Z1.4 Table II-C (reduced inspection)",
        severity: .reduced,
        rows: lettersAtoR,
        columns: [
            //          rows: A ... R
            /* 0.010 */ [dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), up],
            /* 0.015 */ [dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), up, up],
            /* 0.025 */ [dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), up, dn, p(0, 2)],
            /* 0.040 */ [dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), up, dn, p(0, 2), p(1, 3)],
            /* 0.065 */ [dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), up, dn, p(0, 2), p(1, 3), p(1, 4)],
            /* 0.10  */ [dn, dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), up, dn, p(0, 2), p(1, 3), p(1, 4), p(2, 5)],
            /* 0.15  */ [dn, dn, dn, dn, dn, dn, dn, dn, p(0, 1), up, dn, p(0, 2), p(1, 3), p(1, 4), p(2, 5), p(3, 6)],
            /* 0.25  */ [dn, dn, dn, dn, dn, dn, dn, p(0, 1), up, dn, p(0, 2), p(1, 3), p(1, 4), p(2, 5), p(3, 6), p(5, 8)],
            /* 0.40  */ [dn, dn, dn, dn, dn, dn, p(0, 1), up, dn, p(0, 2), p(1, 3), p(1, 4), p(2, 5), p(3, 6), p(5, 8), p(7, 10)],
            /* 0.65  */ [dn, dn, dn, dn, dn, p(0, 1), up, dn, p(0, 2), p(1, 3), p(1, 4), p(2, 5), p(3, 6), p(5, 8), p(7, 10), p(10, 13)],
            /* 1.0   */ [dn, dn, dn, dn, p(0, 1), up, dn, p(0, 2), p(1, 3), p(1, 4), p(2, 5), p(3, 6), p(5, 8), p(7, 10), p(10, 13), up],
            /* 1.5   */ [dn, dn, dn, p(0, 1), up, dn, p(0, 2), p(1, 3), p(1, 4), p(2, 5), p(3, 6), p(5, 8), p(7, 10), p(10, 13), up, up],
            /* 2.5   */ [dn, dn, p(0, 1), up, dn, p(0, 2), p(1, 3), p(1, 4), p(2, 5), p(3, 6), p(5, 8), p(7, 10), p(10, 13), up, up, up],
            /* 4.0   */ [dn, p(0, 1), up, dn, p(0, 2), p(1, 3), p(1, 4), p(2, 5), p(3, 6), p(5, 8), p(7, 10), p(10, 13), up, up, up, up],
            /* 6.5   */ [p(0, 1), up, dn, p(0, 2), p(1, 3), p(1, 4), p(2, 5), p(3, 6), p(5, 8), p(7, 10), p(10, 13), up, up, up, up, up],
            /* 10    */ [dn, dn, p(0, 2), p(1, 3), p(1, 4), p(2, 5), p(3, 6), p(5, 8), p(7, 10), p(10, 13), up, up, up, up, up, up],
            /* 15    */ [dn, p(0, 2), p(1, 3), p(1, 4), p(2, 5), p(3, 6), p(5, 8), p(7, 10), p(10, 13), up, up, up, up, up, up, up],
            /* 25    */ [p(1, 2), p(1, 3), p(1, 4), p(2, 5), p(3, 6), p(5, 8), p(7, 10), p(10, 13), up, up, up, up, up, up, up, up],
            /* 40    */ [p(2, 3), p(2, 4), p(2, 5), p(3, 6), p(5, 8), p(7, 10), p(10, 13), up, up, up, up, up, up, up, up, up],
            /* 65    */ [p(3, 4), p(3, 5), p(3, 6), p(5, 8), p(7, 10), p(10, 13), up, up, up, up, up, up, up, up, up, up],
            /* 100   */ [p(5, 6), p(5, 6), p(5, 8), p(7, 10), p(10, 13), up, up, up, up, up, up, up, up, up, up, up],
            /* 150   */ [p(7, 8), p(7, 8), p(7, 10), p(10, 13), p(14, 17), up, up, up, up, up, up, up, up, up, up, up],
            /* 250   */ [p(10, 11), p(10, 11), p(10, 13), p(14, 17), p(21, 24), up, up, up, up, up, up, up, up, up, up, up],
            /* 400   */ [p(14, 15), p(14, 15), p(14, 17), p(21, 24), up, up, up, up, up, up, up, up, up, up, up, up],
            /* 650   */ [p(21, 22), p(21, 22), p(21, 24), up, up, up, up, up, up, up, up, up, up, up, up, up],
            /* 1000  */ [p(30, 31), p(30, 31), up, up, up, up, up, up, up, up, up, up, up, up, up, up],
        ]
    )

    /// The master table for a severity and edition.
    public static func table(for severity: InspectionSeverity, edition: SamplingEdition) -> MasterTable {
        switch (severity, edition) {
        case (.normal, _): return normal
        case (.tightened, _): return tightened
        case (.reduced, .iso2859_1): return reducedISO
        case (.reduced, .z14): return reducedZ14
        }
    }
}

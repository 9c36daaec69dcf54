import Testing
import QCSampling

/// Every cell of the stored tables against the row-by-row transcription in
/// `PublishedTables` (ISO 2859-1:1999 Tables 1, 2-A, 2-B, 2-C; ANSI/ASQ Z1.4 Table II-C).
@Suite("Published tables, cell by cell")
struct PublishedTableTests {
    static let masterTables: [(name: String, printed: [String], stored: MasterTable, cells: Int)] = [
        ("Table 2-A normal", PublishedTables.table2A, SingleSamplingTables.normal, 16 * 26),
        ("Table 2-B tightened", PublishedTables.table2B, SingleSamplingTables.tightened, 17 * 26),
        ("Table 2-C reduced (ISO 2859-1:1999)", PublishedTables.table2C, SingleSamplingTables.reducedISO, 16 * 26),
        ("Table II-C reduced (ANSI/ASQ Z1.4)", PublishedTables.z14TableIIC, SingleSamplingTables.reducedZ14, 16 * 26),
    ]

    @Test("Master table matches the printed table in every cell", arguments: 0..<4)
    func masterTableCells(index: Int) throws {
        let (name, printed, stored, expectedCells) = Self.masterTables[index]
        #expect(printed.count == stored.rows.count, "\(name): row count")
        var checked = 0
        for (rowIndex, line) in printed.enumerated() {
            let row = try #require(PublishedTables.parse(line), "\(name): cannot parse row \(rowIndex)")
            let letter = try #require(CodeLetter(rawValue: row.letter))
            #expect(stored.rows[rowIndex] == letter, "\(name): row \(rowIndex) letter")
            #expect(stored.sampleSize(of: letter) == row.sampleSize, "\(name): sample size of \(letter)")
            #expect(row.cells.count == AQL.columnCount, "\(name): row \(letter) has \(row.cells.count) cells")
            for (column, printedCell) in row.cells.enumerated() {
                let cell = try #require(stored.cell(letter, column: column))
                #expect(cell.description == printedCell,
                        "\(name) \(letter) AQL \(AQL.standardLabels[column]): stored \(cell), printed \(printedCell)")
                checked += 1
            }
        }
        #expect(checked == expectedCells)
    }

    @Test("Table 1: every lot-size band and level gives the printed code letter, at both ends of the band")
    func sampleSizeCodeLetters() throws {
        var checked = 0
        for (levelName, letters) in PublishedTables.table1ByLevel {
            let level = try InspectionLevel(parsing: levelName)
            let column = letters.split(separator: " ").map(String.init)
            #expect(column.count == PublishedTables.lotSizeBands.count)
            for (band, printed) in zip(PublishedTables.lotSizeBands, column) {
                var sizes = [band.lower, band.upper ?? 10_000_000]
                if let upper = band.upper { sizes.append((band.lower + upper) / 2) }
                for size in sizes {
                    let letter = try SampleSizeCodeTable.codeLetter(lotSize: size, level: level)
                    #expect(letter.rawValue == printed, "lot \(size), level \(levelName)")
                }
                checked += 1
            }
        }
        #expect(checked == 15 * 7)
        #expect(SampleSizeCodeTable.rows.count == 15)
    }

    @Test("Table 1 bands are contiguous and open-ended")
    func bandsContiguous() {
        let rows = SampleSizeCodeTable.rows
        for (band, row) in zip(PublishedTables.lotSizeBands, rows) {
            #expect(row.lotSizes.lowerBound == band.lower)
            #expect(row.lotSizes.upperBound == band.upper)
        }
        for (previous, next) in zip(rows, rows.dropFirst()) {
            #expect(previous.lotSizes.upperBound.map { $0 + 1 } == next.lotSizes.lowerBound)
        }
    }

    @Test("Code letter to sample size, normal/tightened and reduced")
    func codeLetterSampleSizes() throws {
        for entry in PublishedTables.normalSampleSizes.split(separator: " ") {
            let letter = try #require(CodeLetter(rawValue: String(entry.prefix(1))))
            let size = try #require(Int(entry.dropFirst()))
            #expect(letter.normalSampleSize == size)
            #expect(letter.sampleSize(for: .tightened) == size)
            if letter != .S { #expect(letter.sampleSize(for: .normal) == size) }
        }
        #expect(CodeLetter.S.sampleSize(for: .normal) == nil)
        for entry in PublishedTables.reducedSampleSizes.split(separator: " ") {
            let letter = try #require(CodeLetter(rawValue: String(entry.prefix(1))))
            let size = try #require(Int(entry.dropFirst()))
            #expect(letter.reducedSampleSize == size)
        }
        #expect(CodeLetter.S.reducedSampleSize == nil)
    }

    @Test("Every arrow leads to a plan in the same column, in the arrow's direction")
    func arrowsResolve() throws {
        for (name, _, table, _) in Self.masterTables {
            for letter in table.rows {
                for column in 0..<AQL.columnCount {
                    let cell = try #require(table.cell(letter, column: column))
                    if case .blank = cell { continue }
                    let entry = try #require(table.entry(letter, column: column), "\(name) \(letter) \(column)")
                    switch cell {
                    case .plan(let accept, let reject):
                        #expect(entry.codeLetter == letter && entry.accept == accept && entry.reject == reject)
                    case .useFirstPlanBelow:
                        #expect(entry.codeLetter > letter)
                    case .useFirstPlanAbove:
                        #expect(entry.codeLetter < letter)
                    case .blank:
                        break
                    }
                    #expect(entry.reject > entry.accept)
                }
            }
        }
    }

    @Test("ISO tables have Re = Ac + 1; Z1.4 reduced has gaps and its own acceptance numbers")
    func rejectionNumbers() throws {
        for table in [SingleSamplingTables.normal, SingleSamplingTables.tightened, SingleSamplingTables.reducedISO] {
            for letter in table.rows {
                for column in 0..<AQL.columnCount {
                    if case .plan(let accept, let reject)? = table.cell(letter, column: column) {
                        #expect(reject == accept + 1, "\(table.title) \(letter) \(column)")
                    }
                }
            }
        }
        // The two reduced tables share their sample sizes; where Z1.4 prints a plan without a gap
        // the ISO table prints the same plan. Elsewhere they differ: ISO 2859-1:1999 is not Z1.4
        // with Re set to Ac + 1 (Z1.4 1 3 / 1 4 / 2 5 / 3 6 / 5 8 / 7 10 sit where ISO prints
        // 1 2 / 2 3 / 3 4 / 5 6 / 6 7 / 8 9, and Z1.4's 0 2 plans are arrows in ISO).
        var gaps = 0
        var differentAccept = 0
        for letter in CodeLetter.tableOneLetters {
            #expect(SingleSamplingTables.reducedISO.sampleSize(of: letter)
                    == SingleSamplingTables.reducedZ14.sampleSize(of: letter))
            for column in 0..<AQL.columnCount {
                let iso = try #require(SingleSamplingTables.reducedISO.cell(letter, column: column))
                let z14 = try #require(SingleSamplingTables.reducedZ14.cell(letter, column: column))
                switch (iso, z14) {
                case (.plan(let isoAccept, _), .plan(let z14Accept, let z14Reject)):
                    if z14Reject > z14Accept + 1 {
                        gaps += 1
                        if isoAccept != z14Accept { differentAccept += 1 }
                    } else {
                        #expect(iso == z14, "\(letter) \(column): Z1.4 plan without a gap")
                    }
                default:
                    break
                }
            }
        }
        #expect(gaps > 100)
        #expect(differentAccept > 50)
        // Two cells read from the printed tables: K at AQL 2.5 and Q at AQL 0.025.
        let k25 = try #require(AQL.standardLabels.firstIndex(of: "2.5"))
        #expect(SingleSamplingTables.reducedISO.cell(.K, column: k25) == .plan(accept: 5, reject: 6))
        #expect(SingleSamplingTables.reducedZ14.cell(.K, column: k25) == .plan(accept: 3, reject: 6))
        let q025 = try #require(AQL.standardLabels.firstIndex(of: "0.025"))
        #expect(SingleSamplingTables.reducedISO.cell(.Q, column: q025) == .useFirstPlanAbove)
        #expect(SingleSamplingTables.reducedZ14.cell(.Q, column: q025) == .useFirstPlanBelow)
    }

    @Test("Ac >= 2 in Table 2-A always has a plan one AQL step tighter in the same row (switching score)")
    func tighterPlanExists() throws {
        let table = SingleSamplingTables.normal
        for letter in table.rows {
            for column in 0..<AQL.columnCount {
                guard case .plan(let accept, _)? = table.cell(letter, column: column), accept >= 2 else { continue }
                let tighter = try #require(table.cell(letter, column: column - 1))
                guard case .plan(let tighterAccept, _) = tighter else {
                    Issue.record("\(letter) \(column): no plan one step tighter")
                    continue
                }
                #expect(tighterAccept < accept)
            }
        }
    }
}

/// An ISO 2859-1 single-sampling master table: rows are code letters, columns the
/// 26 standard AQLs (0.010 ... 1000), cells plans or arrows (Tables 2-A, 2-B, 2-C).
public struct MasterTable: Sendable {
    /// A plan read from the table after following arrows.
    public struct Entry: Sendable, Hashable {
        /// Row of the plan actually used (may differ from the lot's letter after an arrow).
        public let codeLetter: CodeLetter
        /// That row's own sample size.
        public let sampleSize: Int
        public let accept: Int
        public let reject: Int
    }

    /// Title as in the standard, for reports and error messages.
    public let title: String
    /// The severity whose sample sizes the rows use.
    public let severity: InspectionSeverity
    /// The rows in order (A ... R, plus S in Table 2-B).
    public let rows: [CodeLetter]
    /// Cells column by column: `columns[aqlColumn][row]`.
    let columns: [[MasterTableCell]]

    init(title: String, severity: InspectionSeverity, rows: [CodeLetter], columns: [[MasterTableCell]]) {
        precondition(columns.count == AQL.columnCount, "\(title): expected \(AQL.columnCount) AQL columns")
        precondition(columns.allSatisfy { $0.count == rows.count }, "\(title): every column needs \(rows.count) rows")
        self.title = title
        self.severity = severity
        self.rows = rows
        self.columns = columns
    }

    /// Sample size of a row of this table, or nil when the letter is not a row.
    public func sampleSize(of letter: CodeLetter) -> Int? {
        guard rows.contains(letter) else { return nil }
        return letter.sampleSize(for: severity)
    }

    /// The cell as printed, or nil when the letter is not a row of this table.
    public func cell(_ letter: CodeLetter, _ aql: AQL) -> MasterTableCell? {
        guard let column = aql.column else { return nil }
        return cell(letter, column: column)
    }

    /// The cell as printed at a row and AQL column index (0 ... 25).
    public func cell(_ letter: CodeLetter, column: Int) -> MasterTableCell? {
        guard column >= 0, column < columns.count,
              let row = rows.firstIndex(of: letter) else { return nil }
        return columns[column][row]
    }

    /// The plan for a code letter and AQL column, following arrows as the standard
    /// says: the first plan in the arrow's direction, with that plan's own sample size.
    /// Nil only if an arrow runs off the table (never, for the stored tables).
    public func entry(_ letter: CodeLetter, column: Int) -> Entry? {
        guard column >= 0, column < columns.count,
              var row = rows.firstIndex(of: letter) else { return nil }
        let cells = columns[column]
        while row >= 0, row < cells.count {
            switch cells[row] {
            case .plan(let accept, let reject):
                guard let size = rows[row].sampleSize(for: severity) else { return nil }
                return Entry(codeLetter: rows[row], sampleSize: size, accept: accept, reject: reject)
            case .useFirstPlanBelow:
                row += 1
            case .useFirstPlanAbove:
                row -= 1
            case .blank:
                return nil
            }
        }
        return nil
    }

    /// The plan for a code letter and standard AQL (nil for AQL 0, which has no column).
    public func entry(_ letter: CodeLetter, _ aql: AQL) -> Entry? {
        guard let column = aql.column else { return nil }
        return entry(letter, column: column)
    }
}

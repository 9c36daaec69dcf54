/// A single sampling plan for one AQL of one lot: code letter, sample size, Ac and Re
/// (ISO 2859-1 clauses 10.1-10.3 with Table 1 and master Tables 2-A, 2-B, 2-C).
///
/// Arrows are followed as the standard says: the first plan in the arrow's direction
/// is used with that plan's own sample size (so `codeLetter` may differ from
/// `lotCodeLetter`). When that sample size reaches the lot size, the whole lot is
/// inspected (`inspectAll`, `sampleSize == lotSize`) against the same Ac and Re.
/// AQL 0 means zero acceptance: Ac 0, Re 1 at the sample size of the lot's code letter.
public struct SamplingPlan: Sendable, Hashable, Codable {
    /// The AQL this plan was looked up for.
    public let aql: AQL
    public let severity: InspectionSeverity
    public let edition: SamplingEdition
    public let lotSize: Int
    /// The lot's code letter from Table 1.
    public let lotCodeLetter: CodeLetter
    /// The row of the master table whose plan is used (after arrows).
    public let codeLetter: CodeLetter
    /// The sample size printed for `codeLetter` (before capping at the lot size).
    public let tableSampleSize: Int
    /// Units to inspect: the table sample size, or the whole lot when that is smaller.
    public let sampleSize: Int
    /// Acceptance number Ac.
    public let accept: Int
    /// Rejection number Re.
    public let reject: Int

    /// True when the sample size reaches the lot size: inspect 100 %.
    public var inspectAll: Bool { tableSampleSize >= lotSize }

    /// True for a Z1.4 reduced plan with a gap (Re > Ac + 1), where a count in the
    /// gap accepts the lot but reinstates normal inspection.
    public var hasReinstatementGap: Bool { reject > accept + 1 }

    /// Looks up the plan for a lot (ISO 2859-1 Table 1, then Table 2-A, 2-B or 2-C).
    public static func lookup(
        lotSize: Int,
        level: InspectionLevel = .default,
        aql: AQL,
        severity: InspectionSeverity = .normal,
        edition: SamplingEdition = .default
    ) throws(SamplingError) -> SamplingPlan {
        let letter = try SampleSizeCodeTable.codeLetter(lotSize: lotSize, level: level)
        return try lookup(lotSize: lotSize, codeLetter: letter, aql: aql, severity: severity, edition: edition)
    }

    /// Looks up the plan for a lot whose code letter is already known.
    public static func lookup(
        lotSize: Int,
        codeLetter: CodeLetter,
        aql: AQL,
        severity: InspectionSeverity = .normal,
        edition: SamplingEdition = .default
    ) throws(SamplingError) -> SamplingPlan {
        guard lotSize >= 1 else { throw .invalidLotSize(lotSize) }
        let table = SingleSamplingTables.table(for: severity, edition: edition)
        if aql.isZeroAcceptance {
            guard let size = table.sampleSize(of: codeLetter) else {
                throw .noPlanInTable(table: table.title, codeLetter: codeLetter, aql: aql.label)
            }
            return SamplingPlan(aql: aql, severity: severity, edition: edition, lotSize: lotSize,
                                lotCodeLetter: codeLetter, codeLetter: codeLetter,
                                tableSampleSize: size, accept: 0, reject: 1)
        }
        guard let entry = table.entry(codeLetter, aql) else {
            throw .noPlanInTable(table: table.title, codeLetter: codeLetter, aql: aql.label)
        }
        return SamplingPlan(aql: aql, severity: severity, edition: edition, lotSize: lotSize,
                            lotCodeLetter: codeLetter, codeLetter: entry.codeLetter,
                            tableSampleSize: entry.sampleSize, accept: entry.accept, reject: entry.reject)
    }

    init(aql: AQL, severity: InspectionSeverity, edition: SamplingEdition, lotSize: Int,
         lotCodeLetter: CodeLetter, codeLetter: CodeLetter, tableSampleSize: Int, accept: Int, reject: Int) {
        self.aql = aql
        self.severity = severity
        self.edition = edition
        self.lotSize = lotSize
        self.lotCodeLetter = lotCodeLetter
        self.codeLetter = codeLetter
        self.tableSampleSize = tableSampleSize
        self.sampleSize = min(tableSampleSize, lotSize)
        self.accept = accept
        self.reject = reject
    }

    /// The verdict for a count found in the full sample (clause 11; Z1.4 gap on reduced).
    public func verdict(forCount count: Int) -> ClassVerdict {
        if count <= accept { return .accept }
        if count >= reject { return .reject }
        return .acceptAndReinstateNormal
    }

    /// The acceptance number the lot would have faced with the AQL one step tighter,
    /// at this plan's sample size, from the normal table (ISO 2859-1 clause 9.3.3.2).
    ///
    /// For plans with Ac >= 2 the cell one column to the left in the same row of
    /// Table 2-A always holds a plan with the same sample size; nil otherwise.
    public var acceptanceNumberOneStepTighter: Int? {
        guard let column = aql.column, column > 0,
              case .plan(let tighterAccept, _)? = SingleSamplingTables.normal.cell(codeLetter, column: column - 1)
        else { return nil }
        return tighterAccept
    }
}

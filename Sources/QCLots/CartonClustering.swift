import Foundation

/// Is the lot's problem isolated, held by one or two cartons, particular to this lot, or systemic?
///
/// Cartons are compared with the chi-square test of homogeneity on defective units per carton (with a
/// Monte Carlo permutation p-value when expected counts are small, see `HomogeneityTest`); a carton stands
/// out when its adjusted residual exceeds `residualThreshold`. The lot is compared with the SKU's earlier
/// lots (when the store has any) by Fisher's exact test on defective rates.
///
/// - `none`: no defective unit.
/// - `carton_specific`: significant clustering and one or more cartons stand out.
/// - `lot_specific`: this lot's rate is significantly above the SKU's history, spread over its cartons.
/// - `systemic`: a high rate (at least `systemicRate` and 3 units) spread over the cartons, not above history.
/// - `isolated`: few defects, no significant clustering.
public struct CartonClustering: Sendable, Equatable, Codable {
    public enum Pattern: String, Sendable, Codable, CaseIterable {
        case none, isolated, systemic
        case cartonSpecific = "carton_specific"
        case lotSpecific = "lot_specific"
    }

    /// Defective and inspected units of the SKU's earlier lots, for the lot-specific comparison.
    public struct HistoryBaseline: Sendable, Equatable, Codable {
        public var lots: Int
        public var inspected: Int
        public var defective: Int
        public init(lots: Int, inspected: Int, defective: Int) {
            self.lots = lots; self.inspected = inspected; self.defective = defective
        }
    }

    /// This lot against its history.
    public struct HistoryComparison: Sendable, Equatable, Codable {
        public var baseline: HistoryBaseline
        public var lotRate: Double
        public var historyRate: Double
        /// One-sided Fisher exact p-value that this lot's rate is higher.
        public var pValue: Double
        enum CodingKeys: String, CodingKey {
            case baseline, lotRate = "lot_rate", historyRate = "history_rate", pValue = "p_value"
        }
    }

    public var pattern: Pattern
    /// One sentence with the numbers.
    public var summary: String
    public var test: HomogeneityTest?
    /// Cartons holding significantly more defective units than their share, worst first.
    public var standouts: [String]
    /// Share of the defective units held by the standouts.
    public var standoutShare: Double?
    public var history: HistoryComparison?
    public var notes: [String]
    public var alpha: Double

    enum CodingKeys: String, CodingKey {
        case pattern, summary, test, standouts, standoutShare = "standout_share", history, notes, alpha
    }

    /// Inspected and defective units per carton.
    public struct Tally: Sendable, Equatable {
        public var carton: String
        public var inspected: Int
        public var defective: Int
        public init(carton: String, inspected: Int, defective: Int) {
            self.carton = carton; self.inspected = inspected; self.defective = defective
        }
    }

    public init(cartons: [Tally], baseline: HistoryBaseline? = nil, alpha: Double = 0.05,
                residualThreshold: Double = 2.5, systemicRate: Double = 0.05, permutations: Int = 20_000) {
        self.alpha = alpha
        var notes: [String] = []
        let inspected = cartons.reduce(0) { $0 + $1.inspected }
        let defective = cartons.reduce(0) { $0 + $1.defective }
        let rate = inspected > 0 ? Double(defective) / Double(inspected) : 0
        let test = HomogeneityTest(groups: cartons.map { ($0.carton, $0.inspected, $0.defective) },
                                   permutations: permutations)
        if let note = test?.note { notes.append(note) }
        if test == nil { notes.append("fewer than 2 cartons with measured units: carton clustering cannot be tested") }

        var standouts: [HomogeneityTest.Group] = []
        if let test, test.pValue < alpha {
            standouts = test.groups.filter { $0.adjustedResidual > residualThreshold && $0.defective > 0 }
            if standouts.isEmpty, let top = test.groups.max(by: { $0.adjustedResidual < $1.adjustedResidual }),
               top.adjustedResidual > 1.96, top.defective > 0 {
                standouts = [top]
                notes.append(String(format: "no carton exceeds the residual threshold %.1f; the highest (%.2f) is named",
                                    residualThreshold, top.adjustedResidual))
            }
            standouts.sort { $0.adjustedResidual > $1.adjustedResidual }
        }

        var comparison: HistoryComparison?
        if let baseline, baseline.inspected > 0 {
            let p = FisherExactTest.greater(a: defective, b: inspected - defective, c: baseline.defective,
                                            d: baseline.inspected - baseline.defective)
            comparison = HistoryComparison(baseline: baseline, lotRate: rate,
                                           historyRate: Double(baseline.defective) / Double(baseline.inspected), pValue: p)
        } else {
            notes.append("no earlier lots of this SKU in the store: lot-specific cannot be judged")
        }

        self.test = test
        self.history = comparison
        self.standouts = standouts.map(\.name)
        let held = standouts.reduce(0) { $0 + $1.defective }
        self.standoutShare = standouts.isEmpty || defective == 0 ? nil : Double(held) / Double(defective)
        let pText = test.map { NumberText.pClause($0.pValue) } ?? "no carton test"
        let rateText = String(format: "%d of %d measured units defective (%.1f %%)", defective, inspected, rate * 100)

        if defective == 0 {
            pattern = .none
            summary = "No defective units among \(inspected) measured."
        } else if !standouts.isEmpty {
            pattern = .cartonSpecific
            let names = standouts.map { "\($0.name) (\($0.defective) of \($0.units), residual "
                + String(format: "%.1f", $0.adjustedResidual) + ")" }
            summary = "Carton-specific: \(names.joined(separator: ", ")) \(standouts.count == 1 ? "holds" : "hold") \(held) of \(defective) defective units "
                + "(\(Int((Double(held) / Double(defective) * 100).rounded())) %); cartons differ (\(pText))."
        } else if let comparison, comparison.pValue < alpha {
            pattern = .lotSpecific
            summary = "Lot-specific: \(rateText), above the SKU's earlier \(comparison.baseline.lots) lot(s) at "
                + String(format: "%.1f %%", comparison.historyRate * 100) + " (Fisher \(NumberText.pClause(comparison.pValue))), "
                + "spread over the cartons (\(pText))."
        } else if rate >= systemicRate, defective >= 3 {
            pattern = .systemic
            summary = "Systemic: \(rateText), spread over the cartons with no carton standing out (\(pText))"
                + (comparison.map { String(format: "; the SKU's history runs at %.1f %%.", $0.historyRate * 100) } ?? ".")
        } else {
            pattern = .isolated
            summary = "Isolated: \(rateText), no significant clustering (\(pText))."
        }
        self.notes = notes
    }
}

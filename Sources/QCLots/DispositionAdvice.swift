import Foundation

/// A suggested remedy per defect type, sized from the sample so a buyer can propose something proportional:
/// the share of measured units with that defect, its 95 % upper bound (Wilson score interval; Agresti & Coull
/// 1998), and what that means for the whole lot.
///
/// The disposition per check comes from the control sheet (`dispositions:`), else from `defaults`.
public struct DispositionAdvice: Sendable, Equatable, Codable {
    /// The dispositions a control sheet may name.
    public static let kinds: Set<String> = ["accept_with_discount", "rework", "replace"]
    /// Used for checks the control sheet gives no disposition: functional problems are replaced, plating can be
    /// redone, a shifted fill is a look problem worth a discount.
    public static let defaults: [String: String] = [
        "overall_size_mm": "replace",
        "border_width_mm": "replace",
        "fill_boundary_shift_mm": "accept_with_discount",
        "plating_tone_delta_e00": "rework",
    ]

    public var check: String
    public var category: CheckCategory
    /// accept_with_discount, rework or replace.
    public var disposition: String
    /// "control_sheet" or "default".
    public var source: String
    /// Measured units with this defect, and the number measured.
    public var units: Int
    public var inspected: Int
    /// units / inspected, and its 95 % upper bound.
    public var rate: Double
    public var rateUpper95: Double
    /// rate and its bound applied to the lot size, rounded up.
    public var estimatedLotUnits: Int
    public var estimatedLotUnitsUpper95: Int
    /// What to propose, in a sentence.
    public var proposal: String

    enum CodingKeys: String, CodingKey {
        case check, category, disposition, source, units, inspected, rate, rateUpper95 = "rate_upper_95"
        case estimatedLotUnits = "estimated_lot_units", estimatedLotUnitsUpper95 = "estimated_lot_units_upper_95", proposal
    }

    /// One advice per check with defects, in the defect map's pareto order.
    public static func advise(map: DefectMap, inspected: Int, lotSize: Int,
                              configured: [String: String]) -> [DispositionAdvice] {
        map.byCheck.map { entry in
            let fromSheet = configured[entry.check].map { $0.lowercased() }
            let disposition = fromSheet.flatMap { kinds.contains($0) ? $0 : nil }
                ?? defaults[entry.check] ?? (entry.category == .functional ? "replace" : "accept_with_discount")
            let rate = inspected > 0 ? Double(entry.units) / Double(inspected) : 0
            let upper = wilsonUpper(successes: entry.units, trials: inspected)
            let estimate = Int((rate * Double(lotSize)).rounded(.up))
            let estimateUpper = Int((upper * Double(lotSize)).rounded(.up))
            let share = String(format: "%.1f %%", rate * 100), shareUpper = String(format: "%.1f %%", upper * 100)
            let base = "\(entry.check) (\(entry.category.rawValue)): \(entry.units) of \(inspected) measured units "
                + "(\(share), at most \(shareUpper) at 95 % confidence), about \(estimate) of \(lotSize) in the lot"
            let proposal: String
            switch disposition {
            case "accept_with_discount":
                proposal = base + ": accept with a discount of about \(share) of the lot value (up to \(shareUpper))."
            case "rework":
                proposal = base + ": have the supplier rework about \(estimate) units (up to \(estimateUpper)), "
                    + "sorted by a 100 % check."
            default:
                proposal = base + ": ask for about \(estimate) replacement units (up to \(estimateUpper)) after a 100 % sort."
            }
            return DispositionAdvice(check: entry.check, category: entry.category, disposition: disposition,
                                     source: fromSheet.map { kinds.contains($0) ? "control_sheet" : "default" } ?? "default",
                                     units: entry.units, inspected: inspected, rate: rate, rateUpper95: upper,
                                     estimatedLotUnits: estimate, estimatedLotUnitsUpper95: estimateUpper, proposal: proposal)
        }
    }

    /// Upper end of the 95 % Wilson score interval for a proportion.
    public static func wilsonUpper(successes: Int, trials: Int, z: Double = 1.959964) -> Double {
        guard trials > 0 else { return 1 }
        let n = Double(trials), p = Double(successes) / n
        let centre = p + z * z / (2 * n)
        let margin = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()
        return min(1, (centre + margin) / (1 + z * z / n))
    }
}

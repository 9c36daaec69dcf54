import Foundation
import QCImage

/// What the measurements say about the cause, each conclusion with the numbers behind it:
///
/// - **Process drift**: plating tone (ΔE00) differs between cartons (Kruskal–Wallis p < `alpha`, carton
///   medians at least `driftMinimumRange` ΔE00 apart) while geometry (border min, width, height) does not
///   (every Kruskal–Wallis p ≥ `alpha`): the plating bath changed during the run, the tooling did not.
/// - **Substitution**: a geometry check's lot median lies more than half its tolerance from nominal, with a low
///   spread (robust σ below a quarter of the tolerance) and at least 80 % of units shifted the same way:
///   the whole lot was made to another size, as from other tooling or another part.
/// - **Screening breakdown**: at least 10 units, most well inside tolerance (median within half the tolerance,
///   90 % of the rest without defects) and a few far outliers (more than 4 robust σ from the median, at
///   least 2 units and under 15 % of the lot): rejects that a 100 % screen should have removed.
///
/// Robust σ is the scaled MAD (`RobustStatistics.mad`), floored at 5 % of the tolerance.
public struct Diagnosis: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case processDrift = "process_drift"
        case substitution
        case screeningBreakdown = "screening_breakdown"

        /// Words for reports.
        public var title: String {
            switch self {
            case .processDrift: return "Process drift"
            case .substitution: return "Substitution"
            case .screeningBreakdown: return "Screening breakdown"
            }
        }
    }

    /// One rule as applied to the lot.
    public struct Finding: Sendable, Equatable, Codable {
        public var kind: Kind
        /// The check or measurement concerned, when the rule is about one.
        public var check: String?
        public var applies: Bool
        /// One sentence with the numbers.
        public var summary: String
        public var evidence: [String: Double]
    }

    /// Rules that apply.
    public var findings: [Finding]
    /// Rules tested that do not apply (or could not be tested), with their numbers.
    public var ruledOut: [Finding]

    enum CodingKeys: String, CodingKey { case findings, ruledOut = "ruled_out" }

    public static let alpha = 0.01
    public static let driftMinimumRange = 0.5

    public init(units: [UnitRecord]) {
        let bands = CheckBand.bands(from: units)
        var all: [Finding] = [Self.processDrift(units)]
        all += Self.substitution(bands)
        all.append(Self.screeningBreakdown(units: units, bands: bands))
        findings = all.filter(\.applies)
        ruledOut = all.filter { !$0.applies }
    }

    // MARK: process drift

    static func processDrift(_ units: [UnitRecord]) -> Finding {
        func groups(_ value: (UnitRecord) -> Double?) -> [(String, [Double])] {
            var map: [String: [Double]] = [:]
            for unit in units { if let v = value(unit), v.isFinite { map[unit.cartonLabel, default: []].append(v) } }
            return map.filter { $0.value.count >= 2 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        let plating = groups { $0.measurements.platingTone?.deltaE00 ?? $0.checkValue("plating_tone_delta_e00") }
        guard plating.count >= 2, let test = KruskalWallisTest(groups: plating.map(\.1)) else {
            return Finding(kind: .processDrift, check: "plating_tone.delta_e00", applies: false,
                           summary: "Process drift not testable: fewer than 2 cartons with 2 or more plating readings, "
                               + "or all readings equal.", evidence: ["cartons": Double(plating.count)])
        }
        let medians = plating.map { ($0.0, RobustStatistics.median($0.1) ?? 0) }
        let low = medians.min { $0.1 < $1.1 }, high = medians.max { $0.1 < $1.1 }
        let range = (high?.1 ?? 0) - (low?.1 ?? 0)
        var evidence: [String: Double] = [
            "plating_h": test.h, "plating_p": test.pValue, "plating_df": Double(test.degreesOfFreedom),
            "carton_median_low": low?.1 ?? 0, "carton_median_high": high?.1 ?? 0, "carton_median_range": range,
        ]
        var stable = true
        let geometry: [(String, String, (UnitRecord) -> Double)] = [
            ("border_min", "border min", { $0.measurements.borderWidth.min }),
            ("width", "width", { $0.measurements.overallSize.width }),
            ("height", "height", { $0.measurements.overallSize.height }),
        ]
        for (key, _, read) in geometry {
            let p = KruskalWallisTest(groups: groups { read($0) }.map(\.1))?.pValue ?? 1
            evidence["\(key)_p"] = p
            if p < alpha { stable = false }
        }
        let geometryText = geometry.map { key, label, _ in
            label + " " + NumberText.pClause(evidence["\(key)_p"] ?? 1)
        }.joined(separator: ", ")
        let platingText = String(format: "Kruskal–Wallis H = %.1f, ", test.h) + NumberText.pClause(test.pValue)
            + String(format: "; carton medians %.2f", low?.1 ?? 0) + " (\(low?.0 ?? "?")) to "
            + String(format: "%.2f", high?.1 ?? 0) + " (\(high?.0 ?? "?"))"
        let varies = test.pValue < alpha && range >= driftMinimumRange
        let applies = varies && stable
        let summary: String
        if applies {
            summary = "Process drift: plating ΔE00 varies by carton (\(platingText)) while geometry is stable (\(geometryText))."
        } else if !varies {
            summary = "No process drift: plating ΔE00 does not vary enough by carton (\(platingText))."
        } else {
            summary = "Not process drift alone: plating ΔE00 varies by carton (\(platingText)) but geometry also "
                + "varies (\(geometryText))."
        }
        return Finding(kind: .processDrift, check: "plating_tone.delta_e00", applies: applies, summary: summary,
                       evidence: evidence)
    }

    // MARK: substitution

    static func substitution(_ bands: [CheckBand]) -> [Finding] {
        bands.filter { $0.category == .functional && $0.nominal != nil }.compactMap { band -> Finding? in
            guard let half = band.halfWidth, half > 0, band.points.count >= 5,
                  let median = RobustStatistics.median(band.values) else { return nil }
            let sigma = RobustStatistics.mad(band.values) ?? 0
            let shift = median - band.reference
            let sameWay = band.values.filter { v in
                let d = v - band.reference
                return abs(d) > 0.25 * half && (d > 0) == (shift > 0)
            }.count
            let share = Double(sameWay) / Double(band.points.count)
            let evidence: [String: Double] = [
                "median": median, "nominal": band.reference, "shift": shift, "tolerance": half,
                "shift_in_tolerances": shift / half, "robust_sigma": sigma, "share_shifted": share,
                "units": Double(band.points.count),
            ]
            let applies = abs(shift) > 0.5 * half && sigma < 0.25 * half && share >= 0.8
            let numbers = String(format: "median %.3f against nominal %.3f (shift %+.3f = %.0f %% of the ±%.3f tolerance), "
                + "robust σ %.3f, %.0f %% of units shifted the same way", median, band.reference, shift,
                                 abs(shift) / half * 100, half, sigma, share * 100)
            let summary = applies
                ? "Substitution: \(band.check) is shifted across the whole lot (\(numbers)): another size or tooling."
                : "No substitution on \(band.check) (\(numbers))."
            return Finding(kind: .substitution, check: band.check, applies: applies, summary: summary, evidence: evidence)
        }
    }

    // MARK: screening breakdown

    static func screeningBreakdown(units: [UnitRecord], bands: [CheckBand]) -> Finding {
        let n = units.count
        var outlierPhotos = Set<String>()
        var evidence: [String: Double] = ["units": Double(n)]
        var wellInside = true
        var perCheck: [String] = []
        for band in bands {
            guard let half = band.halfWidth, half > 0, let median = RobustStatistics.median(band.values) else { continue }
            let sigma = max(RobustStatistics.mad(band.values) ?? 0, 0.05 * half)
            let outliers = band.points.filter { abs($0.value - median) > 4 * sigma }
            let rest = band.points.filter { abs($0.value - median) <= 4 * sigma }.map(\.value)
            if let restMedian = RobustStatistics.median(rest), abs(restMedian - band.reference) > half / 2 { wellInside = false }
            outlierPhotos.formUnion(outliers.map(\.photo))
            evidence["\(band.check)_outliers"] = Double(outliers.count)
            evidence["\(band.check)_median"] = median
            evidence["\(band.check)_robust_sigma"] = sigma
            if !outliers.isEmpty {
                let far = outliers.map { abs($0.value - median) / sigma }.max() ?? 0
                perCheck.append("\(band.check) \(outliers.count) (up to " + String(format: "%.0f", far) + " σ)")
            }
        }
        let normal = units.filter { !outlierPhotos.contains($0.photo) }
        let normalDefective = normal.filter(\.isDefective).count
        let normalClean = normal.isEmpty ? 1 : 1 - Double(normalDefective) / Double(normal.count)
        let share = n > 0 ? Double(outlierPhotos.count) / Double(n) : 0
        evidence["outlier_units"] = Double(outlierPhotos.count)
        evidence["outlier_share"] = share
        evidence["others_without_defects_share"] = normalClean
        let applies = n >= 10 && outlierPhotos.count >= 2 && share < 0.15 && wellInside && normalClean >= 0.9
        let numbers = "\(outlierPhotos.count) of \(n) units (" + String(format: "%.1f", share * 100)
            + " %) lie more than 4 robust σ from the lot median"
            + (perCheck.isEmpty ? "" : ": " + perCheck.joined(separator: ", "))
            + String(format: "; %.0f %% of the other units have no defect", normalClean * 100)
        let summary: String
        if applies {
            summary = "Screening breakdown: mostly normal goods with random far outliers (\(numbers)); "
                + "the supplier's 100 % check missed them. Outliers: \(outlierPhotos.sorted().prefix(8).joined(separator: ", "))"
                + (outlierPhotos.count > 8 ? ", ..." : "") + "."
        } else {
            summary = "No screening breakdown (\(numbers))."
        }
        return Finding(kind: .screeningBreakdown, check: nil, applies: applies, summary: summary, evidence: evidence)
    }
}

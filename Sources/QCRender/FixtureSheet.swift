import Foundation

/// A product's control sheet: the checks, tolerances and AQL plan the inspection applies, written as
/// the YAML the product reads (`Fixtures/<design>/sheet.yaml`).
public struct FixtureSheet: Sendable, Equatable {
    public var sku: String
    public var description: String
    public var finish: Finish
    public var artworkRevision: String
    /// Nominal overall size (mm) and its ± tolerance.
    public var width: Double, height: Double, sizeTolerance: Double
    /// Nominal border (rim) width (mm) and its ± tolerance.
    public var borderNominal: Double, borderTolerance: Double
    /// Largest allowed fill boundary shift (mm, p99).
    public var boundaryShiftMax: Double
    /// ΔE00 limits for a minor and a major plating-tone defect.
    public var toneMinor: Double, toneMajor: Double
    /// AQL plan: inspection level and AQLs per class.
    public var inspectionLevel: String, aqlCritical: Double, aqlMajor: Double, aqlMinor: Double

    /// A control sheet; tolerances and the AQL plan default to the product's usual values.
    public init(sku: String, description: String, finish: Finish, artworkRevision: String = "C",
                width: Double, height: Double, sizeTolerance: Double = 0.15,
                borderNominal: Double, borderTolerance: Double = 0.10, boundaryShiftMax: Double = 0.15,
                toneMinor: Double = 2.0, toneMajor: Double = 4.0, inspectionLevel: String = "II",
                aqlCritical: Double = 0, aqlMajor: Double = 2.5, aqlMinor: Double = 4.0) {
        self.sku = sku; self.description = description; self.finish = finish; self.artworkRevision = artworkRevision
        self.width = width; self.height = height; self.sizeTolerance = sizeTolerance
        self.borderNominal = borderNominal; self.borderTolerance = borderTolerance
        self.boundaryShiftMax = boundaryShiftMax; self.toneMinor = toneMinor; self.toneMajor = toneMajor
        self.inspectionLevel = inspectionLevel; self.aqlCritical = aqlCritical; self.aqlMajor = aqlMajor
        self.aqlMinor = aqlMinor
    }

    /// The sheet as YAML, in the product's control-sheet format.
    public var yaml: String {
        func f(_ v: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", v) }
        func g(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : f(v, 1) }
        return """
        sku: \(sku)
        description: \(description)
        finish: \(finish.rawValue)
        artwork_revision: \(artworkRevision)
        checks:
          overall_size_mm: {width: \(f(width, 1)), height: \(f(height, 1)), tolerance: \(f(sizeTolerance, 2)), class: major}
          border_width_mm: {nominal: \(f(borderNominal, 2)), tolerance: \(f(borderTolerance, 2)), class: major}
          fill_boundary_shift_mm: {max: \(f(boundaryShiftMax, 2)), class: minor}
          plating_tone_delta_e00: [{max: \(f(toneMinor, 1)), class: minor}, {max: \(f(toneMajor, 1)), class: major}]
        aql: {inspection_level: \(inspectionLevel), critical: \(g(aqlCritical)), major: \(f(aqlMajor, 1)), minor: \(f(aqlMinor, 1))}

        """
    }
}

import Foundation
import Testing
import QCColor
import QCInspection
import QCRender

/// Specular highlights beside a boundary must not read as a boundary shift.
///
/// A highlight on the rim is an elongated bright streak whose flank tilts the metal's level across the
/// rim's inner edge, which moves the edge's ½ crossing by up to half a pixel, in the master (its own
/// highlights) and in every unit (theirs, wherever the pose puts them). Boundary points beside a
/// highlight core are reported as hidden instead.
struct GlareTests {
    /// The shield's golden sample at 16 px/mm, with its own highlights.
    static let shieldMaster: Result<MeasuredMaster, Error> = Result {
        let (path, _) = try RenderedUnits.write(PhotoSpec(design: DesignCatalogue.pinShield25, pxPerMM: 16, seed: 500), name: "shield-master")
        return try MeasuredMaster.create(photo: path, sheet: RenderedUnits.packageRoot.appendingPathComponent("Fixtures/pin-shield-25/sheet.yaml").path)
    }

    @Test func highlightsOnTheShieldDoNotReadAsShift() throws {
        let master = try Self.shieldMaster.get()
        let spec = PhotoSpec(design: DesignCatalogue.pinShield25, pxPerMM: 30, unitRotationDeg: 146,
                             layout: Layout(rulerSide: .left, rulerAngleDeg: 4), background: .blueCard,
                             camera: Camera(exposure: 1.02, whiteBalance: LinearRGB(1, 1, 1), blurSigmaPx: 1.28, noise: 1,
                                            vignetting: 0.1, format: .png8),
                             defects: [], seed: 603)
        let (path, truth) = try RenderedUnits.write(spec, name: "glare-unit")
        #expect(truth.fillBoundaryShiftMM.max == 0)
        #expect(!truth.highlights.isEmpty)
        let shift = try Inspector(master: master).compare(photo: path).measurements.fillBoundaryShift
        #expect(shift.hiddenPoints > 0, "points beside the highlights are hidden")
        #expect(shift.hiddenPoints * 4 < shift.points, "\(shift.hiddenPoints) of \(shift.points) hidden")
        #expect(shift.max < 0.025, "p99 \(shift.max) mm on a unit whose boundaries did not move")
    }

    /// At 15-16 px/mm a 0.3 mm metal line has no room for a local plateau, and its edges are read
    /// against the master's metal colour. That colour is the plating at typical shading; carried to the
    /// line's own shading, a defect-free unit reads its boundaries within the 0.015 mm (p95).
    /// With the unshaded colour the shield's diagonal line read about 0.01 mm wide and p95 was 0.016 mm.
    @Test func narrowLinesAreReadAtTheirOwnShading() throws {
        let master = try Self.shieldMaster.get()
        let spec = PhotoSpec(design: DesignCatalogue.pinShield25, pxPerMM: 15, unitRotationDeg: 5,
                             layout: Layout(rulerSide: .below, rulerAngleDeg: -8), background: .grey,
                             camera: Camera(exposure: 0.9, whiteBalance: LinearRGB(1, 1, 1), blurSigmaPx: 0.8, noise: 1,
                                            vignetting: 0.1, format: .png8),
                             defects: [], seed: 600)
        let (path, truth) = try RenderedUnits.write(spec, name: "narrow-unit")
        #expect(truth.fillBoundaryShiftMM.p95 == 0)
        let shift = try Inspector(master: master).compare(photo: path).measurements.fillBoundaryShift
        #expect(shift.p95 <= 0.015, "p95 \(shift.p95) mm on a unit whose boundaries did not move")
    }
}

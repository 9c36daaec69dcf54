import Foundation
import Testing
import QCColor
import QCRender

/// The truth does not depend on exposure, white balance, vignetting, blur, noise or format.
@Suite struct InvarianceTests {
    @Test func truthIgnoresExposureAndWhiteBalance() throws {
        var base = PhotoSpec(design: DesignCatalogue.pinRound30, pxPerMM: 15, unitRotationDeg: 31,
                             defects: [.fillOffset(dx: 0.1, dy: -0.05), .platingShift(deltaL: -2, deltaA: -2, deltaB: 1, label: "x")])
        base.ruler = Ruler(graduations: 40)
        var renders: [Truth] = []
        for (exposure, wb, vignette, format) in [(1.0, LinearRGB(1, 1, 1), 0.08, PhotoFormat.png8),
                                                 (0.88, LinearRGB(1.03, 1, 0.97), 0.15, .jpeg(quality: 85)),
                                                 (1.12, LinearRGB(0.97, 1.0, 1.03), 0.0, .jpeg(quality: 95))] {
            var s = base
            s.camera = Camera(exposure: exposure, whiteBalance: wb, blurSigmaPx: 1.4, vignetting: vignette, format: format)
            renders.append(try Renderer.render(s).truth)
        }
        let reference = renders[0]
        for var t in renders.dropFirst() {
            #expect(t.camera != reference.camera)
            t.camera = reference.camera
            #expect(t == reference)
            #expect(try t.jsonData() == reference.jsonData())
        }
        #expect(reference.platingTone.deltaE00 > 1)
    }
}

import Testing
import QCRender

/// Random specs for on-the-fly sets: reproducible, within the set-up's ranges, renderable.
@Suite struct SpecSamplerTests {
    @Test func specsAreReproducibleAndInRange() throws {
        let sampler = SpecSampler()
        let a = sampler.specs(design: DesignCatalogue.pinShield25, finish: .blackNickel, count: 50, seed: 11)
        let b = sampler.specs(design: DesignCatalogue.pinShield25, finish: .blackNickel, count: 50, seed: 11)
        #expect(a == b)
        for s in a {
            #expect(s.pxPerMM >= 15 && s.pxPerMM <= 40)
            #expect(abs(s.camera.exposure - 1) <= 0.12 + 1e-12)
            #expect(abs(s.camera.whiteBalance.r - 1) <= 0.03 && abs(s.camera.whiteBalance.b - 1) <= 0.03)
            #expect(s.camera.blurSigmaPx >= 0.8 && s.camera.blurSigmaPx <= 1.6)
            if let q = s.camera.format.quality { #expect(q >= 85 && q <= 95) }
        }
        #expect(Set(a.map(\.layout.rulerSide)).count == 4)
        #expect(a.contains { $0.camera.format.quality == nil } && a.contains { $0.camera.format.quality != nil })
    }

    @Test func sampledUnitRendersWithDefectTruth() throws {
        var spec = SpecSampler().spec(design: DesignCatalogue.pinRound30, finish: .antiqueBrass,
                                      defects: [.fillOffset(dx: 0, dy: -0.1)], seed: 4)
        spec.pxPerMM = 15
        let photo = try Renderer.render(spec)
        #expect(photo.image.width == photo.truth.imageSizePx.width)
        #expect(abs(photo.truth.borderWidthMM.top - 0.70) < 0.01 && abs(photo.truth.borderWidthMM.bottom - 0.90) < 0.01)
    }
}

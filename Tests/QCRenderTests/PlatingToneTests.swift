import Testing
import QCColor
import QCImage
import QCRender

/// Plating-tone truth: white-referenced CIELAB under the typical metal shading.
@Suite struct PlatingToneTests {
    @Test func masterAgainstItselfIsZero() throws {
        let t = try Renderer.truth(for: Support.ideal(DesignCatalogue.pinRound30))
        #expect(t.platingTone.deltaE00 == 0 && t.platingTone.deltaL == 0 && t.platingTone.deltaA == 0 && t.platingTone.deltaB == 0)
    }

    @Test func goodUnitInAnyPoseHasZeroDelta() throws {
        var spec = PhotoSpec(design: DesignCatalogue.pinShield25, finish: .brightNickel, unitRotationDeg: 37)
        spec.layout.rulerSide = .left
        let t = try Renderer.truth(for: spec)
        #expect(t.platingTone.deltaE00 == 0)
        #expect(t.platingTone.masterTypicalShading == t.platingTone.unitTypicalShading)
    }

    @Test func greenerDarkerShiftIsReportedWithShading() throws {
        let spec = PhotoSpec(design: DesignCatalogue.pinRound30, defects: [.platingShift(deltaL: -4, deltaA: -3, deltaB: 0, label: "greener")])
        let t = try Renderer.truth(for: spec).platingTone
        #expect(t.deltaL < -3 && t.deltaA < -2 && abs(t.deltaB) < 1.5, "\(t)")
        #expect(abs(t.deltaE00 - CIEDE2000().difference(t.masterLab, t.unitLab)) < 1e-12)
        #expect(abs(t.deltaL - (t.unitLab.l - t.masterLab.l)) < 1e-12)
        // Typical shading is the median of the known field over the plate: inside its range, not 1 exactly.
        #expect(t.masterTypicalShading > 0.9 && t.masterTypicalShading < 1.1)
        // Under flat light (shading 1) the master colour is the albedo over the ruler white.
        var flat = spec
        flat.lighting = .flat
        let f = try Renderer.truth(for: flat).platingTone
        let white = Ruler().whiteLinearRGB
        let albedo = Appearance.albedo(Finish.imitationGold.platingLab)
        let expected = ColourConversion.lab(LinearRGB(albedo.r / white.r, albedo.g / white.g, albedo.b / white.b))
        #expect(abs(f.masterLab.l - expected.l) < 1e-9 && abs(f.masterLab.a - expected.a) < 1e-9 && abs(f.masterLab.b - expected.b) < 1e-9)
    }

    /// End to end: the median colour of whole plate pixels over the median ruler face, read as linear
    /// sRGB, matches the truth's unit Lab (exposure and white balance cancel; the pixel median of the
    /// shading field is close to, not exactly, its area median).
    @Test func renderedMetalOverRulerWhiteMatchesTruth() throws {
        let design = DesignCatalogue.pinRound30
        var spec = Support.ideal(design, ppm: 15, rotation: 20,
                                 defects: [.platingShift(deltaL: -3, deltaA: 0, deltaB: 4, label: "yellower")])
        spec.lighting = Lighting(highlightCount: 0, shadowStrength: 0, illuminationGradient: 0)
        spec.camera = Camera(exposure: 1.09, whiteBalance: LinearRGB(1.03, 1, 0.97), blurSigmaPx: 0, noise: 0,
                             vignetting: 0, format: .png16)
        let photo = try Renderer.render(spec)
        let img = photo.image.linearised()
        let unit = try UnitGeometry(design: design, defects: spec.defects)
        var metal: [[Double]] = [[], [], []], face: [[Double]] = [[], [], []]
        let s = photo.scene
        for y in 0..<img.height {
            for x in 0..<img.width {
                let c = Vec2(Double(x) + 0.5, Double(y) + 0.5)
                let q = s.unitPoint(image: c)
                // Whole plate pixels: centre and everything within 1 px is plate (lines keep their middle).
                if unit.region(at: q) == .plate {
                    let r = 1 / s.pxPerMM
                    if [Vec2(r, 0), Vec2(-r, 0), Vec2(0, r), Vec2(0, -r), Vec2(r, r), Vec2(-r, -r), Vec2(r, -r), Vec2(-r, r)]
                        .allSatisfy({ unit.region(at: q + $0) == .plate }) {
                        for ch in 0..<3 { metal[ch].append(Double(img[x, y, ch])) }
                    }
                }
                let u = s.rulerPoint(image: c)
                if u.y > 9, u.y < 11, u.x > 2, u.x < 38 {
                    for ch in 0..<3 { face[ch].append(Double(img[x, y, ch])) }
                }
            }
        }
        let m = (0..<3).map { Percentile.median(metal[$0]) ?? 0 }
        let f = (0..<3).map { Percentile.median(face[$0]) ?? 1 }
        let white = spec.ruler.whiteLinearRGB, faceR = spec.ruler.faceLinearRGB
        // face pixels are the face reflectance; scale to the ruler white (identical here for dark-on-light).
        let lab = ColourConversion.lab(LinearRGB(m[0] / f[0] * faceR.r / white.r, m[1] / f[1] * faceR.g / white.g,
                                                 m[2] / f[2] * faceR.b / white.b))
        let truth = photo.truth.platingTone.unitLab
        let de = CIEDE2000().difference(lab, truth)
        #expect(de < 0.3, "measured \(lab) truth \(truth) ΔE \(de), \(metal[0].count) metal px")
    }
}

import Foundation
import Testing
import QCImage
import QCRender

/// Ruler truth: ticks one pitch apart, and the rendered graduations sit where the truth says.
@Suite struct RulerTests {
    @Test func ticksAreExactlyOnePitchApart() throws {
        for (side, angle, ppm) in [(RulerSide.below, 0.0, 20.0), (.right, -7.5, 17.3), (.above, 12, 15), (.left, 3, 33)] {
            var spec = PhotoSpec(design: DesignCatalogue.pinRound30, pxPerMM: ppm)
            spec.layout = Layout(rulerSide: side, rulerAngleDeg: angle)
            let r = try Renderer.truth(for: spec).ruler
            #expect(r.ticksPx.count == spec.ruler.graduations + 1)
            #expect(r.pitchPx == ppm)
            let dir = Vec2(cos(r.angleDeg * .pi / 180), sin(r.angleDeg * .pi / 180))
            for k in 1..<r.ticksPx.count {
                let d = Vec2(r.ticksPx[k][0] - r.ticksPx[k - 1][0], r.ticksPx[k][1] - r.ticksPx[k - 1][1])
                #expect(abs(d.length - ppm) < 1e-9)
                #expect((d / d.length - dir).length < 1e-9)
            }
            // The tick direction is perpendicular to the ruler and points into the face, away from the unit.
            let t = Vec2(r.tickDirection[0], r.tickDirection[1])
            #expect(abs(t.dot(dir)) < 1e-12)
            let towardsUnit = try Renderer.truth(for: spec).unitCentrePx - Vec2(r.ticksPx[0][0], r.ticksPx[0][1])
            #expect(t.dot(towardsUnit) < 0)
        }
    }

    /// Darkness-weighted centre of each graduation across the tick, measured in a strip 0.6...1.8 mm
    /// into the face, lands within 0.1 px of the truth's tick line (dark-on-light), and likewise for
    /// the brightness of light-on-dark ticks.
    @Test(arguments: [RulerPolarity.darkOnLight, .lightOnDark])
    func renderedTicksSitOnTheTruth(polarity: RulerPolarity) throws {
        var spec = PhotoSpec(design: DesignCatalogue.pinShield25, pxPerMM: 17.5, unitRotationDeg: 11)
        spec.ruler = Ruler(graduations: 40, polarity: polarity)
        spec.layout = Layout(rulerSide: .below, rulerAngleDeg: 6.3, gapMM: 3, marginMM: 3)
        spec.lighting = Lighting(shadowStrength: 0, illuminationGradient: 0)
        spec.camera = Camera(blurSigmaPx: 1.3, noise: 1, vignetting: 0, format: .png8)
        let photo = try Renderer.render(spec)
        let img = photo.image.linearised().grey()
        let r = photo.truth.ruler
        let ppm = r.pitchPx
        let eu = Vec2(cos(r.angleDeg * .pi / 180), sin(r.angleDeg * .pi / 180))
        let ev = Vec2(r.tickDirection[0], r.tickDirection[1])
        var worst = 0.0
        for k in 3...37 {
            let t = Vec2(r.ticksPx[k][0], r.ticksPx[k][1])
            var faceLevel: [Double] = [], strip: [(u: Double, v: Double)] = []
            let centre = t + ev * (1.2 * ppm)
            for y in Int(centre.y - ppm)...Int(centre.y + ppm) {
                for x in Int(centre.x - ppm)...Int(centre.x + ppm) {
                    let p = Vec2(Double(x) + 0.5, Double(y) + 0.5) - t
                    let u = p.dot(eu), v = p.dot(ev) / ppm
                    guard v > 0.6, v < 1.8 else { continue }
                    let value = Double(img[x, y, 0])
                    if abs(abs(u) - 0.5 * ppm) < 0.1 * ppm { faceLevel.append(value) }
                    if abs(u) <= 0.42 * ppm { strip.append((u, value)) }
                }
            }
            let level = try #require(Percentile.median(faceLevel))
            var sw = 0.0, su = 0.0
            for s in strip {
                let weight = polarity == .darkOnLight ? level - s.v : s.v - level
                sw += weight; su += weight * s.u
            }
            let offset = su / sw
            worst = max(worst, abs(offset))
            #expect(abs(offset) < 0.1, "tick \(k): measured centre \(offset) px from truth")
        }
        #expect(worst < 0.1)
    }

    @Test func rulerFaceColourIsRecordedBeforeExposure() throws {
        var spec = PhotoSpec(design: DesignCatalogue.coin45)
        spec.ruler.polarity = .lightOnDark
        let r = try Renderer.truth(for: spec).ruler
        let face = spec.ruler.faceLinearRGB
        #expect(r.faceLinearRGB == [face.r, face.g, face.b])
        #expect(r.polarity == "light_on_dark")
        #expect(r.whiteLinearRGB[0] > 0.8)
    }
}

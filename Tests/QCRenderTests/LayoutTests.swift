import Testing
import QCRender

/// The unit never touches the ruler or the frame edge.
@Suite struct LayoutTests {
    @Test func unitClearsRulerAndFrame() throws {
        var rng = SeededRandom(seed: 3)
        for _ in 0..<40 {
            let design = DesignCatalogue.all[Int(rng.next() % 3)]
            var spec = PhotoSpec(design: design, pxPerMM: rng.uniform(15, 40), unitRotationDeg: rng.uniform(-180, 180))
            spec.layout = Layout(rulerSide: RulerSide.allCases[Int(rng.next() % 4)], rulerAngleDeg: rng.uniform(-20, 20),
                                 gapMM: rng.uniform(2, 8), rulerSlideMM: rng.uniform(-10, 10),
                                 offsetMM: Vec2(rng.uniform(-4, 4), rng.uniform(-4, 4)))
            let scene = try Scene(spec, unitRadiusMM: design.boundingRadius)
            let ppm = spec.pxPerMM
            // Sample the ruler face outline and check its distance from the unit's bounding circle.
            let ruler = spec.ruler
            var nearest = Double.infinity
            for i in 0...400 {
                let u = -ruler.endMarginMM + ruler.lengthMM * Double(i) / 400
                for v in [0, ruler.widthMM] {
                    let p = scene.imagePoint(ruler: Vec2(u, v))
                    nearest = min(nearest, (p - scene.unitCentrePx).length / ppm)
                }
            }
            #expect(nearest >= design.boundingRadius + spec.layout.gapMM - 1e-6)
            let c = scene.unitCentrePx, r = design.boundingRadius * ppm
            let margin = spec.layout.marginMM * ppm - 1
            #expect(c.x - r >= margin && c.y - r >= margin)
            #expect(Double(scene.width) - c.x - r >= margin && Double(scene.height) - c.y - r >= margin)
        }
    }
}

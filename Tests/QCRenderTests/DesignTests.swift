import Testing
import QCRender

/// The catalogue's designs obey the frame rules the truth relies on.
@Suite struct DesignTests {
    @Test func catalogueDesignsAreCentredOnTheirOutlineCentroid() throws {
        for d in DesignCatalogue.all {
            let c = try #require(d.outline.areaAndCentroid)
            #expect(c.centroid.length < 1e-9, "\(d.name) centroid \(c.centroid)")
        }
    }

    @Test func nominalSizesAndRims() throws {
        let round = try DesignCatalogue.design(named: "pin-round-30")
        #expect(abs(round.size.width - 30) < 1e-12 && abs(round.size.height - 30) < 1e-12)
        #expect(round.rimWidth == 0.80)
        let shield = try DesignCatalogue.design(named: "pin-shield-25")
        #expect(abs(shield.size.width - 21) < 1e-9 && abs(shield.size.height - 25) < 1e-9)
        #expect(shield.enamels.count == 2 && shield.rimWidth == 0.70)
        let coin = try DesignCatalogue.design(named: "coin-45")
        #expect(abs(coin.size.width - 45) < 1e-12 && coin.rimWidth == 2.0)
        #expect(round.enamels.count == 3)
        #expect(throws: RenderError.unknownDesign("pin-hexagon")) { try DesignCatalogue.design(named: "pin-hexagon") }
    }

    @Test func shieldOutlineFixesRotation() throws {
        // No rotation other than 0 maps the outline onto itself: sample the outline and rotate.
        let shield = DesignCatalogue.pinShield25
        let pts = shield.outline.boundaryChains().flatMap { CurvePiece.sampleUniformly($0, spacing: 0.5) }.map(\.point)
        for deg in stride(from: 10.0, to: 360, by: 10) {
            let worst = pts.map { abs(shield.outline.distance($0.rotated(byDegrees: deg))) }.max() ?? 0
            #expect(worst > 0.3, "outline nearly symmetric under \(deg)°")
        }
    }

    @Test func signedDistancesAreExactOnKnownPoints() {
        let star = Shape.polygon(vertices: DesignCatalogue.star(centre: .zero, outer: 10, inner: 4))
        #expect(star.distance(.zero) < 0)
        #expect(star.distance(Vec2(0, -20)) > 0)
        #expect(abs(Shape.circle(centre: Vec2(1, 1), radius: 2).distance(Vec2(4, 1)) - 1) < 1e-12)
        #expect(abs(Shape.capsule(from: Vec2(0, 0), to: Vec2(10, 0), radius: 0.15).distance(Vec2(5, 1)) - 0.85) < 1e-12)
        #expect(abs(Shape.ring(centre: .zero, radius: 5, halfWidth: 0.15).distance(Vec2(0, 4)) - 0.85) < 1e-12)
        let square = Shape.roundedPolygon(vertices: [Vec2(0, 0), Vec2(2, 0), Vec2(2, 2), Vec2(0, 2)], cornerRadius: 1)
        #expect(abs(square.distance(Vec2(1, -3)) - 2) < 1e-12)
        #expect(abs(square.distance(Vec2(1, 1)) + 2) < 1e-12)
        // The boundary samples lie on the zero set with unit normals pointing up the distance gradient.
        for shape in [star, square, Shape.capsule(from: Vec2(0, 0), to: Vec2(3, 4), radius: 0.3),
                      Shape.ring(centre: Vec2(2, 0), radius: 3, halfWidth: 0.2)] {
            for s in shape.boundaryChains().flatMap({ CurvePiece.sampleUniformly($0, spacing: 0.1) }) {
                #expect(abs(shape.distance(s.point)) < 1e-9)
                #expect(shape.distance(s.point + s.normal * 0.01) > 0)
            }
        }
    }

    @Test func invalidDesignsAreRefused() {
        #expect(throws: RenderError.self) {
            _ = try Design(name: "bad", summary: "off-centre", outline: .circle(centre: Vec2(1, 0), radius: 10), rimWidth: 1,
                           features: [], fills: [], field: .relief, enamels: [])
        }
        #expect(throws: RenderError.self) {
            _ = try Design(name: "bad", summary: "rim wider than corner radius",
                           outline: .roundedPolygon(vertices: [Vec2(-5, -5), Vec2(5, -5), Vec2(5, 5), Vec2(-5, 5)], cornerRadius: 0.2),
                           rimWidth: 1, features: [], fills: [], field: .relief, enamels: [])
        }
        #expect(throws: RenderError.self) {
            _ = try UnitGeometry(design: DesignCatalogue.pinRound30, defects: [.lineShift(feature: "nope", distance: 0.1)])
        }
    }
}

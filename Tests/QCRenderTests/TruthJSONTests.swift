import Foundation
import Testing
import QCRender

/// The truth file: schema, snake_case keys, round trip.
@Suite struct TruthJSONTests {
    @Test func truthJSONHasTheSchemaKeysAndRoundTrips() throws {
        let spec = PhotoSpec(design: DesignCatalogue.pinRound30, unitRotationDeg: 12,
                             defects: [.fillOffset(dx: 0.2, dy: 0), .pit(x: 1, y: 2, diameter: 0.3),
                                       .scratch(from: Vec2(0, 0), to: Vec2(3, 4), width: 0.05),
                                       .lineShift(feature: "horizon", distance: 0.05), .scale(factor: 1.002),
                                       .platingShift(deltaL: -1, deltaA: 0, deltaB: 0, label: "darker")])
        let truth = try Renderer.truth(for: spec)
        let data = try truth.jsonData()
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["schema"] as? String == "qcvision.truth.v1")
        for key in ["design", "finish", "px_per_mm", "unit_centre_px", "unit_rotation_deg", "overall_size_mm",
                    "border_width_mm", "fill_boundary_shift_mm", "plating_tone", "ruler", "camera", "defects"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let border = try #require(object["border_width_mm"] as? [String: Any])
        #expect(Set(["top", "right", "bottom", "left", "min"]).isSubset(of: Set(border.keys)))
        let tone = try #require(object["plating_tone"] as? [String: Any])
        #expect(Set(["master_lab", "unit_lab", "delta_e00", "delta_l", "delta_a", "delta_b"]).isSubset(of: Set(tone.keys)))
        let ruler = try #require(object["ruler"] as? [String: Any])
        #expect(Set(["angle_deg", "pitch_px", "ticks_px", "face_linear_rgb", "polarity"]).isSubset(of: Set(ruler.keys)))
        let shift = try #require(object["fill_boundary_shift_mm"] as? [String: Any])
        #expect(Set(["max", "p95", "hidden_points"]).isSubset(of: Set(shift.keys)))
        let defects = try #require(object["defects"] as? [[String: Any]])
        #expect(defects.map { $0["kind"] as? String } == ["fill_offset", "pit", "scratch", "line_shift", "scale", "plating_shift"])
        #expect(defects[1]["diameter_mm"] as? Double == 0.3)
        #expect(try Truth.decode(data) == truth)
        // Keys are snake_case everywhere.
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.range(of: "\"[a-z0-9_]*[A-Z][A-Za-z0-9_]*\" :", options: .regularExpression) == nil)
    }

    @Test func unitCentreIsWhereTheDesignOriginLands() throws {
        var spec = Support.ideal(DesignCatalogue.pinShield25, ppm: 16, rotation: 30)
        spec.recordCoverage = true
        let photo = try Renderer.render(spec)
        // Coverage-weighted centroid of the unit's pixels is the outline's area centroid: the origin.
        let cov = try #require(photo.unitCoverage)
        var sx = 0.0, sy = 0.0, s = 0.0
        for y in 0..<photo.scene.height {
            for x in 0..<photo.scene.width {
                let c = Double(cov[y * photo.scene.width + x])
                sx += c * (Double(x) + 0.5); sy += c * (Double(y) + 0.5); s += c
            }
        }
        let centre = Vec2(sx / s, sy / s)
        #expect((centre - photo.truth.unitCentrePx).length < 0.01, "centroid \(centre) vs \(photo.truth.unitCentrePx)")
    }
}

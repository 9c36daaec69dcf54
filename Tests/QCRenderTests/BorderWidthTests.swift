#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import QCRender

/// Border-width truth: rim widths by side from exact geometry.
@Suite struct BorderWidthTests {
    @Test func masterRimIsNominalOnEverySide() throws {
        for d in DesignCatalogue.all {
            let b = TruthComputation.borderWidths(try UnitGeometry(design: d))
            for v in [b.top, b.right, b.bottom, b.left, b.min] {
                #expect(abs(v - d.rimWidth) < 1e-9, "\(d.name): \(b)")
            }
        }
    }

    /// The self-consistency check: a 0.20 mm fill offset to the right of the 0.80 mm rim gives
    /// right ≈ 0.60, left ≈ 1.00, top and bottom ≈ 0.80. Exactly: the widths vary smoothly with the
    /// outline angle θ, so each side's median is the width at |θ − side| = 22.5° (the median of the
    /// ±45° sector): s(θ) = R − u·c − √(r² − |c|² + (u·c)²), u = (cos θ, sin θ), c = (0.2, 0).
    @Test func fillOffsetToTheRightThinsTheRightRim() throws {
        let unit = try UnitGeometry(design: DesignCatalogue.pinRound30, defects: [.fillOffset(dx: 0.20, dy: 0)])
        let b = TruthComputation.borderWidths(unit)
        #expect(abs(b.right - 0.60) < 0.02, "right \(b.right)")
        #expect(abs(b.left - 1.00) < 0.02, "left \(b.left)")
        #expect(abs(b.top - 0.80) < 0.002 && abs(b.bottom - 0.80) < 0.002, "top \(b.top) bottom \(b.bottom)")
        func width(_ deg: Double) -> Double {
            let u = Vec2(cos(deg * .pi / 180), sin(deg * .pi / 180))
            let uc = u.dot(Vec2(0.2, 0)), r = 14.2
            return 15 - uc - (r * r - 0.04 + uc * uc).squareRoot()
        }
        // Every outline point away from where the horizon line meets the rim has exactly that width.
        let samples = TruthComputation.borderWidthSamples(unit)
        var checked = 0
        for s in samples where abs(s.point.y - 4) > 1.5 {
            let deg = atan2(s.point.y, s.point.x) * 180 / .pi
            #expect(abs((s.width ?? 0) - width(deg)) < 1e-9, "at \(deg)°")
            checked += 1
        }
        #expect(checked > 1700)
        // Side medians are the width at 22.5° off the side, except that the ~1° of outline where the
        // horizon line runs into the rim (long widths, at θ ≈ ±15.5° and 164.5°) nudges them up a little.
        #expect(abs(b.right - width(22.5)) < 2e-3, "right \(b.right) vs \(width(22.5))")
        #expect(abs(b.left - width(180 - 22.5)) < 2e-3, "left \(b.left) vs \(width(157.5))")
        // min = 2nd percentile over all points: near the thinnest point, 0.60 at θ = 0.
        #expect(b.min > 0.60 - 1e-9 && b.min < 0.61, "min \(b.min)")
    }

    @Test func shieldStraightSidesShiftByTheOffset() throws {
        // Moving the fill down by 0.2 mm: the flat top edge dominates the top sector, so top = 0.70 + 0.20.
        let unit = try UnitGeometry(design: DesignCatalogue.pinShield25, defects: [.fillOffset(dx: 0, dy: 0.20)])
        let b = TruthComputation.borderWidths(unit)
        #expect(abs(b.top - 0.90) < 1e-6, "top \(b.top)")
        // Moving right: points on the vertical right edge are exactly 0.70 − 0.20.
        let right = try UnitGeometry(design: DesignCatalogue.pinShield25, defects: [.fillOffset(dx: 0.20, dy: 0)])
        let samples = TruthComputation.borderWidthSamples(right)
        let onRightEdge = samples.filter { $0.normal.x > 1 - 1e-12 }
        #expect(onRightEdge.count > 100)
        for s in onRightEdge { #expect(abs((s.width ?? 0) - 0.50) < 1e-9) }
    }

    @Test func scaleErrorScalesSizeAndRim() throws {
        let unit = try UnitGeometry(design: DesignCatalogue.pinRound30, defects: [.scale(factor: 1.01)])
        let b = TruthComputation.borderWidths(unit)
        #expect(abs(b.top - 0.808) < 1e-9 && abs(b.left - 0.808) < 1e-9)
        let t = try Renderer.truth(for: Support.ideal(DesignCatalogue.pinRound30, defects: [.scale(factor: 1.01)]))
        #expect(abs(t.overallSizeMM.width - 30.3) < 1e-9 && abs(t.overallSizeMM.height - 30.3) < 1e-9)
    }
}

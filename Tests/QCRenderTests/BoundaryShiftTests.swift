import Testing
import QCRender

/// Boundary-shift truth: displacement of the master's internal boundaries in the unit.
@Suite struct BoundaryShiftTests {
    @Test func masterAgainstItselfHasNoShift() throws {
        for d in DesignCatalogue.all {
            let m = try UnitGeometry(design: d)
            let samples = TruthComputation.boundaryShiftSamples(master: m, unit: m)
            #expect(samples.count > 1000, "\(d.name)")
            #expect(samples.allSatisfy { $0.displacement == 0 }, "\(d.name)")
            let t = TruthComputation.boundaryShift(master: m, unit: m)
            #expect(t.max == 0 && t.p95 == 0 && t.hiddenPoints == 0)
        }
    }

    @Test func internalBoundariesIncludeRimInnerEdgeButNotOutline() throws {
        let m = try UnitGeometry(design: DesignCatalogue.pinRound30)
        let samples = TruthComputation.internalBoundarySamples(m)
        #expect(samples.contains { $0.primitive == "inner-edge" })
        #expect(!samples.contains { $0.primitive == "outline" || $0.inside == .outside || $0.outside == .outside })
        // The sea fill's edge runs inside the horizon line (metal both sides): not a boundary.
        #expect(!samples.contains { $0.primitive == "fill:sea" })
        // Spacing: the rim inner edge (r = 14.2 mm) minus the line junctions, at 0.05 mm.
        let rim = samples.filter { $0.primitive == "inner-edge" }.count
        #expect(rim > 1700 && rim <= 1785, "inner-edge points \(rim)")
    }

    /// A metal line moved by d along its normal: every point on that line's two long edges (away from
    /// where it meets the rim) is displaced by exactly d, everything else by 0; the horizon's edges are
    /// ~23 % of the boundary length, so p95 = p99 = d.
    @Test func movedLineShiftsExactlyItsOwnEdges() throws {
        let d = 0.12
        let master = try UnitGeometry(design: DesignCatalogue.pinRound30)
        let unit = try UnitGeometry(design: DesignCatalogue.pinRound30, defects: [.lineShift(feature: "horizon", distance: d)])
        let samples = TruthComputation.boundaryShiftSamples(master: master, unit: unit)
        let horizon = samples.filter { $0.master.primitive == "horizon" && abs($0.master.point.x) < 12 }
        #expect(horizon.count > 800)
        for s in horizon {
            let t = try #require(s.displacement)
            // Displacement along the master normal: +d on the lower edge (normal +y), −d on the upper.
            #expect(abs(t - d * s.master.normal.y) < 1e-9, "at \(s.master.point): \(t)")
        }
        let others = samples.filter { ["sun-ring", "ray-1", "ray-4", "fill:sun"].contains($0.master.primitive) }
        #expect(!others.isEmpty && others.allSatisfy { $0.displacement == 0 })
        let far = samples.filter { $0.master.primitive == "inner-edge" && $0.master.point.y < 0 }
        #expect(far.allSatisfy { $0.displacement == 0 })
        let truth = TruthComputation.boundaryShift(master: master, unit: unit)
        #expect(abs(truth.max - d) < 1e-9 && abs(truth.p95 - d) < 1e-9, "\(truth)")
        #expect(truth.hiddenPoints < truth.points / 100)
    }

    @Test func fillOffsetDisplacesStraightEdgesByItsNormalComponent() throws {
        let master = try UnitGeometry(design: DesignCatalogue.pinShield25)
        let unit = try UnitGeometry(design: DesignCatalogue.pinShield25, defects: [.fillOffset(dx: 0.1, dy: -0.05)])
        let samples = TruthComputation.boundaryShiftSamples(master: master, unit: unit)
        let diagonal = samples.filter { $0.master.primitive == "diagonal" }
        #expect(diagonal.count > 500)
        let offset = Vec2(0.1, -0.05)
        // Straight edges of the line, away from its ends in the rim.
        for s in diagonal where s.master.point.length < 6 {
            #expect(abs((s.displacement ?? 99) - offset.dot(s.master.normal)) < 1e-9)
        }
    }
}

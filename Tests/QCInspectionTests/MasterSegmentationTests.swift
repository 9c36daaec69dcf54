import Foundation
import Testing
import QCInspection
import QCRender

/// The master's region map joins only regions that touch in the artwork.
///
/// On the round pin every enamel fill is enclosed by metal (rim, horizon line, sun ring), so every
/// internal boundary must have the plating on one side. A blurred boundary between the gold and the
/// dark-blue "sea" passes through colours close to the light-blue "sky"; those mixed cells must not
/// become a sliver of sky, or the master gains a sea/sky boundary that exists nowhere on the pin and
/// every unit reads a boundary shift there.
struct MasterSegmentationTests {
    @Test(arguments: [(16.0, UInt64(500)), (16.0, UInt64(11)), (22.0, UInt64(7)), (30.0, UInt64(3))])
    func everyBoundaryOfTheRoundPinTouchesTheMetal(pxPerMM: Double, seed: UInt64) throws {
        let (path, _) = try RenderedUnits.write(PhotoSpec(design: DesignCatalogue.pinRound30, pxPerMM: pxPerMM, seed: seed),
                                                name: "segmentation-\(Int(pxPerMM))-\(seed)")
        let master = try MeasuredMaster.create(photo: path,
                                               sheet: RenderedUnits.packageRoot.appendingPathComponent("Fixtures/pin-round-30/sheet.yaml").path)
        let metal = try #require(master.model.regions.first { $0.kind == "metal" }).label
        let strays = master.model.boundaries.filter { $0.a != metal && $0.b != metal }
        #expect(strays.count == 0, "\(strays.count) of \(master.model.boundaries.count) boundary points join two fills, e.g. \(strays.first.map { "(\($0.x), \($0.y)) \($0.a)/\($0.b)" } ?? "")")
        #expect(master.model.regions.filter { $0.kind == "fill" }.count == 3)
        #expect(master.notes.isEmpty == (pxPerMM >= MeasuredMaster.recommendedPxPerMM), "\(master.notes)")
    }
}

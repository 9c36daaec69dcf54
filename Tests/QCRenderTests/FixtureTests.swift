import Foundation
import Testing
import QCRender

/// The committed fixtures are exactly what the generator produces.
@Suite struct FixtureTests {
    @Test func fixtureRegenerationReproducesCommittedFiles() throws {
        let committed = Support.packageRoot.appendingPathComponent("Fixtures").resolvingSymlinksInPath()
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("qcrender-fixtures-\(getpid())")
        defer { try? FileManager.default.removeItem(at: temp) }
        let written = try FixtureSet.write(to: temp.path)
        let existing = try FileManager.default.subpathsOfDirectory(atPath: committed.path).filter {
            var dir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: committed.appendingPathComponent($0).path, isDirectory: &dir)
            return !dir.boolValue
        }.sorted()
        #expect(existing == written.sorted(), "Fixtures/ does not hold exactly the generated files; run \(FixtureSet.command)")
        for path in written {
            let fresh = try Data(contentsOf: temp.appendingPathComponent(path))
            let old = try? Data(contentsOf: committed.appendingPathComponent(path))
            #expect(fresh == old, "\(path) differs from the committed file; run \(FixtureSet.command)")
        }
    }

    @Test func standardSetCoversEveryDesign() throws {
        let groups = FixtureSet.standard()
        #expect(groups.map(\.design.name) == DesignCatalogue.names)
        for g in groups {
            #expect(g.photos.first?.name == "master" && g.photos.first?.spec.unitRotationDeg == 0)
            #expect(g.photos.first?.spec.defects.isEmpty == true)
            #expect(g.photos.count >= 4)
            #expect(g.photos.contains { $0.spec.defects.contains(.fillOffset(dx: 0.20, dy: 0)) })
            #expect(g.photos.allSatisfy { $0.spec.pxPerMM >= 15 && $0.spec.pxPerMM <= 20 })
            #expect(g.sheet.yaml.hasPrefix("sku: "))
        }
    }

    @Test func controlSheetYAMLFormat() {
        let sheet = FixtureSheet(sku: "PIN-30-SE-GOLD", description: "30 mm soft enamel pin, imitation gold, butterfly clutch",
                                 finish: .imitationGold, width: 30, height: 30, borderNominal: 0.80)
        #expect(sheet.yaml == """
        sku: PIN-30-SE-GOLD
        description: 30 mm soft enamel pin, imitation gold, butterfly clutch
        finish: imitation gold
        artwork_revision: C
        checks:
          overall_size_mm: {width: 30.0, height: 30.0, tolerance: 0.15, class: major}
          border_width_mm: {nominal: 0.80, tolerance: 0.10, class: major}
          fill_boundary_shift_mm: {max: 0.15, class: minor}
          plating_tone_delta_e00: [{max: 2.0, class: minor}, {max: 4.0, class: major}]
        aql: {inspection_level: II, critical: 0, major: 2.5, minor: 4.0}

        """)
    }
}

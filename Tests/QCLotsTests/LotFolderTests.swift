import Foundation
import QCLots
import Testing

@Suite("Lot folder and cartons")
struct LotFolderTests {
    @Test("Carton folder names give the carton, line and date code", arguments: [
        ("carton-01", "carton-01", nil, nil, [String]()),
        ("carton-07_line-B_2611", "carton-07", "B", "2611", []),
        ("line-A_ctn3_20260302_rework", "ctn3", "A", "20260302", ["rework"]),
        ("carton-12 2026-03-02", "carton-12", nil, "2026-03-02", []),
        ("Box-4_L2611", "Box-4", nil, nil, ["L2611"]),
        ("misc", "misc", nil, nil, []),
    ] as [(String, String, String?, String?, [String])])
    func cartonNames(name: String, carton: String, line: String?, date: String?, codes: [String]) {
        let parsed = CartonName(folderName: name)
        #expect(parsed.carton == carton)
        #expect(parsed.line == line)
        #expect(parsed.dateCode == date)
        #expect(parsed.codes == codes)
    }

    @Test("Photos are found at the top and one level down; other files are listed as ignored; hidden ones skipped")
    func discovery() throws {
        let lot = try TestLot(name: "L2611-A_line-C", cartons: [("carton-01", repeated(.good, 2)),
                                                                 ("carton-07_line-B_2611", repeated(.good, 1))],
                              loose: [.good],
                              extraFiles: ["notes.txt", "carton-01/readme.md", "carton-01/extra/deep.jpg",
                                           ".DS_Store", "carton-01/.hidden.jpg", ".cache/x.jpg", "carton-01/SHOT.JPG",
                                           "empty-carton_2611/.keep"])
        defer { lot.remove() }
        let folder = try lot.folder()
        #expect(folder.photos.map(\.relativePath) == [
            "carton-01/SHOT.JPG", "carton-01/u-001.jpg", "carton-01/u-002.jpg", "carton-07_line-B_2611/u-003.jpg", "u-004.jpg",
        ])
        #expect(folder.ignored == ["carton-01/extra/", "carton-01/readme.md", "notes.txt"])
        #expect(folder.cartons == ["carton-01", "carton-07", "empty-carton"])
        let b = try #require(folder.photos.first { $0.carton == "carton-07" })
        #expect(b.line == "B" && b.dateCode == "2611")
        let loose = try #require(folder.photos.last)
        #expect(loose.carton == nil && loose.line == "C")
        #expect(loose.cartonLabel == LotPhoto.looseLabel)
    }

    @Test("A folder without photos is refused")
    func noPhotos() throws {
        let lot = try TestLot(cartons: [])
        defer { lot.remove() }
        #expect(throws: LotError.noPhotos(path: lot.directory)) { try lot.folder() }
    }
}

import Foundation
import Testing
import QCRender

/// `qcvision lot score` end to end on rendered lots: the real binary, real photos, real master.
///
/// Lots of 50 at inspection level S-1 (code letter A, sample 2) with AQL 6.5 for major and minor
/// (Ac 0, Re 1) and 0 for critical, so two photos decide a lot.
@Suite(.serialized)
struct LotScoreCommandTests {
    static let work: URL = {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("qcvision-lots-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }()

    /// Rendered photos by name: a master, a good unit, a unit with a major and one with a minor defect.
    static let photos: Result<[String: String], Error> = Result {
        func write(_ spec: PhotoSpec, _ name: String) throws -> String {
            let photo = try Renderer.render(spec)
            let path = work.appendingPathComponent("\(name).\(photo.fileExtension)").path
            try photo.encoded.write(to: URL(fileURLWithPath: path))
            return path
        }
        let design = DesignCatalogue.pinRound30
        func unit(_ defects: [UnitDefect], seed: UInt64) -> PhotoSpec {
            PhotoSpec(design: design, pxPerMM: 16, unitRotationDeg: Double(seed) * 37, background: .greenMat,
                      camera: Camera(format: .jpeg(quality: 90)), defects: defects, seed: seed)
        }
        return ["master": try write(PhotoSpec(design: design, pxPerMM: 16, seed: 70), "master"),
                "good": try write(unit([], seed: 71), "good"),
                "major": try write(unit([.fillOffset(dx: 0.3, dy: 0)], seed: 72), "major"),
                "minor": try write(unit([.lineShift(feature: "horizon", distance: 0.3)], seed: 73), "minor")]
    }

    static let master: Result<String, Error> = Result {
        let p = try photos.get()
        let out = work.appendingPathComponent("pin.qcmaster").path
        let sheet = CLIRunner.packageRoot.appendingPathComponent("Fixtures/pin-round-30/sheet.yaml").path
        let r = try CLIRunner.run(["master", "create", p["master"]!, "--sheet", sheet, "--out", out])
        guard r.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: r.stderr]) }
        return out
    }

    /// Builds a lot folder with the named photos in two cartons and scores it.
    func score(_ name: String, units: [String], extra: [String] = []) throws -> (status: Int32, json: [String: Any], stderr: String) {
        let p = try Self.photos.get()
        let master = try Self.master.get()
        let lot = Self.work.appendingPathComponent(name)
        for (k, u) in units.enumerated() {
            let carton = lot.appendingPathComponent("carton-0\(k % 2 + 1)")
            try FileManager.default.createDirectory(at: carton, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: p[u]!, toPath: carton.appendingPathComponent("unit-\(k).jpg").path)
        }
        let yaml = """
        lot: \(name)
        sku: PIN-30-SE-GOLD
        master: \(master)
        lot_size: 50
        po: PO-1
        supplier: Test Supplier \(name)
        inspection_level: S-1
        aql: {critical: 0, major: 6.5, minor: 6.5}
        """
        try yaml.write(to: lot.appendingPathComponent("lot.yaml"), atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["lot", "score", lot.path, "--json", "--db", Self.work.appendingPathComponent("store.sqlite").path,
                                   "--report", Self.work.appendingPathComponent("\(name)-report").path] + extra)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "\(r.stderr)")
        return (r.status, json, r.stderr)
    }

    func decision(_ json: [String: Any], _ cls: String) -> String? {
        ((json["classes"] as? [String: Any])?[cls] as? [String: Any])?["decision"] as? String
    }

    @Test func goodUnitsAreAccepted() throws {
        let r = try score("lot-accept", units: ["good", "good"])
        #expect(r.json["decision"] as? String == "accept", "\(r.stderr)")
        #expect(r.status == 0)
        #expect(r.json["code_letter"] as? String == "A" && r.json["sample_size"] as? Int == 2)
        #expect(FileManager.default.fileExists(atPath: Self.work.appendingPathComponent("lot-accept-report/report.html").path))
    }

    @Test func aMajorDefectRejectsOnMajor() throws {
        let r = try score("lot-major", units: ["good", "major"])
        #expect(r.json["decision"] as? String == "reject")
        #expect(decision(r.json, "major") == "reject")
        #expect(r.status == 3)
        let units = try #require(r.json["units"] as? [[String: Any]])
        #expect(units.contains { $0["worst_class"] as? String == "major" })
    }

    /// The report keeps the overlays of defective units only (unless `--all-overlays`), and only those are
    /// drawn: a 12 MP overlay costs several comparisons, and drawing every unit's made lot scoring 6x slower.
    @Test(arguments: [false, true])
    func overlaysAreDrawnForTheUnitsTheReportKeeps(all: Bool) throws {
        let name = all ? "lot-overlays-all" : "lot-overlays"
        let r = try score(name, units: ["good", "major"], extra: all ? ["--all-overlays"] : [])
        let units = try #require(r.json["units"] as? [[String: Any]])
        let report = Self.work.appendingPathComponent("\(name)-report")
        for unit in units {
            let defective = unit["worst_class"] as? String != "none"
            let overlay = unit["overlay"] as? String
            if defective || all {
                let path = try #require(overlay, "\(unit["photo"] ?? "") has no overlay")
                #expect(FileManager.default.fileExists(atPath: report.appendingPathComponent(path).path))
            } else {
                #expect(overlay == nil)
            }
        }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: report.appendingPathComponent("overlays").path)) ?? []
        #expect(files.count == (all ? 2 : 1))
    }

    @Test func aMinorDefectRejectsOnMinor() throws {
        let r = try score("lot-minor", units: ["good", "minor"])
        #expect(r.json["decision"] as? String == "reject")
        #expect(decision(r.json, "minor") == "reject")
        #expect(decision(r.json, "major") != "reject")
    }

    @Test func tooFewPhotosIsIncomplete() throws {
        let r = try score("lot-incomplete", units: ["good"])
        #expect(r.json["decision"] as? String == "incomplete")
        #expect(r.json["inspected"] as? Int == 1)
        #expect(r.status == 1)
    }
}

import Foundation
import Testing

/// `qcvision calibrate`, `master create` and `compare` end to end on the bundled fixtures.
@Suite(.serialized)
struct CalibrateAndCompareCommandTests {
    static let fixtures = CLIRunner.packageRoot.appendingPathComponent("Fixtures/pin-round-30")
    static let work: URL = {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("qcvision-cli-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }()

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func calibrateJSONCarriesTheStableFields() throws {
        let overlay = Self.work.appendingPathComponent("ruler.png").path
        let r = try CLIRunner.run(["calibrate", Self.fixtures.appendingPathComponent("master.png").path, "--json", "--overlay", overlay])
        #expect(r.status == 0, "\(r.stderr)")
        let j = try json(r.stdout)
        #expect(j["schema"] as? String == "qcvision.calibration.v1")
        let px = try #require(j["px_per_mm"] as? Double)
        #expect(abs(px - 15) < 0.01)   // the fixture's truth: 15 px/mm
        #expect((j["ticks_used"] as? Int ?? 0) >= 30)
        #expect(j["source"] as? String == "ruler")
        #expect(j["uncertainty_pct"] is Double && j["angle_deg"] is Double)
        let white = try #require(j["white_reference"] as? [String: Any])
        #expect((white["g"] as? Double ?? 0) > 0.5)
        #expect(FileManager.default.fileExists(atPath: overlay))
    }

    /// Each process seeds Swift's hashing differently, so anything that follows a dictionary's order
    /// (ties broken by iteration order) shows up as masters that differ from run to run.
    @Test func masterCreationGivesTheSameMasterInEveryProcess() throws {
        var models: [Data] = []
        for k in 0..<4 {
            let out = Self.work.appendingPathComponent("repeat-\(k).qcmaster").path
            let r = try CLIRunner.run(["master", "create", Self.fixtures.appendingPathComponent("master.png").path,
                                       "--sheet", Self.fixtures.appendingPathComponent("sheet.yaml").path, "--out", out])
            #expect(r.status == 0, "\(r.stderr)")
            models.append(try Data(contentsOf: URL(fileURLWithPath: out + "/master.json")))
        }
        #expect(Set(models).count == 1, "master.json differs between runs of the same photo")
    }

    @Test func calibrateNamesAnUnreadablePhoto() throws {
        let notPhoto = Self.work.appendingPathComponent("u.jpg")
        try Data("x".utf8).write(to: notPhoto)
        let r = try CLIRunner.run(["calibrate", notPhoto.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("u.jpg"))
    }

    @Test func masterAndCompareFromTheReadme() throws {
        let master = Self.work.appendingPathComponent("pin.qcmaster").path
        let create = try CLIRunner.run(["master", "create", Self.fixtures.appendingPathComponent("master.png").path,
                                        "--sheet", Self.fixtures.appendingPathComponent("sheet.yaml").path, "--out", master])
        #expect(create.status == 0, "\(create.stderr)")
        #expect(FileManager.default.fileExists(atPath: master + "/overlay.png"))
        #expect(create.stdout.contains("PIN-30-SE-GOLD"))
        // The fixture's golden sample is at 15 px/mm: the inspector is told a closer photo makes a better master.
        #expect(create.stdout.contains("note") && create.stdout.contains("30 px/mm or more"), "\(create.stdout)")

        let evidence = Self.work.appendingPathComponent("evidence.png").path
        let offset = try CLIRunner.run(["compare", master, Self.fixtures.appendingPathComponent("unit-fill-offset.jpg").path,
                                        "--json", "--overlay", evidence])
        #expect(offset.status == 3, "a 0.2 mm fill offset is a border defect: \(offset.stderr)")
        let j = try json(offset.stdout)
        #expect(j["schema"] as? String == "qcvision.compare.v1")
        #expect(j["worst_class"] as? String == "major")
        let m = try #require(j["measurements"] as? [String: Any])
        let border = try #require(m["border_width_mm"] as? [String: Double])
        for key in ["top", "right", "bottom", "left", "min"] { #expect(border[key] != nil, "border_width_mm.\(key)") }
        #expect(border["left"]! - border["right"]! > 0.3)
        let shift = try #require(m["fill_boundary_shift_mm"] as? [String: Any])
        #expect(shift["max"] is Double && shift["p95"] is Double)
        let tone = try #require(m["plating_tone"] as? [String: Any])
        for key in ["delta_e00", "delta_l", "delta_a", "delta_b", "direction"] { #expect(tone[key] != nil, "plating_tone.\(key)") }
        let defects = try #require(j["defects"] as? [[String: Any]])
        #expect(defects.contains { $0["check"] as? String == "border_width_mm" && $0["class"] as? String == "major"
            && $0["value"] is Double && $0["limit"] is Double && $0["message"] is String })
        #expect(FileManager.default.fileExists(atPath: evidence))

        let good = try CLIRunner.run(["compare", master, Self.fixtures.appendingPathComponent("unit-good.jpg").path])
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        #expect(good.stdout.contains("verdict: PASS"))
    }
}

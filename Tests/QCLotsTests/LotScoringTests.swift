import Foundation
import QCLots
import QCSampling
import Testing

/// Lots of 150 units at level II: code letter F, sample 20; critical 0 (Ac 0, Re 1), major 2.5 (Ac 1, Re 2),
/// minor 4.0 (Ac 2, Re 3). Photos in 4 cartons of 5.
@Suite("Lot scoring end to end")
struct LotScoringTests {
    static func cartons(_ units: [FakeUnit]) -> [(String, [FakeUnit])] {
        stride(from: 0, to: units.count, by: 5).enumerated().map { index, start in
            (String(format: "carton-%02d", index + 1), Array(units[start..<min(start + 5, units.count)]))
        }
    }

    @Test("The plan: code letter F, sample 20, Ac/Re per class")
    func plan() throws {
        let lot = try TestLot(cartons: Self.cartons(repeated(.good, 20)))
        defer { lot.remove() }
        let result = try lot.score()
        #expect(result.codeLetter == "F" && result.sampleSize == 20 && result.inspectionLevel == "II")
        #expect(result.classes["critical"]?.accept == 0 && result.classes["critical"]?.reject == 1)
        #expect(result.classes["major"]?.accept == 1 && result.classes["major"]?.reject == 2)
        #expect(result.classes["minor"]?.accept == 2 && result.classes["minor"]?.reject == 3)
        #expect(result.decision == "accept")
        #expect(result.clustering.pattern == .none)
    }

    @Test("Accept: one major and two minors are within Ac")
    func accept() throws {
        let units = [FakeUnit.majorSize, .minorPlating] + repeated(.good, 9) + [.minorShift] + repeated(.good, 8)
        let lot = try TestLot(cartons: Self.cartons(units))
        defer { lot.remove() }
        let result = try lot.score()
        #expect(result.decision == "accept")
        #expect(result.classes["major"]?.nonconforming == 1 && result.classes["major"]?.decision == "accept")
        #expect(result.classes["minor"]?.nonconforming == 2 && result.classes["minor"]?.decision == "accept")
        #expect(result.rejectedBy.isEmpty)
        // Switching score (ISO 2859-1 9.3.3.2): minor has Ac 2 and its count 2 exceeds Ac 1 of AQL 2.5, one step
        // tighter, so the score resets although the lot is accepted.
        #expect(result.switching == LotResult.SwitchingRecord(accepted: true, reinstatesNormal: false, scoreAdd: nil))
        #expect(ReportHTMLReason.of(result).hasPrefix("All classes within"))
    }

    @Test("Reject on major: two border defects reach Re 2")
    func rejectOnMajor() throws {
        let units = repeated(.good, 6) + [.majorBorder] + repeated(.good, 6) + [.majorBorder, .minorPlating] + repeated(.good, 5)
        let lot = try TestLot(cartons: Self.cartons(units))
        defer { lot.remove() }
        let result = try lot.score()
        #expect(result.decision == "reject")
        #expect(result.rejectedBy == ["major"])
        #expect(result.classes["major"]?.nonconforming == 2 && result.classes["major"]?.decision == "reject")
        #expect(result.classes["minor"]?.decision == "accept")
        #expect(result.defectMap.functional.units == 2 && result.defectMap.cosmetic.units == 1)
        #expect(result.switching?.accepted == false && result.switching?.scoreAdd == nil)
    }

    @Test("Reject on minor: three cosmetic defects reach Re 3, majors stay within Ac")
    func rejectOnMinor() throws {
        let units = [FakeUnit.minorPlating] + repeated(.good, 4) + [.minorShift] + repeated(.good, 8) + [.minorPlating] + repeated(.good, 5)
        let lot = try TestLot(cartons: Self.cartons(units))
        defer { lot.remove() }
        let result = try lot.score()
        #expect(result.decision == "reject")
        #expect(result.rejectedBy == ["minor"])
        #expect(result.classes["major"]?.decision == "accept" && result.classes["major"]?.nonconforming == 0)
        #expect(result.classes["minor"]?.nonconforming == 3)
        #expect(result.defectMap.cosmetic.units == 3 && result.defectMap.functional.units == 0)
    }

    @Test("Incomplete: says how many more units and from which cartons (fewest measured first)")
    func incomplete() throws {
        // 12 photos: carton-01 5, carton-02 4, carton-03 3 (one unreadable), carton-04 none.
        let lot = try TestLot(cartons: [("carton-01", [.minorPlating] + repeated(.good, 4)), ("carton-02", repeated(.good, 4)),
                                        ("carton-03", [.good, .broken, .good]), ("carton-04", [])])
        defer { lot.remove() }
        let result = try lot.score()
        #expect(result.decision == "incomplete")
        #expect(result.inspected == 11 && result.failed == 1)
        #expect(result.moreUnitsNeeded == 9)
        #expect(result.classes["major"]?.decision == "incomplete" && result.classes["major"]?.moreUnitsNeeded == 9)
        #expect(result.pullFrom == [
            .init(carton: "carton-04", inspected: 0, units: 5),
            .init(carton: "carton-03", inspected: 2, units: 3),
            .init(carton: "carton-02", inspected: 4, units: 1),
        ])
        #expect(result.switching == nil)
        #expect(ReportHTMLReason.of(result).contains("measure 9 more from carton-04 (5), carton-03 (3), carton-02 (1)"))
    }

    @Test("An unreadable photo is reported and the rest are scored")
    func failureGoesOn() throws {
        let units = repeated(.good, 7) + [.broken] + repeated(.good, 13)
        let lot = try TestLot(cartons: Self.cartons(units))
        defer { lot.remove() }
        let result = try lot.score(jobs: 3)
        #expect(result.photos == 21 && result.inspected == 20 && result.failed == 1)
        #expect(result.failures == [UnitFailure(photo: "carton-02/u-008.jpg", carton: "carton-02",
                                                error: "carton-02/u-008.jpg: not a JPEG file (truncated header)")])
        #expect(result.decision == "accept")
        #expect(result.cartons.first { $0.carton == "carton-02" }?.failed == 1)
    }

    @Test("lot.yaml overrides: level I and minor 1.0 change the plan; nonconformities count every defect")
    func overrides() throws {
        let twoDefects = FakeUnit(shift: 0.2, deltaE: 2.5)
        let lot = try TestLot(lotSize: 1000, extraYAML: "inspection_level: I\naql: {minor: 1.0}\ncounting: nonconformities",
                              cartons: Self.cartons([twoDefects] + repeated(.good, 31)))
        defer { lot.remove() }
        let result = try lot.score()
        // Lot 1000, level I: code letter G (n 32); minor 1.0 at G is an arrow down to n 50, Ac 1, Re 2, so
        // 50 units are drawn; the 2 nonconformities of one unit already reach Re on the partial sample.
        #expect(result.codeLetter == "G" && result.sampleSize == 50 && result.inspectionLevel == "I")
        #expect(result.classes["major"]?.sampleSize == 32)
        #expect(result.classes["minor"]?.sampleSize == 50 && result.classes["minor"]?.accept == 1)
        #expect(result.counting == "nonconformities")
        #expect(result.classes["minor"]?.aql == 1.0)
        #expect(result.classes["minor"]?.nonconforming == 2)
        #expect(result.decision == "reject" && result.rejectedBy == ["minor"])
    }

    @Test("Units beyond the sample size are reported but not counted")
    func beyondSample() throws {
        let lot = try TestLot(cartons: Self.cartons(repeated(.good, 20) + [.majorBorder, .majorBorder]))
        defer { lot.remove() }
        let result = try lot.score()
        #expect(result.inspected == 22 && result.decision == "accept")
        #expect(result.units.filter { !$0.inSample }.count == 2)
        #expect(result.notes.contains { $0.contains("2 of the units beyond the sample are defective") })
    }

    @Test("JSON carries the qcvision.lot.v1 fields with snake_case keys")
    func jsonSchema() throws {
        let lot = try TestLot(cartons: Self.cartons([.majorBorder] + repeated(.good, 19)))
        defer { lot.remove() }
        let data = try lot.score().jsonData()
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["schema"] as? String == "qcvision.lot.v1")
        for key in ["lot", "sku", "lot_size", "inspection_level", "code_letter", "sample_size", "inspected", "classes",
                    "decision", "units", "defect_map", "clustering", "diagnosis", "dispositions", "failures", "ignored_files"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        let classes = try #require(json["classes"] as? [String: [String: Any]])
        for name in ["critical", "major", "minor"] {
            for key in ["aql", "accept", "reject", "nonconforming", "decision"] { #expect(classes[name]?[key] != nil, "\(name).\(key)") }
        }
        let units = try #require(json["units"] as? [[String: Any]])
        #expect(units.count == 20)
        #expect(units[0]["photo"] as? String == "carton-01/u-001.jpg")
        #expect(units[0]["carton"] as? String == "carton-01")
        #expect(units[0]["worst_class"] as? String == "major")
        #expect((units[0]["defects"] as? [[String: Any]])?.first?["check"] as? String == "border_width_mm")
        // Deterministic: the same lot scored again (any number of workers) gives the same bytes.
        let again = try TestLot(cartons: Self.cartons([.majorBorder] + repeated(.good, 19)))
        defer { again.remove() }
        var a = try lot.score(jobs: 1), b = try again.score(jobs: 4)
        for i in a.units.indices { a.units[i].overlayPath = nil; b.units[i].overlayPath = nil }
        b.master = a.master
        #expect(try a.jsonData() == b.jsonData())
    }

    @Test("Parallel scoring: at most `jobs` photos at once, progress serial and complete, outcomes in photo order")
    func parallelScorer() throws {
        let photos = (0..<40).map { LotPhoto(relativePath: String(format: "p-%02d.jpg", $0), path: "/p/\($0)") }
        let gauge = Gauge()
        let scorer: UnitScorer = { path in
            gauge.enter()
            defer { gauge.leave() }
            usleep(2_000)
            if path.hasSuffix("/7") { throw FakeDecodeError(file: path) }
            return UnitScore(FakeUnit.good.result(photo: path))
        }
        let seen = Gauge()
        let outcomes = LotScorer.score(photos, jobs: 3, scorer: scorer) { progress in
            seen.record(progress.done, total: progress.total, failures: progress.failures)
        }
        #expect(outcomes.map(\.photo) == photos)
        #expect(gauge.peak <= 3 && gauge.peak >= 1)
        #expect(seen.doneValues == Array(1...40))
        #expect(seen.lastFailures == 1)
    }
}

/// The sentence under the decision banner, as report.html shows it.
enum ReportHTMLReason {
    static func of(_ result: LotResult) -> String { ReportHTML.reason(result) }
}

/// Counts concurrent entries and records progress, thread-safely.
final class Gauge: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private(set) var peak = 0
    private(set) var doneValues: [Int] = []
    private(set) var lastFailures = 0

    func enter() { lock.lock(); current += 1; peak = max(peak, current); lock.unlock() }
    func leave() { lock.lock(); current -= 1; lock.unlock() }
    func record(_ done: Int, total: Int, failures: Int) {
        lock.lock(); doneValues.append(done); lastFailures = failures; lock.unlock()
    }
}

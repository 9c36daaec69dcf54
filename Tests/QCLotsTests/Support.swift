import Foundation
import QCInspection
import QCLots
import QCSampling

/// A unit as the fake comparison engine sees it: its measurements; checks and defects follow from a
/// sheet like Fixtures/pin-round-30 (size 30 ± 0.15 major, border 0.80 ± 0.10 major, fill shift ≤ 0.15
/// minor, plating ΔE00 ≤ 2 minor / ≤ 4 major).
struct FakeUnit: Sendable {
    var width = 30.0
    var height = 30.0
    var border = 0.80
    var shift = 0.03
    var deltaE = 0.6
    /// The photo cannot be read: the scorer throws.
    var unreadable = false
    /// Write an overlay image for this unit.
    var overlay = true

    static let good = FakeUnit()
    static let majorSize = FakeUnit(width: 30.4)
    static let majorBorder = FakeUnit(border: 0.62)
    static let minorPlating = FakeUnit(deltaE: 2.6)
    static let minorShift = FakeUnit(shift: 0.22)
    static let broken = FakeUnit(unreadable: true)

    /// The comparison result the engine would return.
    func result(photo: String) -> CompareResult {
        var checks: [CompareResult.CheckResult] = []
        var defects: [Defect] = []
        func judge(_ check: String, _ value: Double, nominal: Double?, lower: Double?, upper: Double?,
                   tiers: [(Double, DefectClass)] = [], defectClass: DefectClass) {
            var status = "ok"
            if let lower, value < lower {
                status = defectClass.rawValue
                defects.append(Defect(check: check, defectClass: defectClass, value: value, limit: lower,
                                      message: "\(check) \(value) below \(lower)"))
            } else if let upper, value > upper {
                let (limit, cls) = tiers.last { value > $0.0 } ?? (upper, defectClass)
                status = cls.rawValue
                defects.append(Defect(check: check, defectClass: cls, value: value, limit: limit,
                                      message: "\(check) \(value) above \(limit)"))
            }
            checks.append(.init(check: check, value: value, nominal: nominal, lower: lower, upper: upper, status: status))
        }
        let sizeValue = abs(width - 30) >= abs(height - 30) ? width : height
        judge("overall_size_mm", sizeValue, nominal: 30, lower: 29.85, upper: 30.15, defectClass: .major)
        judge("border_width_mm", border, nominal: 0.8, lower: 0.7, upper: 0.9, defectClass: .major)
        judge("fill_boundary_shift_mm", shift, nominal: nil, lower: nil, upper: 0.15, defectClass: .minor)
        judge("plating_tone_delta_e00", deltaE, nominal: nil, lower: nil, upper: 2.0,
              tiers: [(2.0, .minor), (4.0, .major)], defectClass: .minor)
        let measurements = Measurements(
            overallSize: .init(width: width, height: height),
            borderWidth: .init(top: border, right: border + 0.01, bottom: border + 0.005, left: border + 0.01, min: border),
            fillBoundaryShift: .init(max: shift, p95: shift * 0.8, hiddenPoints: 0, points: 400),
            platingTone: .init(deltaE00: deltaE, deltaL: -deltaE * 0.6, deltaA: 0, deltaB: deltaE * 0.3,
                               direction: Measurements.PlatingTone.words(deltaL: -deltaE * 0.6, deltaA: 0, deltaB: deltaE * 0.3)))
        return CompareResult(master: "master.qcmaster", sku: "PIN-R30-GLD", photo: photo,
                             calibration: .init(pxPerMM: 15, uncertaintyPct: 0.1, source: "ruler", ticksUsed: 80),
                             registration: .init(centroidPx: [600, 500], rotationDeg: 12, rotationFrom: "outline", outlineRMSmm: 0.01),
                             measurements: measurements, checks: checks, defects: defects, warnings: [])
    }
}

/// An error the fake scorer throws for unreadable photos.
struct FakeDecodeError: Error, CustomStringConvertible {
    var file: String
    var description: String { "\(file): not a JPEG file (truncated header)" }
}

/// A lot folder on disk with lot.yaml, carton folders and placeholder photo files, and a fake scorer that
/// answers from the units planned for each photo.
struct TestLot {
    let directory: String
    let units: [String: FakeUnit]
    let overlayDirectory: String
    /// Images the fake scorer hands back as overlays instead of a 1-pixel PNG, for demo reports: keyed by the
    /// unit's first failed check, "good" for conforming units.
    var overlaySources: [String: String] = [:]

    /// Creates the folder. `cartons` maps carton folder names to their units (photos named u-001.jpg ...);
    /// `loose` units lie in the lot folder itself.
    init(name: String = "lot", lotSize: Int = 150, extraYAML: String = "", cartons: [(String, [FakeUnit])],
         loose: [FakeUnit] = [], extraFiles: [String] = []) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("qclots-\(UUID().uuidString)").path
        directory = (root as NSString).appendingPathComponent(name)
        overlayDirectory = (root as NSString).appendingPathComponent("scorer-overlays")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: overlayDirectory, withIntermediateDirectories: true)
        let yaml = """
            lot: L2611-A
            sku: PIN-R30-GLD
            master: ../masters/PIN-R30-GLD.qcmaster
            lot_size: \(lotSize)
            po: PO-88121
            supplier: Dongguan Bright Metal Co.
            \(extraYAML)
            """
        try yaml.write(toFile: (directory as NSString).appendingPathComponent("lot.yaml"), atomically: true, encoding: .utf8)
        var planned: [String: FakeUnit] = [:]
        var counter = 0
        for (folder, units) in cartons {
            let path = (directory as NSString).appendingPathComponent(folder)
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            for unit in units {
                counter += 1
                let relative = folder + "/" + String(format: "u-%03d.jpg", counter)
                try Data([0xFF, 0xD8, 0xFF]).write(to: URL(fileURLWithPath: (directory as NSString).appendingPathComponent(relative)))
                planned[relative] = unit
            }
        }
        for unit in loose {
            counter += 1
            let relative = String(format: "u-%03d.jpg", counter)
            try Data([0xFF, 0xD8, 0xFF]).write(to: URL(fileURLWithPath: (directory as NSString).appendingPathComponent(relative)))
            planned[relative] = unit
        }
        for file in extraFiles {
            let path = (directory as NSString).appendingPathComponent(file)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data("x".utf8).write(to: URL(fileURLWithPath: path))
        }
        units = planned
    }

    /// The fake comparison engine: answers by photo path relative to the lot folder; writes a tiny overlay file.
    var scorer: UnitScorer {
        let units = self.units, directory = self.directory, overlays = self.overlayDirectory, sources = overlaySources
        return { path in
            let relative = String(path.dropFirst(directory.count + 1))
            guard let unit = units[relative] else { throw FakeDecodeError(file: relative) }
            if unit.unreadable { throw FakeDecodeError(file: relative) }
            var overlayPath: String?
            if unit.overlay, !sources.isEmpty {
                overlayPath = sources[unit.result(photo: path).defects.first?.check ?? "good"] ?? sources["good"]
            } else if unit.overlay {
                let name = relative.replacingOccurrences(of: "/", with: "_") + ".png"
                let target = (overlays as NSString).appendingPathComponent(name)
                try TestLot.tinyPNG.write(to: URL(fileURLWithPath: target))
                overlayPath = target
            }
            return UnitScore(unit.result(photo: path), overlayPath: overlayPath)
        }
    }

    func lotFile() throws -> LotFile { try LotFile.load(lotDirectory: directory) }
    func folder() throws -> LotFolder { try LotFolder.scan(directory) }

    /// Scores the lot with the standard policy (II; critical 0, major 2.5, minor 4.0) and lot.yaml's overrides.
    func score(policy: LotPolicy = .standard, jobs: Int = 2,
               baseline: CartonClustering.HistoryBaseline? = nil, at date: Date = Date(timeIntervalSince1970: 1_780_000_000)) throws -> LotResult {
        let lot = try lotFile()
        return try LotEvaluation.score(lot: lot, folder: try folder(), policy: policy.applying(lot), jobs: jobs,
                                       scorer: scorer, baseline: baseline, scoredAt: date)
    }

    func remove() { try? FileManager.default.removeItem(atPath: (directory as NSString).deletingLastPathComponent) }

    /// A valid 1×1 PNG (red pixel).
    static let tinyPNG = Data([
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
        0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x08, 0xD7, 0x63, 0xF8, 0xCF, 0xC0, 0x00,
        0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xDD, 0x8D, 0xB0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E,
        0x44, 0xAE, 0x42, 0x60, 0x82,
    ])
}

/// `count` copies of a unit.
func repeated(_ unit: FakeUnit, _ count: Int) -> [FakeUnit] { Array(repeating: unit, count: count) }

/// A small deterministic wobble in −1...1 for unit `i` (no randomness in tests).
func wobble(_ i: Int) -> Double { Double((i * 37 + 11) % 21 - 10) / 10 }

/// Unit records straight from fake units, for the statistics that do not need a folder.
func records(_ cartons: [(String, [FakeUnit])]) -> [UnitRecord] {
    var out: [UnitRecord] = []
    var counter = 0
    for (carton, units) in cartons {
        for unit in units {
            counter += 1
            let photo = LotPhoto(relativePath: "\(carton)/u-\(counter).jpg", path: "/x/\(carton)/u-\(counter).jpg", carton: carton)
            out.append(UnitRecord(photo: photo, score: UnitScore(unit.result(photo: photo.path))))
        }
    }
    return out
}

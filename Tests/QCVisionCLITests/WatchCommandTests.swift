import Foundation
import Testing

/// `qcvision watch` end to end: the real binary as a subprocess on a real inbox.
@Suite(.serialized)
struct WatchCommandTests {
    /// A fresh inbox/outbox/masters set with the round-pin master made from the fixtures.
    struct Station {
        let root: URL
        var inbox: URL { root.appendingPathComponent("inbox") }
        var outbox: URL { root.appendingPathComponent("outbox") }
        var masters: URL { root.appendingPathComponent("masters") }
        var db: URL { root.appendingPathComponent("qc.sqlite") }
        var log: URL { root.appendingPathComponent("watch.log") }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("qcvision-watch-\(UUID().uuidString)")
            for d in ["inbox", "outbox", "masters"] {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(d), withIntermediateDirectories: true)
            }
            try FileManager.default.copyItem(atPath: try WatchCommandTests.master.get(),
                                             toPath: root.appendingPathComponent("masters/PIN-30-SE-GOLD.qcmaster").path)
        }

        func start() throws -> Process {
            let p = Process()
            p.executableURL = CLIRunner.productsDirectory.appendingPathComponent("qcvision")
            p.arguments = ["watch", inbox.path, "--out", outbox.path, "--masters", masters.path, "--db", db.path, "--settle", "1", "--jobs", "2"]
            FileManager.default.createFile(atPath: log.path, contents: nil)
            let handle = try FileHandle(forWritingTo: log)
            handle.seekToEndOfFile()
            p.standardError = handle
            p.standardOutput = handle
            try p.run()
            return p
        }

        func logText() -> String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

        /// Writes a lot folder into a staging area, then copies it into the inbox file by file with pauses.
        func drop(_ name: String, yaml: String, photos: [String], slowly: Bool = false, ready: Bool = false) throws {
            let target = inbox.appendingPathComponent(name)
            let carton = target.appendingPathComponent("carton-01")
            try FileManager.default.createDirectory(at: carton, withIntermediateDirectories: true)
            try yaml.write(to: target.appendingPathComponent("lot.yaml"), atomically: true, encoding: .utf8)
            for (k, photo) in photos.enumerated() {
                if slowly { Thread.sleep(forTimeInterval: 0.4) }
                try FileManager.default.copyItem(atPath: photo, toPath: carton.appendingPathComponent("u\(k).jpg").path)
            }
            if ready { FileManager.default.createFile(atPath: target.appendingPathComponent("READY").path, contents: nil) }
        }
    }

    static let master: Result<String, Error> = Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qcvision-watch-master-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let fixtures = CLIRunner.packageRoot.appendingPathComponent("Fixtures/pin-round-30")
        let out = dir.appendingPathComponent("m.qcmaster").path
        let r = try CLIRunner.run(["master", "create", fixtures.appendingPathComponent("master.png").path,
                                   "--sheet", fixtures.appendingPathComponent("sheet.yaml").path, "--out", out])
        guard r.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: r.stderr]) }
        return out
    }

    static let good = CLIRunner.packageRoot.appendingPathComponent("Fixtures/pin-round-30/unit-good.jpg").path

    static func yaml(_ lot: String, master: String = "PIN-30-SE-GOLD") -> String {
        """
        lot: \(lot)
        sku: PIN-30-SE-GOLD
        master: \(master)
        lot_size: 50
        po: PO-W
        supplier: Watch Supplier
        inspection_level: S-1
        aql: {critical: 0, major: 6.5, minor: 6.5}
        """
    }

    /// Polls `condition` every 0.1 s for at most `seconds`.
    func waitFor(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline { if condition() { return true }; Thread.sleep(forTimeInterval: 0.1) }
        return condition()
    }

    func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    func storedLots(_ station: Station) throws -> Int {
        let r = try CLIRunner.run(["history", "--sku", "PIN-30-SE-GOLD", "--db", station.db.path, "--json"])
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        return (json?["lots"] as? [Any])?.count ?? -1
    }

    func stop(_ p: Process) {
        if p.isRunning { p.terminate() }
        p.waitUntilExit()
    }

    @Test func slowDropIsScoredOnceAfterItSettles() throws {
        let s = try Station()
        let watcher = try s.start()
        defer { stop(watcher) }
        try s.drop("lot-a", yaml: Self.yaml("LA"), photos: [Self.good, Self.good, Self.good], slowly: true)
        #expect(waitFor(30) { exists(s.inbox.appendingPathComponent(".done/lot-a")) }, "\(s.logText())")
        #expect(exists(s.outbox.appendingPathComponent("lot-a/report.json")))
        #expect(exists(s.outbox.appendingPathComponent("lot-a/report.html")))
        Thread.sleep(forTimeInterval: 1.5)
        #expect(s.logText().components(separatedBy: "scored lot-a").count == 2, "scored exactly once: \(s.logText())")
        #expect(try storedLots(s) == 1)
        let report = try String(contentsOf: s.outbox.appendingPathComponent("lot-a/report.json"), encoding: .utf8)
        #expect(report.contains("\"inspected\" : 3"))
    }

    @Test func badLotFileAndCorruptPhotoAndForeignMaster() throws {
        let s = try Station()
        let watcher = try s.start()
        defer { stop(watcher) }
        try s.drop("bad-yaml", yaml: "lot: X\nsku: [oops\n", photos: [], ready: true)
        let corrupt = s.root.appendingPathComponent("broken.jpg")
        try Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 16]).write(to: corrupt)
        try s.drop("corrupt-photo", yaml: Self.yaml("LC"), photos: [Self.good, corrupt.path], ready: true)
        try s.drop("outside", yaml: Self.yaml("LO", master: "../../etc/PIN"), photos: [Self.good], ready: true)
        #expect(waitFor(30) {
            exists(s.inbox.appendingPathComponent(".failed/bad-yaml")) && exists(s.inbox.appendingPathComponent(".done/corrupt-photo"))
                && exists(s.inbox.appendingPathComponent(".failed/outside"))
        }, "\(s.logText())")
        let badError = try String(contentsOf: s.inbox.appendingPathComponent(".failed/bad-yaml/error.txt"), encoding: .utf8)
        #expect(badError.contains("lot.yaml:") && badError.contains("not valid YAML"), "\(badError)")
        let outsideError = try String(contentsOf: s.inbox.appendingPathComponent(".failed/outside/error.txt"), encoding: .utf8)
        #expect(outsideError.contains("not a master in"))
        let report = try String(contentsOf: s.outbox.appendingPathComponent("corrupt-photo/report.json"), encoding: .utf8)
        #expect(report.contains("broken") || report.contains("u1.jpg"), "the corrupt photo is reported")
        #expect(!exists(s.outbox.appendingPathComponent("bad-yaml")))
    }

    @Test func twoWatchersCannotShareAnInbox() throws {
        let s = try Station()
        let first = try s.start()
        defer { stop(first) }
        #expect(waitFor(10) { s.logText().contains("watching") })
        let second = try CLIRunner.run(["watch", s.inbox.path, "--out", s.outbox.path, "--masters", s.masters.path, "--db", s.db.path])
        #expect(second.status == 1)
        #expect(second.stderr.contains("already using this inbox"))
    }

    @Test func killedMidLotIsFinishedOnRestartWithoutDuplicates() throws {
        let s = try Station()
        let first = try s.start()
        try s.drop("lot-k", yaml: Self.yaml("LK"), photos: Array(repeating: Self.good, count: 8), ready: true)
        #expect(waitFor(20) { exists(s.inbox.appendingPathComponent(".work/lot-k")) })
        Thread.sleep(forTimeInterval: 0.3)
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        #expect(!exists(s.inbox.appendingPathComponent(".done/lot-k")) || exists(s.outbox.appendingPathComponent("lot-k/report.json")))
        let second = try s.start()
        defer { stop(second) }
        #expect(waitFor(40) { exists(s.inbox.appendingPathComponent(".done/lot-k")) }, "\(s.logText())")
        #expect(exists(s.outbox.appendingPathComponent("lot-k/report.json")))
        #expect(try storedLots(s) == 1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: s.outbox.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "no temporary report folders left: \(leftovers)")
    }

    @Test func terminateStopsCleanly() throws {
        let s = try Station()
        let watcher = try s.start()
        #expect(waitFor(10) { s.logText().contains("watching") })
        watcher.terminate()
        watcher.waitUntilExit()
        #expect(watcher.terminationStatus == 0)
        #expect(s.logText().contains("stopped"))
    }
}

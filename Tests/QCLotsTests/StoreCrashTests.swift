import Foundation
import QCLots
import Testing

/// The store after a crash in the middle of writing a lot: the lot is either fully there or not at all.
@Suite("Inspection store crash safety")
struct StoreCrashTests {
    static let databaseVariable = "QCLOTS_CRASH_CHILD_DB"
    static let readyVariable = "QCLOTS_CRASH_CHILD_READY"

    static func temporaryFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qccrash-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The files SQLite may have beside a database mid-transaction.
    static let companions = ["", "-journal", "-wal", "-shm"]

    @Test("A copy of the database taken mid-transaction opens with the earlier lot complete and the new one absent")
    func copyMidTransaction() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/inspections.sqlite", copy = folder + "/copy/inspections.sqlite"
        try FileManager.default.createDirectory(atPath: folder + "/copy", withIntermediateDirectories: true)
        let kept = try StoreFixtures.result(lot: "KEPT", defects: 1)
        let second = try StoreFixtures.result(lot: "SECOND", defects: 2, units: 40)
        do {
            let store = try InspectionStore(path: path)
            try store.save(kept)
            try store.save(second) { written in
                guard written == 25 else { return }
                for suffix in Self.companions where FileManager.default.fileExists(atPath: path + suffix) {
                    try FileManager.default.copyItem(atPath: path + suffix, toPath: copy + suffix)
                }
            }
            #expect(try store.counts()["lots"] == 2)
        }
        let reopened = try InspectionStore(path: copy)
        #expect(try reopened.result(lot: "KEPT", sku: kept.sku, supplier: kept.supplier) == kept)
        #expect(try reopened.result(lot: "SECOND", sku: second.sku, supplier: second.supplier) == nil)
        let counts = try reopened.counts()
        #expect(counts["lots"] == 1 && counts["units"] == 20 && counts["defects"] == 1)
        try reopened.save(second)
        #expect(try reopened.counts()["units"] == 60)
    }

    @Test("A process killed (SIGKILL) in the middle of writing a lot leaves the store with the lot absent",
          .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/exe"), "re-runs the test binary; Linux only"))
    func killedMidLot() throws {
        let executable = try #require(Self.testExecutable(), "cannot find the test binary to run the writer child")
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/inspections.sqlite", ready = folder + "/ready"
        let kept = try StoreFixtures.result(lot: "KEPT", defects: 1)
        do { try InspectionStore(path: path).save(kept) }

        let child = Process()
        child.executableURL = URL(fileURLWithPath: executable)
        child.arguments = ["--testing-library", "swift-testing", "--filter", "StoreCrashTests/childWriter"]
        var environment = ProcessInfo.processInfo.environment
        environment[Self.databaseVariable] = path
        environment[Self.readyVariable] = ready
        child.environment = environment
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: ready), child.isRunning, Date() < deadline { usleep(20_000) }
        let wasMidway = FileManager.default.fileExists(atPath: ready)
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(wasMidway, "the child never reached the middle of its write")
        #expect(child.terminationReason == .uncaughtSignal && child.terminationStatus == SIGKILL)

        let store = try InspectionStore(path: path)
        #expect(try store.result(lot: "KEPT", sku: kept.sku, supplier: kept.supplier) == kept)
        #expect(try store.lots(sku: kept.sku).map(\.lot) == ["KEPT"])
        let counts = try store.counts()
        #expect(counts["lots"] == 1 && counts["units"] == 20 && counts["measurements"] == 20 * 13 && counts["defects"] == 1)
        // The store is writable again: the interrupted transaction was rolled back and its lock released.
        try store.save(StoreFixtures.result(lot: "CHILD", defects: 3, units: 40))
        #expect(try store.counts()["lots"] == 2)
    }

    /// Runs only as the child of `killedMidLot` (its environment names the database): writes a 40-unit lot
    /// and, halfway through the transaction, signals the parent and waits to be killed.
    @Test("Writer child for the SIGKILL test (does nothing in a normal run)")
    func childWriter() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let path = environment[Self.databaseVariable], let ready = environment[Self.readyVariable] else { return }
        let store = try InspectionStore(path: path)
        try store.save(StoreFixtures.result(lot: "CHILD", defects: 3, units: 40)) { written in
            guard written == 20 else { return }
            FileManager.default.createFile(atPath: ready, contents: Data("midway".utf8))
            sleep(120)
        }
    }

    /// The running test binary (Linux: /proc/self/exe; elsewhere the first argument).
    static func testExecutable() -> String? {
        if let linked = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
           FileManager.default.isExecutableFile(atPath: linked) {
            return linked
        }
        let first = CommandLine.arguments.first ?? ""
        return FileManager.default.isExecutableFile(atPath: first) ? first : nil
    }
}

import ArgumentParser
import Foundation
import Logging
import QCLots
import QCWatch

/// `qcvision watch INBOX --out OUTBOX`: the inspection station's drop folder.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Score lot folders dropped into an inbox; reports come back in an outbox.",
        discussion: """
        Inspectors copy a lot folder (lot.yaml and the photos, as for `qcvision lot score`) into INBOX. It is \\
        picked up when complete: when it holds a READY file, or when its lot.yaml exists and nothing in it \\
        changed for --settle seconds. The report appears as OUTBOX/<lot folder>/ (written under a temporary \\
        name and renamed, so it is never seen half written), the lot is recorded in the store, and the \\
        folder moves to INBOX/.done/ (or INBOX/.failed/ with an error.txt that says what to fix).

        lot.yaml names its master by name only (master: PIN-30-SE-GOLD); masters are looked up in --masters \\
        and nowhere else. A folder is scored exactly once: if the process is killed, the next start finishes \\
        or redoes the lot in hand without duplicates. One watcher per inbox (a lock file enforces it). \\
        SIGINT/SIGTERM stop it after the lot in hand.

        Examples:
          qcvision watch /srv/qc/inbox --out /srv/qc/outbox --masters /srv/qc/masters
          qcvision watch inbox --out outbox --masters masters --db qc.sqlite --settle 5
        """)

    @Argument(help: "Folder inspectors drop lot folders into.")
    var inbox: String

    @Option(help: "Folder the reports are written to.")
    var out: String

    @Option(help: "Folder of masters (NAME.qcmaster); lot.yaml's master: is looked up here only.")
    var masters = "masters"

    @Option(help: "Inspection store (SQLite) file (default: ~/.local/share/qcvision/inspections.sqlite).")
    var db: String?

    @Option(help: "Seconds a folder must stay unchanged before it is scored (when it has no READY file).")
    var settle: Double = 10

    @Option(help: "Photos compared at once (default: the machine's cores).")
    var jobs: Int?

    func validate() throws {
        if settle < 0 { throw ValidationError("--settle must not be negative") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        let logger = Logger(label: "qcvision.watch")
        let dbPath = db ?? InspectionStore.defaultPath()
        let workers = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let service = WatchService(inbox: inbox, outbox: out, masters: masters, settle: settle, logger: logger) { folder, master, report in
            let store = try InspectionStore(path: dbPath)
            let result = try LotPipeline.run(lotDirectory: folder, masterPath: master, store: store, report: report,
                                             overlays: .defective, sheet: nil, jobs: workers, progress: nil,
                                             finished: {}, say: { logger.debug("\($0)") })
            return "\(result.decision) (\(result.inspected) of \(result.sampleSize) sample units, lot \(result.lot))"
        }
        do { try service.run() } catch {
            printError("error: \(error)")
            throw CLIExit.inputFailed
        }
    }
}

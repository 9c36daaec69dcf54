import Foundation
import Logging
import QCLots
#if canImport(Glibc)
import Glibc
#endif

/// Set by SIGINT/SIGTERM: the service finishes the lot in hand and stops.
nonisolated(unsafe) private var stopRequested: sig_atomic_t = 0

/// The watch directory: inspectors drop lot folders into INBOX, reports come back in OUTBOX.
///
/// Exactly once: a complete folder is first claimed by renaming it into `INBOX/.work/` (an atomic
/// rename). The report is written under a temporary name in OUTBOX and renamed into place, the lot is
/// stored (re-storing a lot replaces it), and only then is the folder moved to `INBOX/.done/`. If the
/// process dies at any point, the folder is still in `.work/` and the next start scores it again:
/// the report and the store record are replaced, never duplicated. Failures go to `INBOX/.failed/`
/// with an `error.txt` saying what to fix.
public final class WatchService: @unchecked Sendable {
    /// Scores one claimed lot folder against `masterPath`, writes its report into `report` and stores
    /// it; returns the decision.
    public typealias LotProcessor = (_ lotDirectory: String, _ masterPath: String, _ report: String) throws -> String

    public let inbox: String
    public let outbox: String
    public let masters: String
    public let settle: TimeInterval
    let logger: Logger
    let process: LotProcessor

    public init(inbox: String, outbox: String, masters: String, settle: TimeInterval, logger: Logger, process: @escaping LotProcessor) {
        self.inbox = (inbox as NSString).standardizingPath
        self.outbox = (outbox as NSString).standardizingPath
        self.masters = (masters as NSString).standardizingPath
        self.settle = settle
        self.logger = logger
        self.process = process
    }

    var work: String { (inbox as NSString).appendingPathComponent(".work") }
    var done: String { (inbox as NSString).appendingPathComponent(".done") }
    var failed: String { (inbox as NSString).appendingPathComponent(".failed") }

    /// Runs until SIGINT or SIGTERM (checked between lots), or until `until` returns true (tests).
    public func run(until: (() -> Bool)? = nil) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: inbox, isDirectory: &isDir), isDir.boolValue else { throw WatchError.inboxMissing(inbox) }
        let lock = try InboxLock(inbox: inbox)
        for dir in [work, done, failed, outbox] { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        signal(SIGINT) { _ in stopRequested = 1 }
        signal(SIGTERM) { _ in stopRequested = 1 }
        // A parent (a service manager, a test runner) may have left these signals blocked: unblock them.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        let events = InboxEvents(inbox: inbox)
        logger.info("watching \(inbox) (\(events.usesInotify ? "inotify" : "polling"), settle \(Int(settle)) s), reports to \(outbox), masters in \(masters)")
        // A lot left in .work by a killed process is scored again first.
        for name in (try? fm.contentsOfDirectory(atPath: work))?.sorted() ?? [] where !name.hasPrefix(".") {
            logger.notice("resuming \(name) (interrupted earlier)")
            handle(name: name)
        }
        var settling = FolderSettling(settle: settle)
        while stopRequested == 0 && !(until?() ?? false) {
            let names = ((try? fm.contentsOfDirectory(atPath: inbox)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
            for name in names where stopRequested == 0 {
                let path = (inbox as NSString).appendingPathComponent(name)
                guard fm.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else { continue }
                guard settling.isReady(path) else { continue }
                settling.forget(path)
                let claimed = (work as NSString).appendingPathComponent(name)
                if rename(path, claimed) != 0 {
                    logger.error("cannot claim \(name): \(String(cString: strerror(errno)))")
                    continue
                }
                logger.info("picked up \(name)")
                handle(name: name)
            }
            events.wait(timeout: min(1, max(0.05, settle / 4)))
        }
        logger.info("stopped")
        withExtendedLifetime(lock) {}
    }

    /// Scores the claimed folder `.work/name`; moves it to .done or .failed.
    func handle(name: String) {
        let fm = FileManager.default
        let folder = (work as NSString).appendingPathComponent(name)
        do {
            let lot = try LotFile.load(lotDirectory: folder)
            let master = try resolveMaster(lot: lot, name: name, folder: folder)
            let temporary = (outbox as NSString).appendingPathComponent(".tmp-\(name)-\(getpid())")
            try? fm.removeItem(atPath: temporary)
            let decision = try process(folder, master, temporary)
            let final = (outbox as NSString).appendingPathComponent(name)
            if fm.fileExists(atPath: final) {
                let old = (outbox as NSString).appendingPathComponent(".old-\(name)-\(getpid())")
                try fm.moveItem(atPath: final, toPath: old)
                try rename(temporary, final) == 0 ? () : { throw WatchError.filesystem(path: final, reason: String(cString: strerror(errno))) }()
                try? fm.removeItem(atPath: old)
            } else if rename(temporary, final) != 0 {
                throw WatchError.filesystem(path: final, reason: String(cString: strerror(errno)))
            }
            try move(folder, into: done, name: name)
            logger.notice("scored \(name): \(decision)")
        } catch {
            let reason = "\(error)"
            let text = "\(name) was not scored:\n\n\(reason)\n\nFix this, then copy the folder into \(inbox) again.\n"
            try? text.write(toFile: (folder as NSString).appendingPathComponent("error.txt"), atomically: true, encoding: .utf8)
            try? move(folder, into: failed, name: name)
            logger.error("failed \(name): \(reason)")
        }
    }

    /// The master a watched lot names: only a master inside `masters` (no folders, '..', absolute paths
    /// or symbolic links leading out).
    func resolveMaster(lot: LotFile, name: String, folder: String) throws -> String {
        let written: String
        switch lot.master {
        case .library(let id): written = id
        case .file(let path):
            // Written as a bare name beside lot.yaml resolves into the folder itself: take the name.
            guard (path as NSString).deletingLastPathComponent == (folder as NSString).standardizingPath else {
                throw WatchError.masterOutside(lot: name, written: path, masters: masters)
            }
            written = (path as NSString).lastPathComponent
        }
        guard !written.isEmpty, !written.contains("/"), !written.contains(".."), !written.hasPrefix(".") else {
            throw WatchError.masterOutside(lot: name, written: written, masters: masters)
        }
        let id = written.hasSuffix(".qcmaster") ? String(written.dropLast(9)) : written
        let path = (masters as NSString).appendingPathComponent(id + ".qcmaster")
        guard FileManager.default.fileExists(atPath: path) else { throw WatchError.masterMissing(lot: name, path: path) }
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let realMasters = URL(fileURLWithPath: masters).resolvingSymlinksInPath().path
        guard real.hasPrefix(realMasters + "/") else { throw WatchError.masterOutside(lot: name, written: written, masters: masters) }
        return real
    }

    /// Moves `folder` into `destination`, adding -2, -3... when the name is taken.
    func move(_ folder: String, into destination: String, name: String) throws {
        let fm = FileManager.default
        var target = (destination as NSString).appendingPathComponent(name)
        var k = 2
        while fm.fileExists(atPath: target) { target = (destination as NSString).appendingPathComponent("\(name)-\(k)"); k += 1 }
        try fm.moveItem(atPath: folder, toPath: target)
    }
}

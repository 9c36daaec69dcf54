import ArgumentParser
import Foundation
import QCCalibration
import QCInspection
import QCLots
import QCSampling

/// `qcvision lot`: commands on a lot folder (lot.yaml and the unit photos).
struct LotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lot",
        abstract: "Score a whole lot of unit photos and decide it by ISO 2859-1 (AQL).",
        subcommands: [LotScoreCommand.self])
}

/// `qcvision lot score LOTDIR`: every photo against the master, the AQL decision, the defect map and
/// diagnosis, the report folder and the inspection store.
struct LotScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Compare every photo of a lot with its master and decide the lot (accept, reject, incomplete).",
        discussion: """
        LOTDIR holds lot.yaml (lot, sku, master, lot_size, po, supplier; optional inspection_level, aql, \
        counting) and the unit photos (*.jpg, *.jpeg, *.png), directly or in carton folders such as \
        carton-01/ or carton-07_line-B_2611/. Photos are compared with the master in parallel; a photo that \
        cannot be read or measured is reported and the others go on.

        The lot is decided per defect class by ISO 2859-1 single sampling (sample size from the lot size and \
        inspection level of the control sheet, overridden by lot.yaml; severity from the switching state of \
        the SKU and supplier in the store): accept, reject, or incomplete with how many more units to measure \
        and from which cartons.

        Writes a report folder (report.json, defects.csv, overlays/ of the defective units, report.html) \
        beside the lot unless --report says where, and stores the lot in the inspection store (re-scoring replaces it).

        Exit codes: 0 accepted, 3 rejected, 1 incomplete or some photos could not be measured.

        Examples:
          qcvision lot score lots/L2611-A
          qcvision lot score lots/L2611-A --json > L2611-A.json
          qcvision lot score lots/L2611-A --report /tmp/L2611-A-report --db qc.sqlite --jobs 4
        """)

    @Argument(help: "Lot folder with lot.yaml and the photos.")
    var lotDirectory: String

    @Flag(help: "Print the result as JSON (schema qcvision.lot.v1) instead of text.")
    var json = false

    @Option(help: "Report folder to write (default: beside the lot, <LOTDIR>-report).")
    var report: String?

    @Flag(help: "Do not write a report folder.")
    var noReport = false

    @Flag(help: "Copy the overlay image of every unit into the report (default: defective units only).")
    var allOverlays = false

    @Option(help: "Inspection store (SQLite) to record the lot in (default: ~/.local/share/qcvision/inspections.sqlite).")
    var db: String?

    @Flag(help: "Do not record the lot in the inspection store.")
    var noStore = false

    @Option(help: "Photos compared at once (default: the machine's cores).")
    var jobs: Int?

    @Option(help: "Control sheet (YAML) to judge the lot by (default: the master's sheet.yaml).")
    var sheet: String?

    @Option(help: "Folder of masters for lot.yaml's that name a master by id (default: ~/.local/share/qcvision/masters).")
    var masterLibrary: String?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if noReport && report != nil { throw ValidationError("--no-report and --report contradict each other") }
        if noStore && db != nil { throw ValidationError("--no-store and --db contradict each other") }
    }

    func run() throws {
        let result: LotResult
        do {
            let library = masterLibrary ?? MasterReference.defaultLibrary()
            let lot = try LotFile.load(lotDirectory: lotDirectory)
            let progress = ProgressDisplay()
            result = try LotPipeline.run(
                lotDirectory: lotDirectory, masterPath: lot.master.resolvedPath(library: library),
                store: noStore ? nil : try InspectionStore(path: db ?? InspectionStore.defaultPath()),
                report: noReport ? nil : (report ?? ReportWriter.defaultDirectory(lotDirectory: lotDirectory)),
                overlays: allOverlays ? .all : .defective, sheet: sheet,
                jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                progress: progress.update, finished: progress.finish, say: printError)
        } catch {
            printError("error: \(error)")
            throw CLIExit.inputFailed
        }
        if json { print(String(decoding: try result.jsonData(), as: UTF8.self)) } else { print(LotSummary.text(result)) }
        if result.decision == "reject" { throw CLIExit.rejected }
        if result.decision == "incomplete" || result.failed > 0 { throw CLIExit.inputFailed }
    }
}

/// One lot scored end to end: policy from the sheet and lot.yaml, severity from the store's switching
/// state, every photo compared, the report folder written and the lot stored. Used by `lot score` and
/// by `watch`.
enum LotPipeline {
    static func run(lotDirectory: String, masterPath: String, store: InspectionStore?, report: String?,
                    overlays: ReportWriter.OverlaySelection, sheet: String?, jobs: Int,
                    progress: LotScorer.ProgressHandler?, finished: () -> Void, say: (String) -> Void) throws -> LotResult {
        let lot = try LotFile.load(lotDirectory: lotDirectory)
        let folder = try LotFolder.scan(lotDirectory)
        var policy = try makePolicy(lot: lot, masterPath: masterPath, sheetPath: sheet)
        if let store {
            let rules = try store.switchingRules(forLot: lot.lot, sku: lot.sku, supplier: lot.supplier)
            guard let severity = rules.status.severity else {
                throw LotCommandError.discontinued(sku: lot.sku, supplier: lot.supplier)
            }
            policy.severity = severity
        }
        let baseline = try store?.baseline(sku: lot.sku, excludingLot: lot.lot, supplier: lot.supplier)
        let scorer = try makeScorer(masterPath: masterPath, overlays: overlays)
        var scored = try LotEvaluation.score(lot: lot, folder: folder, policy: policy, jobs: jobs,
                                             scorer: scorer, progress: progress, baseline: baseline)
        finished()
        defer { try? FileManager.default.removeItem(atPath: UnitScore.scratchDirectory) }
        if let report {
            scored = try ReportWriter.write(scored, to: report, overlays: overlays)
            say("report: \((report as NSString).appendingPathComponent("report.html"))")
        }
        if let store {
            let outcome = try store.save(scored)
            say("stored in \(store.path)" + (outcome.replaced ? " (replacing the earlier scoring of this lot)" : "")
                + "; next lot of \(lot.sku) from \(lot.supplier): \(outcome.switching.status) inspection")
        }
        return scored
    }
}

// MARK: - wiring

/// The comparison engine for one lot's master: a function from a photo path to its `UnitScore`.
/// The master is loaded once; the closure is called from several threads at once and keeps no decoded
/// images. It draws only the overlays the report will keep (`overlays`: defective units by default);
/// they are copied into the report's `overlays/` and the scratch folder removed.
func makeScorer(masterPath: String, overlays: ReportWriter.OverlaySelection) throws -> UnitScorer {
    let master = try MeasuredMaster.load(masterPath)
    let definition = try RulerDefinition.load(named: "mm", from: "Calibration/rulers")
    let inspector = Inspector(master: master, detector: RulerDetector(definition: definition))
    return { photo in
        guard overlays != .none else { return UnitScore(try inspector.compare(photo: photo)) }
        let overlay = try UnitScore.scratchOverlayPath(for: photo)
        let result = try inspector.compare(photo: photo, overlay: overlay) { overlays == .all || !$0.defects.isEmpty }
        return UnitScore(result, overlayPath: FileManager.default.fileExists(atPath: overlay) ? overlay : nil)
    }
}

/// The lot's policy: the control sheet's inspection level, AQLs and dispositions (the sheet from --sheet or
/// the master's `sheet.yaml`), overridden by lot.yaml.
func makePolicy(lot: LotFile, masterPath: String, sheetPath: String?) throws -> LotPolicy {
    let path = sheetPath ?? (masterPath as NSString).appendingPathComponent("sheet.yaml")
    let sheet = try ControlSheet.load(path: path)
    if sheet.sku != lot.sku {
        printError("warning: the control sheet \(path) is for \(sheet.sku), the lot for \(lot.sku)")
    }
    guard let aqls = sheet.aql ?? lot.aqlOverride else { throw LotCommandError.noAQL(sheet: path, lotFile: lot.path) }
    let base = LotPolicy(level: sheet.inspectionLevel, aqls: aqls,
                         dispositions: sheet.dispositions.mapValues(\.rawValue))
    return base.applying(lot)
}

/// Errors of `qcvision lot score` beyond the lot's own.
enum LotCommandError: Error, CustomStringConvertible {
    case noAQL(sheet: String, lotFile: String)
    case discontinued(sku: String, supplier: String)

    var description: String {
        switch self {
        case .noAQL(let sheet, let lotFile):
            return "no AQL for this lot: add aql: {critical: 0, major: 2.5, minor: 4.0} to the control sheet \(sheet) "
                + "or aql: to \(lotFile)"
        case .discontinued(let sku, let supplier):
            return "inspection of \(sku) from \(supplier) is discontinued (ISO 2859-1 clause 9.4: 5 lots not accepted "
                + "on tightened inspection); resume only after the supplier's corrective action"
        }
    }
}

/// Draws scoring progress on standard error: a bar redrawn in place on a terminal, plain lines otherwise.
final class ProgressDisplay: @unchecked Sendable {
    private let lock = NSLock()
    private let interactive = isatty(STDERR_FILENO) != 0
    private var drewBar = false

    /// The progress callback for `LotScorer`.
    var update: LotScorer.ProgressHandler {
        { [self] progress in self.draw(progress) }
    }

    private func draw(_ p: ScoringProgress) {
        lock.lock(); defer { lock.unlock() }
        if interactive {
            let width = 30, filled = p.total > 0 ? width * p.done / p.total : width
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let failures = p.failures > 0 ? " (\(p.failures) failed)" : ""
            var line = "\r\(bar) \(p.done)/\(p.total)\(failures) \(p.photo)"
            if line.count > 110 { line = String(line.prefix(110)) }
            FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
            drewBar = true
        } else {
            printError("\(p.failed ? "failed" : "scored") \(p.done)/\(p.total) \(p.photo)")
        }
    }

    /// Ends the bar's line.
    func finish() {
        lock.lock(); defer { lock.unlock() }
        if drewBar { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

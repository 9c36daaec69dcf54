import ArgumentParser
import Foundation
import QCLots

/// `qcvision history --sku SKU`: past lots of a SKU with their decisions and the trend of each measurement.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show past lots of a SKU: decisions and the lot-over-lot trend of each measurement.",
        discussion: """
        Reads the inspection store written by `qcvision lot score`: each lot of the SKU (oldest first) with \
        its decision, defective units and the lot medians of plating ΔE00, border min, width, height and \
        fill boundary shift, then the trend of each (↑ ↓ →: the latest lot against the earlier lots' median), \
        the masters used and the switching state per supplier.

        Examples:
          qcvision history --sku PIN-R30-GLD
          qcvision history --sku PIN-R30-GLD --supplier "Dongguan Bright Metal Co." --json
        """)

    @Option(help: "The SKU.")
    var sku: String

    @Option(help: "Only lots from this supplier.")
    var supplier: String?

    @Option(help: "Inspection store (SQLite) (default: ~/.local/share/qcvision/inspections.sqlite).")
    var db: String?

    @Flag(help: "Print JSON (schema qcvision.history.v1) instead of text.")
    var json = false

    func run() throws {
        let history: History
        do {
            let path = db ?? InspectionStore.defaultPath()
            guard FileManager.default.fileExists(atPath: path) else {
                printError("error: no inspection store at \(path); score a lot first or give --db")
                throw CLIExit.inputFailed
            }
            history = try History.load(from: InspectionStore(path: path), sku: sku, supplier: supplier)
        } catch let error as StoreError {
            printError("error: \(error)")
            throw CLIExit.inputFailed
        }
        if json { print(String(decoding: try history.jsonData(), as: UTF8.self)) } else { print(history.text()) }
    }
}

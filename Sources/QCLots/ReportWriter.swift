import Foundation

/// Writes a lot's report folder:
///
/// - `report.json`: the `qcvision.lot.v1` result, overlay paths relative to the folder;
/// - `defects.csv`: one row per defect;
/// - `overlays/`: the overlay images of the defective units (or of all units, or none: `OverlaySelection`),
///   copied from where the scorer wrote them, named after the photo (`carton-02__u-013.png`);
/// - `report.html`: the page for people, referencing `overlays/`.
public enum ReportWriter {
    /// Which units' overlay images go into the report folder.
    public enum OverlaySelection: String, Sendable, CaseIterable {
        /// Only units with a defect (the gallery's evidence); keeps reports of large lots small.
        case defective
        case all
        case none
    }

    /// The report folder used without `--report`: beside the lot folder, named `<lot folder>-report`.
    public static func defaultDirectory(lotDirectory: String) -> String {
        var path = (lotDirectory as NSString).standardizingPath
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path + "-report"
    }

    /// Writes the folder and returns the result as written (overlay paths rewritten to `overlays/...`; nil for
    /// units whose overlay is not copied or whose file the scorer did not write).
    @discardableResult
    public static func write(_ result: LotResult, to directory: String,
                             overlays selection: OverlaySelection = .defective) throws(LotError) -> LotResult {
        let fm = FileManager.default
        let overlays = (directory as NSString).appendingPathComponent("overlays")
        var written = result
        do {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
            // A previous report's overlays are replaced, never mixed with this run's.
            if fm.fileExists(atPath: (directory as NSString).appendingPathComponent("report.json")),
               fm.fileExists(atPath: overlays) {
                try fm.removeItem(atPath: overlays)
            }
            var used = Set<String>()
            var missing: [String] = []
            for index in written.units.indices {
                guard let source = written.units[index].overlayPath else { continue }
                let wanted = selection == .all || (selection == .defective && written.units[index].isDefective)
                guard wanted else {
                    written.units[index].overlayPath = nil
                    continue
                }
                guard fm.fileExists(atPath: source) else {
                    missing.append(written.units[index].photo)
                    written.units[index].overlayPath = nil
                    continue
                }
                if used.isEmpty { try fm.createDirectory(atPath: overlays, withIntermediateDirectories: true) }
                let name = overlayName(photo: written.units[index].photo, source: source, used: &used)
                let target = (overlays as NSString).appendingPathComponent(name)
                try fm.copyItem(atPath: source, toPath: target)
                written.units[index].overlayPath = "overlays/" + name
            }
            if !missing.isEmpty {
                written.notes.append("\(missing.count) overlay image(s) named by the scorer were missing: "
                    + missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? ", ..." : ""))
            }
            try written.jsonData().write(to: url(directory, "report.json"), options: .atomic)
            try Data(DefectsCSV.render(written).utf8).write(to: url(directory, "defects.csv"), options: .atomic)
            try Data(ReportHTML.render(written).utf8).write(to: url(directory, "report.html"), options: .atomic)
        } catch {
            throw .reportUnwritable(path: directory, reason: error.localizedDescription)
        }
        return written
    }

    /// `carton-02/u-013.jpg` with a `.png` overlay → `carton-02__u-013.png`; characters other than letters,
    /// digits, `-`, `_` and `.` become `_`; a number is added when two photos map to the same name.
    public static func overlayName(photo: String, source: String, used: inout Set<String>) -> String {
        let ext = (source as NSString).pathExtension.isEmpty ? "png" : (source as NSString).pathExtension.lowercased()
        let stem = (photo as NSString).deletingPathExtension.replacingOccurrences(of: "/", with: "__")
        let safe = String(stem.unicodeScalars.map { scalar -> Character in
            let c = Character(scalar)
            return (scalar.isASCII && (c.isLetter || c.isNumber)) || c == "-" || c == "_" || c == "." ? c : "_"
        })
        let base = safe.isEmpty || safe.hasPrefix(".") ? "unit" + safe : safe
        var name = base + "." + ext
        var counter = 2
        while used.contains(name) { name = "\(base)-\(counter).\(ext)"; counter += 1 }
        used.insert(name)
        return name
    }

    private static func url(_ directory: String, _ name: String) -> URL {
        URL(fileURLWithPath: (directory as NSString).appendingPathComponent(name))
    }
}

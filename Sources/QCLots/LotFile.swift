import Foundation
import QCConfig
import QCSampling

/// The lot description, `LOTDIR/lot.yaml`: which lot, SKU, master, lot size, PO and supplier, with optional
/// overrides of the control sheet's inspection level, AQLs and counting mode.
///
/// ```yaml
/// lot: L2611-A
/// sku: PIN-R30-GLD
/// master: ../masters/PIN-R30-GLD.qcmaster   # relative to lot.yaml, or an id in the master library
/// lot_size: 1000
/// po: PO-88121
/// supplier: Dongguan Bright Metal Co.
/// inspection_level: I                       # optional
/// aql: {major: 1.5}                         # optional, per class (or one bare AQL)
/// counting: nonconforming_units             # optional; or nonconformities
/// ```
/// Every validation error names the key and its line.
public struct LotFile: Sendable, Hashable {
    /// The file name looked for in a lot folder.
    public static let fileName = "lot.yaml"
    /// Keys a lot file may contain.
    public static let allowedKeys: Set<String> = [
        "lot", "sku", "master", "lot_size", "po", "supplier", "inspection_level", "aql", "counting",
    ]

    public var lot: String
    public var sku: String
    public var master: MasterReference
    public var lotSize: Int
    public var po: String
    public var supplier: String
    /// Overrides the control sheet's inspection level.
    public var inspectionLevel: InspectionLevel?
    /// Overrides the control sheet's AQLs: per class (merged into the sheet's) or one bare AQL (replaces them).
    public var aqlOverride: AQLSpecification?
    /// Overrides the control sheet's counting mode.
    public var counting: CountingMode?
    /// Where the file was read from (empty when built in code).
    public var path: String

    public init(lot: String, sku: String, master: MasterReference, lotSize: Int, po: String, supplier: String,
                inspectionLevel: InspectionLevel? = nil, aqlOverride: AQLSpecification? = nil,
                counting: CountingMode? = nil, path: String = "") {
        self.lot = lot; self.sku = sku; self.master = master; self.lotSize = lotSize; self.po = po
        self.supplier = supplier; self.inspectionLevel = inspectionLevel; self.aqlOverride = aqlOverride
        self.counting = counting; self.path = path
    }

    /// Reads `LOTDIR/lot.yaml`.
    public static func load(lotDirectory: String) throws(LotError) -> LotFile {
        try load(path: (lotDirectory as NSString).appendingPathComponent(fileName))
    }

    /// Reads a lot file.
    public static func load(path: String) throws(LotError) -> LotFile {
        guard FileManager.default.fileExists(atPath: path) else {
            throw .lotFile(YAMLError(file: path, line: nil,
                                     message: "no lot file; write lot.yaml with lot, sku, master, lot_size, po and supplier"))
        }
        do {
            return try parse(YAMLValue.load(path: path), path: path)
        } catch {
            throw .lotFile(error)
        }
    }

    /// Parses lot-file text; `file` is the path used in messages and to resolve a relative master path.
    public static func parse(_ text: String, file: String) throws(LotError) -> LotFile {
        do {
            return try parse(YAMLValue.parse(text, file: file), path: file)
        } catch {
            throw .lotFile(error)
        }
    }

    private static func parse(_ root: YAMLValue, path: String) throws(YAMLError) -> LotFile {
        let object = try root.mapping(allowed: allowedKeys, what: "lot.yaml")
        let lot = try nonEmpty(object, "lot")
        let sku = try nonEmpty(object, "sku")
        let masterText = try nonEmpty(object, "master")
        let lotSize = try object.int("lot_size")
        guard lotSize >= 1 else {
            throw object.error(at: "lot_size", "'lot_size' must be the number of units in the lot (at least 1), not \(lotSize)")
        }
        let po = try nonEmpty(object, "po")
        let supplier = try nonEmpty(object, "supplier")

        var level: InspectionLevel?
        if let value = object.optional("inspection_level") {
            let text = try value.string(what: "'inspection_level'")
            do { level = try InspectionLevel(parsing: text) } catch {
                throw object.error(at: "inspection_level", "'inspection_level': \(error.description)")
            }
        }
        let aql = try object.optional("aql").map { value throws(YAMLError) in try parseAQL(value, in: object) }
        var counting: CountingMode?
        if object.has("counting") {
            let text = try object.string("counting")
            guard let mode = parseCounting(text) else {
                throw object.error(at: "counting",
                                   "'counting' must be nonconforming_units or nonconformities, not '\(text)'")
            }
            counting = mode
        }
        let directory = (path as NSString).deletingLastPathComponent
        return LotFile(lot: lot, sku: sku, master: MasterReference(written: masterText, relativeTo: directory),
                       lotSize: lotSize, po: po, supplier: supplier, inspectionLevel: level, aqlOverride: aql,
                       counting: counting, path: path)
    }

    /// Reads `nonconforming_units` (also `units`) or `nonconformities`.
    public static func parseCounting(_ text: String) -> CountingMode? {
        switch text.lowercased().trimmingCharacters(in: .whitespaces) {
        case "nonconforming_units", "nonconforming-units", "units": return .nonconformingUnits
        case "nonconformities": return .nonconformities
        default: return nil
        }
    }

    private static func nonEmpty(_ object: YAMLObject, _ key: String) throws(YAMLError) -> String {
        let text = try object.string(key).trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw object.error(at: key, "'\(key)' must not be empty") }
        return text
    }

    /// `aql: {major: 1.5}` (per class) or `aql: 2.5` (one AQL for all defects).
    private static func parseAQL(_ value: YAMLValue, in parent: YAMLObject) throws(YAMLError) -> AQLSpecification {
        if !value.isMapping {
            let text = try value.string(what: "'aql'")
            do { return .single(try AQL(parsing: text)) } catch {
                throw parent.error(at: "aql", "'aql': \(error.description)")
            }
        }
        let classes = try value.mapping(allowed: Set(DefectClass.allCases.map(\.rawValue)), what: "'aql'")
        var map: [DefectClass: AQL] = [:]
        for key in classes.keys {
            guard let defectClass = DefectClass(rawValue: key) else { continue }
            let text = try classes.string(key)
            do { map[defectClass] = try AQL(parsing: text) } catch {
                throw classes.error(at: key, "'aql.\(key)': \(error.description)")
            }
        }
        guard !map.isEmpty else {
            throw parent.error(at: "aql", "'aql' lists no class; write for example aql: {major: 1.5}")
        }
        return .perClass(map)
    }
}

/// Which master a lot is judged against: a file (resolved against the lot file's folder) or an id in the
/// master library.
public enum MasterReference: Sendable, Hashable, CustomStringConvertible {
    /// A master file; the path is as resolved (joined with the lot file's folder when relative).
    case file(path: String)
    /// A master kept in the library under this id.
    case library(id: String)

    /// Reads `master:` as written: a value with a path separator, a `.qcmaster` extension, or naming an
    /// existing file beside lot.yaml is a file; anything else is a library id.
    public init(written text: String, relativeTo directory: String) {
        let joined = text.hasPrefix("/") ? text : (directory as NSString).appendingPathComponent(text)
        let resolved = (joined as NSString).standardizingPath
        if text.contains("/") || text.lowercased().hasSuffix(".qcmaster")
            || FileManager.default.fileExists(atPath: resolved) {
            self = .file(path: resolved)
        } else {
            self = .library(id: text)
        }
    }

    /// The master's folder: the file path as resolved, or `<library>/<id>.qcmaster` for a library id.
    public func resolvedPath(library: String) -> String {
        switch self {
        case .file(let path): return path
        case .library(let id): return (library as NSString).appendingPathComponent(id + ".qcmaster")
        }
    }

    /// The master library: `$XDG_DATA_HOME/qcvision/masters`, else `~/.local/share/qcvision/masters`.
    public static func defaultLibrary(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let store = InspectionStore.defaultPath(environment: environment)
        return ((store as NSString).deletingLastPathComponent as NSString).appendingPathComponent("masters")
    }

    /// The path or the id, for reports and the store.
    public var description: String {
        switch self {
        case .file(let path): return path
        case .library(let id): return "library:\(id)"
        }
    }
}

import Foundation
import QCLots
import QCSampling
import Testing

@Suite("lot.yaml")
struct LotFileTests {
    static let valid = """
        lot: L2611-A                      # lot id
        sku: PIN-R30-GLD
        master: ../masters/PIN-R30-GLD.qcmaster
        lot_size: 1000
        po: PO-88121
        supplier: Dongguan Bright Metal Co.
        inspection_level: I
        aql: {major: 1.5}
        counting: nonconformities
        """

    @Test("A full lot file is read, the master resolved against the lot folder")
    func readsEverything() throws {
        let lot = try LotFile.parse(Self.valid, file: "/lots/L2611-A/lot.yaml")
        #expect(lot.lot == "L2611-A")
        #expect(lot.sku == "PIN-R30-GLD")
        #expect(lot.master == .file(path: "/lots/masters/PIN-R30-GLD.qcmaster"))
        #expect(lot.lotSize == 1000)
        #expect(lot.po == "PO-88121")
        #expect(lot.supplier == "Dongguan Bright Metal Co.")
        #expect(lot.inspectionLevel == .i)
        #expect(lot.aqlOverride == .perClass([.major: try AQL(1.5)]))
        #expect(lot.counting == .nonconformities)
    }

    @Test("A bare master name is a library id; overrides merge into the sheet's AQLs")
    func libraryAndOverrides() throws {
        let lot = try LotFile.parse("""
            lot: L1
            sku: S
            master: PIN-R30-GLD
            lot_size: 500
            po: P
            supplier: X
            aql: {major: 1.5}
            """, file: "/nowhere/lot.yaml")
        #expect(lot.master == .library(id: "PIN-R30-GLD"))
        let policy = LotPolicy.standard.applying(lot)
        #expect(policy.aqls == .perClass([.critical: .zero, .major: try AQL(1.5), .minor: try AQL(4.0)]))
        #expect(policy.level == .ii)
        #expect(policy.counting == .nonconformingUnits)
    }

    /// Line, message and full text of the error for `text`, which must fail with a lot-file error.
    static func error(_ text: String) -> (line: Int?, message: String, description: String)? {
        do {
            _ = try LotFile.parse(text, file: "lot.yaml")
            return nil
        } catch {
            if case .lotFile(let yaml) = error { return (yaml.line, yaml.message, error.description) }
            return nil
        }
    }

    static let base = ["lot: L1", "sku: S", "master: m.qcmaster", "lot_size: 1000", "po: P", "supplier: X"]

    @Test("Validation errors name the key and its line", arguments: [
        (3, "lot_size: many", "lot_size", 4),
        (3, "lot_size: 0", "lot_size", 4),
        (6, "inspection_level: IV", "inspection_level", 7),
        (6, "aql: {major: 1.7}", "aql.major", 7),
        (6, "aql: {mayor: 1.5}", "mayor", 7),
        (6, "counting: per_unit", "counting", 7),
        (6, "colour: gold", "colour", 7),
        (0, "lot: ''", "lot", 1),
    ])
    func errorsNameKeyAndLine(index: Int, line: String, key: String, expectedLine: Int) throws {
        var lines = Self.base
        if index < lines.count { lines[index] = line } else { lines.append(line) }
        let error = try #require(Self.error(lines.joined(separator: "\n")))
        #expect(error.line == expectedLine, "\(error.description)")
        #expect(error.message.contains(key), "\(error.description)")
        #expect(error.description.hasPrefix("lot.yaml:\(expectedLine): "))
    }

    @Test("A missing required key is named")
    func missingKey() throws {
        let error = try #require(Self.error(Self.base.filter { !$0.hasPrefix("supplier") }.joined(separator: "\n")))
        #expect(error.message.contains("missing required key 'supplier'"))
    }

    @Test("A missing lot.yaml says what to write")
    func missingFile() {
        #expect(throws: LotError.self) { try LotFile.load(lotDirectory: "/definitely/not/here") }
    }
}

import Testing
import QCConfig

struct YAMLValueTests {
    let text = """
    sku: PIN-30
    checks:
      border_width_mm: {nominal: 0.80, tolerance: 0.10}
      tiers: [{max: 2.0}, {max: 4.0}]
    count: 3
    """

    @Test func readsNestedValuesWithTypes() throws {
        let root = try YAMLValue.parse(text, file: "s.yaml").mapping(allowed: ["sku", "checks", "count"])
        #expect(try root.string("sku") == "PIN-30")
        #expect(try root.int("count") == 3)
        let checks = try root.value("checks").mapping(allowed: ["border_width_mm", "tiers"])
        let border = try checks.value("border_width_mm").mapping(allowed: ["nominal", "tolerance"])
        #expect(try border.double("nominal") == 0.80)
        let tiers = try checks.value("tiers").sequence()
        #expect(tiers.count == 2)
        #expect(try tiers[1].mapping(allowed: ["max"]).double("max") == 4.0)
    }

    @Test func unknownKeyNamesItsLine() throws {
        let root = try YAMLValue.parse(text, file: "s.yaml")
        #expect(throws: YAMLError(file: "s.yaml", line: 2,
                                  message: "unknown key 'checks' in the sheet; allowed: count, sku")) {
            try root.mapping(allowed: ["sku", "count"], what: "the sheet")
        }
    }

    @Test func wrongTypeNamesTheKeyAndLine() throws {
        let root = try YAMLValue.parse("a: 1\nb: twelve\n", file: "t.yaml").mapping(allowed: ["a", "b"])
        #expect(throws: YAMLError(file: "t.yaml", line: 2, message: "'b' must be a number")) { try root.double("b") }
        #expect(throws: YAMLError.self) { try root.string("c") }
    }

    @Test func malformedYAMLIsAnErrorWithALine() {
        #expect { try YAMLValue.parse("a: [1, 2\nb: 3\n", file: "bad.yaml") } throws: { error in
            guard let e = error as? YAMLError else { return false }
            return e.line != nil && e.description.hasPrefix("bad.yaml:")
        }
        #expect(throws: YAMLError.self) { try YAMLValue.parse("", file: "empty.yaml") }
    }
}

import Foundation
import Testing
import QCSampling

@Suite("AQL values and the --aql argument")
struct AQLTests {
    @Test("Every standard AQL parses to its column, in any common spelling")
    func standardValues() throws {
        #expect(AQL.standard.count == 26)
        for (column, label) in AQL.standardLabels.enumerated() {
            let aql = try AQL(parsing: label)
            #expect(aql.column == column)
            #expect(aql.label == label)
            #expect(try AQL(aql.value) == aql)
        }
        #expect(try AQL(parsing: "2.50").label == "2.5")
        #expect(try AQL(parsing: "4").label == "4.0")
        #expect(try AQL(parsing: ".65").label == "0.65")
        #expect(try AQL(parsing: "0.01").label == "0.010")
        #expect(try AQL(parsing: " 1.5% ").label == "1.5")
        #expect(try AQL(parsing: "1e3").label == "1000")
    }

    @Test("AQL 0 is zero acceptance")
    func zero() throws {
        #expect(try AQL(parsing: "0") == .zero)
        #expect(try AQL(parsing: "0.0").isZeroAcceptance)
        #expect(AQL.zero.label == "0")
        #expect(AQL.zero.oneStepTighter == nil)
    }

    @Test("A non-standard AQL is an error that lists the standard values", arguments: ["3.0", "2", "0.1%x", "-1", "abc", "", "0.005", "1500", "nan"])
    func nonStandard(text: String) {
        do {
            _ = try AQL(parsing: text)
            Issue.record("'\(text)' should not parse")
        } catch {
            #expect(error == .nonStandardAQL(text))
            let message = error.description
            #expect(message.contains("'\(text)' is not a standard AQL"))
            for label in AQL.standardLabels { #expect(message.contains(label)) }
        }
    }

    @Test("One step tighter walks one column left")
    func tighter() throws {
        #expect(try AQL(parsing: "2.5").oneStepTighter?.label == "1.5")
        #expect(try AQL(parsing: "1.0").oneStepTighter?.label == "0.65")
        #expect(try AQL(parsing: "0.010").oneStepTighter == nil)
        #expect(try AQL(parsing: "0.65") < AQL(parsing: "1.0"))
        #expect(AQL.zero < AQL.standard[0])
    }

    @Test("AQL encodes as its number")
    func codable() throws {
        let data = try JSONEncoder().encode([AQL(parsing: "2.5"), .zero, AQL(parsing: "0.065")])
        #expect(String(decoding: data, as: UTF8.self) == "[2.5,0,0.065]")
        let back = try JSONDecoder().decode([AQL].self, from: data)
        #expect(back.map(\.label) == ["2.5", "0", "0.065"])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([AQL].self, from: Data("[3]".utf8)) }
    }

    @Test("AQL lists per class")
    func perClass() throws {
        let spec = try AQLSpecification(parsing: "critical=0,major=2.5,minor=4.0")
        guard case .perClass(let map) = spec else {
            Issue.record("expected a per-class list")
            return
        }
        #expect(map[.critical] == .zero)
        #expect(map[.major]?.label == "2.5")
        #expect(map[.minor]?.label == "4.0")
        #expect(spec.classes == [.critical, .major, .minor])
        #expect(spec.description == "critical=0,major=2.5,minor=4.0")

        let spaced = try AQLSpecification(parsing: " Minor : 6.5 ; MAJOR = 1.5 ")
        #expect(spaced.description == "major=1.5,minor=6.5")

        #expect(try AQLSpecification(parsing: "2.5") == .single(AQL(parsing: "2.5")))
    }

    @Test("Malformed AQL lists are errors")
    func malformed() {
        #expect(throws: SamplingError.malformedAQLList("major=")) { try AQLSpecification(parsing: "major=") }
        #expect(throws: SamplingError.malformedAQLList("=2.5")) { try AQLSpecification(parsing: "=2.5") }
        #expect(throws: SamplingError.malformedAQLList("major=2.5=4")) { try AQLSpecification(parsing: "major=2.5=4") }
        #expect(throws: SamplingError.unknownDefectClass("cosmetic")) { try AQLSpecification(parsing: "cosmetic=2.5") }
        #expect(throws: SamplingError.duplicateDefectClass(.major)) { try AQLSpecification(parsing: "major=2.5,maj=4.0") }
        #expect(throws: SamplingError.nonStandardAQL("3")) { try AQLSpecification(parsing: "major=3") }
        #expect(throws: SamplingError.emptyAQLList) { try AQLSpecification(parsing: "  ") }
        #expect(throws: SamplingError.emptyAQLList) { try AQLSpecification(parsing: ",;") }
        #expect(throws: SamplingError.malformedAQLList("2.5,4.0")) { try AQLSpecification(parsing: "2.5,4.0") }
    }

    @Test("Levels, severities, editions and classes parse their usual spellings")
    func otherArguments() throws {
        #expect(try InspectionLevel(parsing: "s-4") == .s4)
        #expect(try InspectionLevel(parsing: "S4") == .s4)
        #expect(try InspectionLevel(parsing: "ii") == .ii)
        #expect(try InspectionLevel(parsing: "G-3") == .iii)
        #expect(throws: SamplingError.unknownInspectionLevel("IV")) { try InspectionLevel(parsing: "IV") }
        #expect(try InspectionSeverity(parsing: "Tightened") == .tightened)
        #expect(throws: SamplingError.unknownSeverity("loose")) { try InspectionSeverity(parsing: "loose") }
        #expect(try SamplingEdition(parsing: "z14") == .z14)
        #expect(try SamplingEdition(parsing: "Z1.4") == .z14)
        #expect(try SamplingEdition(parsing: "ISO 2859-1:1999") == .iso2859_1)
        #expect(throws: SamplingError.unknownEdition("jis")) { try SamplingEdition(parsing: "jis") }
        #expect(try DefectClass(parsing: "Critical") == .critical)
        #expect(SamplingError.unknownEdition("jis").description.contains("z14"))
    }
}

import Foundation
import Testing
import QCTestSupport
import QCCalibration

struct RulerDefinitionTests {
    static let rulers = TestData.packageRoot.appendingPathComponent("Calibration/rulers").path

    @Test func shippedDefaultEqualsTheBuiltInOne() throws {
        let mm = try RulerDefinition.load(named: "mm", from: Self.rulers)
        #expect(mm == .standard)
    }

    @Test func everyShippedDefinitionParses() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.rulers).filter { $0.hasSuffix(".yaml") }
        #expect(names.count >= 4)
        for name in names {
            let def = try RulerDefinition.load(named: String(name.dropLast(5)), from: Self.rulers)
            #expect(def.name == String(name.dropLast(5)))
        }
        #expect(try RulerDefinition.load(named: "inch-eighths", from: Self.rulers).pitchMM == 3.175)
    }

    @Test func errorsNameTheLine() {
        let text = "name: x\npitch_mm: 1\npolarity: sideways\n"
        #expect(throws: CalibrationError.definition(file: "r.yaml", line: 3,
                                                    reason: "polarity must be one of dark_on_light, light_on_dark, auto")) {
            try RulerDefinition.parse(yaml: text, file: "r.yaml")
        }
        #expect { try RulerDefinition.parse(yaml: "name: x\npitch: 1\n", file: "r.yaml") } throws: { error in
            guard case .definition(_, let line, let reason) = error as? CalibrationError else { return false }
            return line == 2 && reason.contains("unknown key 'pitch'")
        }
        #expect { try RulerDefinition.parse(yaml: "name: x\npitch_mm: -2\n", file: "r.yaml") } throws: { error in
            guard case .definition(_, let line, _) = error as? CalibrationError else { return false }
            return line == 2
        }
    }

    @Test func unknownRulerListsTheAvailableOnes() {
        #expect { try RulerDefinition.load(named: "furlong", from: Self.rulers) } throws: { error in
            guard case .unknownRuler(_, let available) = error as? CalibrationError else { return false }
            return available.contains("mm") && available.contains("inch-eighths")
        }
    }
}

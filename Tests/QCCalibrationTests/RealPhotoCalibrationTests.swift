import Foundation
import Testing
import QCTestSupport
import QCCalibration
import QCImage

/// Real photographs with real rulers (../shared/testdata/photos; scales from its SOURCES.md, ±2 %).
@Suite(.enabled(if: TestData.available, TestData.skipNote))
struct RealPhotoCalibrationTests {
    func calibrate(_ rel: String, ruler: RulerDefinition = .standard) throws -> RulerCalibration {
        let path = TestData.path("photos/\(rel)")
        let image = try PhotoDecoder().decode(file: path).image
        return try RulerDetector(definition: ruler).calibrate(image, file: path)
    }

    @Test(arguments: [("sqed/lep_stage.jpg", 18.4), ("sqed/frost_stage.jpg", 15.9), ("sqed/frost_7_slot.jpg", 54.7),
                      ("sqed/inhs_7_slot.jpg", 17.6), ("sqed/CrossyGreenLinesSpecimen.jpg", 13.8)])
    func millimetreRulersAreFound(file: String, pxPerMM: Double) throws {
        let r = try calibrate(file)
        #expect(abs(r.pxPerMM / pxPerMM - 1) < 0.02, "\(file): \(r.pxPerMM)")
        #expect(r.longTickEvery == 5, "\(file)")
        #expect(r.uncertaintyPct < 0.2)
    }

    @Test func bothPolaritiesAreRecognised() throws {
        #expect(try calibrate("sqed/frost_stage.jpg").polarity == .darkOnLight)
        #expect(try calibrate("sqed/lep_stage.jpg").polarity == .lightOnDark)
    }

    @Test func lowResolutionAndCutRulersWarn() throws {
        let crossy = try calibrate("sqed/CrossyGreenLinesSpecimen.jpg")
        #expect(crossy.warnings.contains { $0.contains("below the 15 px/mm") })
        let cut = try calibrate("sqed/frost_7_slot.jpg")
        #expect(cut.warnings.contains { $0.contains("runs off the frame") })
    }

    @Test func inchScaleIsNeverReadAsMillimetres() throws {
        #expect { try calibrate("sqed/black_stage_green_line_specimen.jpg") } throws: { error in
            guard case .wrongRhythm(_, let measured, let expected, _) = error as? CalibrationError else { return false }
            return measured == 2 && expected == 5
        }
        // With a definition that matches the card, the eighth-inch scale gives the right px/mm.
        let inch = RulerDefinition(name: "inch-eighths", description: "", pitchMM: 3.175, polarity: .auto, longTickEvery: 2)
        let r = try calibrate("sqed/black_stage_green_line_specimen.jpg", ruler: inch)
        #expect(abs(r.pxPerMM / 17.7 - 1) < 0.02)
    }

    @Test(arguments: ["mothra/BMNHE_1105737_angle0.JPG", "mothra/BMNHE_1105737_angle90.JPG"])
    func halfMillimetreRulerAtSevenPxPerMMIsRefused(file: String) {
        #expect { try calibrate(file) } throws: { error in
            guard case .resolutionTooLow(_, let px, _) = error as? CalibrationError else { return false }
            return px > 5 && px < 9
        }
    }

    @Test func photoWithoutRulerIsRefusedWithAHint() {
        #expect { try calibrate("sqed/test3.jpg") } throws: { error in
            guard let e = error as? CalibrationError, case .noRuler = e else { return false }
            return e.description.contains("--station")
        }
    }
}

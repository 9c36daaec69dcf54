import Foundation
import Testing
import QCCalibration
import QCImage
import QCRender

/// Bad set-ups give a clear refusal, never a silently wrong scale.
struct CalibrationRefusalTests {
    func render(_ spec: PhotoSpec) throws -> Image {
        try PhotoDecoder().decode(data: try Renderer.render(spec).encoded, name: "r").image
    }

    /// The rectangle [x0, x1) × [y0, y1) of `image`.
    func crop(_ image: Image, x0: Int, y0: Int, x1: Int, y1: Int) -> Image {
        var out = Image(width: x1 - x0, height: y1 - y0, channels: image.channels)
        for c in 0..<image.channels { for y in y0..<y1 { for x in x0..<x1 { out[x - x0, y - y0, c] = image[x, y, c] } } }
        return out
    }

    @Test func noRulerInFrame() throws {
        let image = try render(PhotoSpec(design: DesignCatalogue.pinRound30, pxPerMM: 16, seed: 3))
        // Keep the unit (upper part of the frame), cut the ruler below it away.
        let top = crop(image, x0: 0, y0: 0, x1: image.width, y1: image.height / 2)
        #expect { try RulerDetector().calibrate(top, file: "unit-only.png") } throws: { error in
            guard case .noRuler(let file, _) = error as? CalibrationError else { return false }
            return file == "unit-only.png"
        }
    }

    @Test func tooShortARuler() throws {
        let photo = try Renderer.render(PhotoSpec(design: DesignCatalogue.pinRound30, pxPerMM: 16, seed: 4))
        var image = try PhotoDecoder().decode(data: photo.encoded, name: "r").image
        // Paint the ruler face's colour over every graduation after the 22nd: 22 remain, the ruler in frame.
        let face = (image[Int(photo.truth.ruler.ticksPx[0][0]) + 8, Int(photo.truth.ruler.ticksPx[0][1]), 0])
        for tick in photo.truth.ruler.ticksPx.dropFirst(22) {
            for dy in -90...90 { for dx in -10...10 {
                let x = Int(tick[0]) + dx, y = Int(tick[1]) + dy
                if x >= 0, y >= 0, x < image.width, y < image.height { for c in 0..<3 { image[x, y, c] = face } }
            } }
        }
        #expect { try RulerDetector().calibrate(image, file: "short.png") } throws: { error in
            switch error as? CalibrationError {
            case .tooFewGraduations(_, let found, let needed)?: return found < needed
            case .noRuler?: return true
            default: return false
            }
        }
    }

    @Test func rulerCutByTheFrame() throws {
        let image = try render(PhotoSpec(design: DesignCatalogue.pinRound30, pxPerMM: 16, seed: 5))
        // Keep only the left third: about 20 of the 60 graduations remain, touching the edge.
        let left = crop(image, x0: 0, y0: 0, x1: image.width * 3 / 10, y1: image.height)
        #expect(throws: CalibrationError.self) { try RulerDetector().calibrate(left, file: "cut.png") }
    }

    @Test func tooBlurredOrNoGraduationsResolved() throws {
        let image = try render(PhotoSpec(design: DesignCatalogue.pinRound30, pxPerMM: 15,
                                         camera: Camera(blurSigmaPx: 5, format: .png8), seed: 6))
        #expect { try RulerDetector().calibrate(image, file: "blur.png") } throws: { error in
            switch error as? CalibrationError {
            case .tooBlurred?, .noRuler?: return true
            default: return false
            }
        }
    }

    @Test func lowResolutionIsRefusedOrWarned() throws {
        let image = try render(PhotoSpec(design: DesignCatalogue.pinRound30, pxPerMM: 10, seed: 8))
        let outcome = Result { () throws(CalibrationError) -> RulerCalibration in try RulerDetector().calibrate(image, file: "low.png") }
        switch outcome {
        case .success(let r):
            #expect(r.warnings.contains { $0.contains("below the 15 px/mm") })
            #expect(abs(r.pxPerMM / 10 - 1) < 0.002)
        case .failure(let e):
            let refused: Bool
            if case .resolutionTooLow = e { refused = true } else { refused = false }
            #expect(refused, "unexpected \(e)")
        }
    }

    @Test func stationProfileIsUsedOnlyWithoutARuler() throws {
        let image = try render(PhotoSpec(design: DesignCatalogue.pinRound30, pxPerMM: 16, seed: 9))
        let ruler = try RulerDetector().calibrate(image, file: "with-ruler.png")
        let station = StationProfile(name: "bench-1", calibration: ruler, illumination: nil, imageWidth: image.width,
                                     imageHeight: image.height, rulerDefinition: "mm", sourcePhoto: "with-ruler.png")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("station-\(UUID().uuidString).json").path
        try station.save(to: path)
        let loaded = try StationProfile.load(from: path)
        #expect(loaded == station)

        let own = try PhotoCalibration.resolve(image: image, file: "with-ruler.png", detector: RulerDetector(), station: loaded)
        #expect(own.source == .ruler)
        #expect(own.notes.contains { $0.contains("own ruler was used") })

        // Blank out the ruler (bottom half) with background-like grey: the station applies.
        var noRuler = image
        for c in 0..<3 { for y in (image.height / 2)..<image.height { for x in 0..<image.width { noRuler[x, y, c] = 0.45 } } }
        let viaStation = try PhotoCalibration.resolve(image: noRuler, file: "no-ruler.png", detector: RulerDetector(), station: loaded)
        #expect(viaStation.source == .station)
        #expect(viaStation.pxPerMM == ruler.pxPerMM)
        #expect(throws: CalibrationError.self) {
            try PhotoCalibration.resolve(image: noRuler, file: "no-ruler.png", detector: RulerDetector(), station: nil)
        }
    }

    @Test func stationFromAnotherCameraIsRefused() throws {
        let image = try render(PhotoSpec(design: DesignCatalogue.pinRound30, pxPerMM: 16, seed: 10))
        let ruler = try RulerDetector().calibrate(image, file: "a.png")
        let station = StationProfile(name: "other", calibration: ruler, illumination: nil, imageWidth: 4000, imageHeight: 3000,
                                     rulerDefinition: "mm", sourcePhoto: "a.png")
        var noRuler = image
        for c in 0..<3 { for y in (image.height / 2)..<image.height { for x in 0..<image.width { noRuler[x, y, c] = 0.45 } } }
        #expect { try PhotoCalibration.resolve(image: noRuler, file: "b.png", detector: RulerDetector(), station: station) } throws: { error in
            guard case .station(_, let reason) = error as? CalibrationError else { return false }
            return reason.contains("4000x3000")
        }
    }
}

import Foundation
import Testing
import QCTestSupport
import QCImage

/// PngSuite conformance (Willem van Schaik, PngSuite-2017jul19).
@Suite(.enabled(if: TestData.available, TestData.skipNote))
struct PNGConformanceTests {
    let decoder = PhotoDecoder()

    @Test func everyValidImageDecodes() throws {
        let valid = TestData.files(in: "pngsuite").filter { !$0.hasPrefix("x") }
        #expect(valid.count > 150)
        for name in valid {
            let photo = try decoder.decode(file: TestData.path("pngsuite/\(name)"))
            #expect(photo.image.width > 0 && photo.image.height > 0, "\(name)")
            #expect(photo.image.samples.allSatisfy { $0 >= 0 && $0 <= 1 }, "\(name)")
            // Size from the name: sNN* images are NN×NN, the rest of the suite is 32×32 except the logo.
            if name.hasPrefix("s"), let n = Int(name.dropFirst().prefix(2)) {
                #expect(photo.image.width == n && photo.image.height == n, "\(name)")
            } else if name.hasPrefix("bas") {
                #expect(photo.image.width == 32 && photo.image.height == 32, "\(name)")
            }
        }
    }

    @Test func interlacedImagesEqualTheirTwins() throws {
        let names = TestData.files(in: "pngsuite")
        let interlaced = names.filter { $0.hasPrefix("basi") || ($0.hasPrefix("s") && Array($0)[3] == "i") }
        #expect(interlaced.count == 15 + 18)
        for name in interlaced {
            var twin = Array(name); twin[3] = "n"
            let a = try decoder.decode(file: TestData.path("pngsuite/\(name)"))
            let b = try decoder.decode(file: TestData.path("pngsuite/\(String(twin))"))
            #expect(a.info.interlaced && !b.info.interlaced, "\(name)")
            #expect((a.image.width, a.image.height, a.image.channels) == (b.image.width, b.image.height, b.image.channels))
            let same = a.image.samples == b.image.samples
            #expect(same, "\(name) differs from its non-interlaced twin")
            let sameAlpha = a.alpha == b.alpha
            #expect(sameAlpha, "\(name) alpha differs")
        }
    }

    @Test func corruptImagesAreRefusedWithTheFileNamed() {
        let corrupt = TestData.files(in: "pngsuite").filter { $0.hasPrefix("x") }
        #expect(corrupt.count == 14)
        for name in corrupt {
            let path = TestData.path("pngsuite/\(name)")
            do {
                _ = try decoder.decode(file: path)
                Issue.record("\(name) decoded but is corrupt")
            } catch {
                #expect(error.file == path)
                #expect(error.description.contains(name))
            }
        }
    }

    @Test func sixteenBitSamplesKeepSixteenBitPrecision() throws {
        let photo = try decoder.decode(file: TestData.path("pngsuite/basn0g16.png"))
        #expect(photo.info.bitDepth == 16)
        let codes = photo.image.samples.map { ($0 * 65535).rounded() }
        // 8-bit data widened to 16 bits would only give multiples of 257.
        #expect(codes.contains { Int($0) % 257 != 0 })
        for (s, c) in zip(photo.image.samples, codes) { #expect(abs(s * 65535 - c) < 0.01) }
    }

    @Test func paletteWithTransparencyReportsAlphaAndDoesNotComposite() throws {
        let photo = try decoder.decode(file: TestData.path("pngsuite/tbbn3p08.png"))
        #expect(photo.info.hasAlpha)
        #expect(photo.info.colourType == "palette+tRNS")
        let alpha = try #require(photo.alpha)
        #expect(alpha.contains(0) && alpha.contains(1))
        let rgba = try decoder.decode(file: TestData.path("pngsuite/basn6a08.png"))
        #expect(rgba.image.channels == 3 && rgba.alpha != nil)
        let grey = try decoder.decode(file: TestData.path("pngsuite/basn0g08.png"))
        #expect(grey.image.channels == 1 && grey.alpha == nil)
    }

    @Test func gammaChunkIsNoted() throws {
        let photo = try decoder.decode(file: TestData.path("pngsuite/g03n2c08.png"))
        let gamma = try #require(photo.info.gamma)
        #expect(abs(gamma - 0.35) < 0.001)
    }

    @Test func noPrefixOfAValidFileCrashes() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestData.path("pngsuite/basn2c16.png")))
        for length in stride(from: 0, to: data.count, by: 7) {
            #expect(throws: ImageError.self) { try decoder.decode(data: data.prefix(length), name: "prefix-\(length)") }
        }
    }
}

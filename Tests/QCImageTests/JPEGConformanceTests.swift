import Foundation
import Testing
import QCTestSupport
import QCImage

/// JPEG decoding against reference decodes, EXIF orientation samples and corrupt streams.
@Suite(.enabled(if: TestData.available, TestData.skipNote))
struct JPEGConformanceTests {
    let decoder = PhotoDecoder()

    /// Mean absolute difference in 8-bit levels between two same-shaped images.
    func meanDifference(_ a: Image, _ b: Image) -> Double {
        precondition(a.width == b.width && a.height == b.height && a.channels == b.channels)
        var sum = 0.0
        for i in a.samples.indices { sum += Double(abs(a.samples[i] - b.samples[i])) }
        return sum / Double(a.samples.count) * 255
    }

    /// Files whose reference PNG is Go's decode of that very file (same coefficients).
    @Test(arguments: [("video-001.jpeg", "video-001.png"), ("video-001.progressive.jpeg", "video-001.png"),
                      ("video-001.221212.jpeg", "video-001.221212.png"), ("video-005.gray.jpeg", "video-005.gray.png"),
                      ("video-001.progressive.truncated.jpeg", "video-001.progressive.truncated.png")])
    func matchesTheReferenceDecode(name: String, reference: String) throws {
        let jpeg = try decoder.decode(file: TestData.path("jpeg/go/\(name)"))
        let ref = try decoder.decode(file: TestData.path("jpeg/go/\(reference)"))
        #expect(jpeg.image.width == ref.image.width && jpeg.image.height == ref.image.height)
        #expect(jpeg.image.channels == ref.image.channels)
        // The IDCT and chroma upsampling of Go and libjpeg-turbo differ by a level or two.
        #expect(meanDifference(jpeg.image, ref.image) < 1.5, "\(name)")
        if name.contains("progressive") { #expect(jpeg.info.progressive) }
    }

    /// Other encodings of the same picture (subsampling, restarts, RGB): the same picture, roughly.
    @Test(arguments: ["video-001.q50.410.jpeg", "video-001.q50.420.progressive.jpeg", "video-001.q50.444.jpeg",
                      "video-001.rgb.jpeg", "video-001.restart2.jpeg", "video-001.separate.dc.progression.jpeg"])
    func otherEncodingsShowTheSamePicture(name: String) throws {
        let jpeg = try decoder.decode(file: TestData.path("jpeg/go/\(name)"))
        let ref = try decoder.decode(file: TestData.path("jpeg/go/video-001.png"))
        #expect(jpeg.image.width == ref.image.width && jpeg.image.channels == 3)
        #expect(meanDifference(jpeg.image, ref.image) < 8, "\(name)")
        // Sanity of the bound: a mirrored picture is far away.
        #expect(meanDifference(ExifOrientation(2).apply(to: jpeg.image), ref.image) > 15)
    }

    @Test func greyscaleStaysOneChannel() throws {
        let photo = try decoder.decode(file: TestData.path("jpeg/go/video-005.gray.jpeg"))
        #expect(photo.image.channels == 1 && photo.info.colourType == "grey")
    }

    @Test func cmykIsRefusedClearly() {
        let path = TestData.path("jpeg/go/video-001.cmyk.jpeg")
        #expect { try decoder.decode(file: path) } throws: { error in
            guard let e = error as? ImageError, case .unsupported = e else { return false }
            return e.description.contains("CMYK") && e.file == path
        }
    }

    @Test func truncatedStreamIsAnError() throws {
        var data = try Data(contentsOf: URL(fileURLWithPath: TestData.path("jpeg/go/video-001.jpeg")))
        data = data.prefix(data.count * 2 / 3)
        #expect { try decoder.decode(data: data, name: "cut.jpg") } throws: { error in
            (error as? ImageError)?.description.contains("premature end") == true
        }
    }

    @Test func corruptStreamsNeverCrash() {
        // Each one either decodes to a sane image or is refused with a typed error naming the file.
        for name in TestData.files(in: "jpeg/corrupt", suffix: ".jpg") {
            let path = TestData.path("jpeg/corrupt/\(name)")
            do {
                let photo = try decoder.decode(file: path)
                #expect(photo.image.width > 0 && photo.image.height > 0)
            } catch {
                #expect(error.file == path)
            }
        }
        #expect(throws: ImageError.self) { try decoder.decode(file: TestData.path("jpeg/corrupt/empty.jpg")) }
        #expect(throws: ImageError.self) { try decoder.decode(file: TestData.path("jpeg/corrupt/missing-sos.jpg")) }
    }

    @Test(arguments: ["Landscape", "Portrait"])
    func exifOrientationsDecodeUpright(kind: String) throws {
        let upright = try decoder.decode(file: TestData.path("exif-orientation/\(kind)_1.jpg")).image
        for n in 0...8 {
            let photo = try decoder.decode(file: TestData.path("exif-orientation/\(kind)_\(n).jpg"))
            #expect(photo.info.orientation == max(n, 1))
            #expect(photo.info.orientationApplied == (n > 1))
            #expect(photo.image.width == upright.width && photo.image.height == upright.height, "\(kind)_\(n)")
            // Same picture within JPEG noise and the digit the generator stamps on each file.
            #expect(meanDifference(photo.image, upright) < 6, "\(kind)_\(n)")
        }
        // The check can fail: ignoring the tag leaves orientation 3 (180°) far from upright.
        let rotated = try decoder.decode(file: TestData.path("exif-orientation/\(kind)_3.jpg"))
        let unrotated = ExifOrientation(3).apply(to: rotated.image) // applying it twice undoes it
        #expect(meanDifference(unrotated, upright) > 20)
    }
}

import Foundation
import Testing
import QCImage

struct EncodeRoundTripTests {
    let decoder = PhotoDecoder()

    func gradient(channels: Int, width: Int = 37, height: Int = 23) -> Image {
        var image = Image(width: width, height: height, channels: channels)
        for c in 0..<channels { for y in 0..<height { for x in 0..<width {
            image[x, y, c] = Float((x * 7 + y * 13 + c * 50) % 256) / 255
        } } }
        return image
    }

    @Test(arguments: [1, 3])
    func png8RoundTripsExactly(channels: Int) throws {
        let image = gradient(channels: channels)
        let back = try decoder.decode(data: try ImageEncoder.png(image), name: "rt.png")
        let same = back.image.samples == image.samples && back.image.width == image.width
        #expect(same)
        #expect(back.info.bitDepth == 8)
    }

    @Test func png16RoundTripsToSixteenBits() throws {
        var image = Image(width: 16, height: 16, channels: 3)
        for i in image.samples.indices { image.samples[i] = Float(i * 211 % 65536) / 65535 }
        let back = try decoder.decode(data: try ImageEncoder.png(image, bitDepth: 16), name: "rt16.png")
        #expect(back.info.bitDepth == 16)
        for (a, b) in zip(back.image.samples, image.samples) { #expect(abs(a - b) < 1e-6) }
    }

    @Test func rgbaKeepsAlphaApart() throws {
        let image = gradient(channels: 3)
        let alpha = (0..<image.planeCount).map { Float($0 % 256) / 255 }
        let back = try decoder.decode(data: try ImageEncoder.png(image, alpha: alpha), name: "rgba.png")
        let same = back.image.samples == image.samples && back.image.width == image.width
        #expect(same)
        let sameAlpha = back.alpha == alpha
        #expect(sameAlpha)
        #expect(back.info.colourType == "RGBA")
    }

    @Test func jpegIsCloseAtHighQuality() throws {
        var image = Image(width: 64, height: 64, channels: 3)
        for c in 0..<3 { for y in 0..<64 { for x in 0..<64 {
            image[x, y, c] = 0.5 + 0.4 * sin(Float(x) / 9 + Float(c)) * cos(Float(y) / 7)
        } } }
        let back = try decoder.decode(data: try ImageEncoder.jpeg(image, quality: 95), name: "rt.jpg")
        #expect(back.info.format == .jpeg && back.image.width == 64)
        let mean = zip(back.image.samples, image.samples).map { abs($0 - $1) }.reduce(0, +) / Float(image.samples.count)
        #expect(mean * 255 < 1.5)
    }

    @Test func linearSamplesAreNotEncodedSilently() {
        let image = Image(width: 2, height: 2, channels: 1, transfer: .linear)
        #expect(throws: ImageError.self) { try ImageEncoder.png(image) }
    }

    @Test func orientationMapsCornersAsTheTagSays() {
        // A 3×2 image with distinct values; check where the stored top-left lands for each tag.
        var image = Image(width: 3, height: 2, channels: 1)
        for i in 0..<6 { image.samples[i] = Float(i) / 10 }
        let topLeft = image[0, 0, 0]
        let expected: [Int: (Int, Int)] = [1: (0, 0), 2: (2, 0), 3: (2, 1), 4: (0, 1), 5: (0, 0), 6: (1, 0), 7: (1, 2), 8: (0, 2)]
        for (tag, (u, v)) in expected {
            let out = ExifOrientation(tag).apply(to: image)
            #expect(out[u, v, 0] == topLeft, "orientation \(tag)")
            #expect((out.width, out.height) == (tag >= 5 ? (2, 3) : (3, 2)))
        }
    }
}

import Foundation
import QCImage
import QCTestSupport
import Testing

/// The 8-bit decoding path (`decodePixels`) against the Float32 one, on the bundled fixtures' JPEGs.
struct PhotoPixelsTests {
    static let jpeg = TestData.packageRoot.appendingPathComponent("Fixtures/pin-round-30/unit-good.jpg").path
    static let png = TestData.packageRoot.appendingPathComponent("Fixtures/pin-round-30/master.png").path

    @Test func eightBitPlanesHoldTheSameSamplesAsFloatDecoding() throws {
        let floats = try PhotoDecoder().decode(file: Self.jpeg).image
        let decoded = try PhotoDecoder().decodePixels(file: Self.jpeg, thumbnailFactor: { _, _ in 3 })
        guard case .bytes = decoded.pixels.storage else {
            Issue.record("a JPEG without EXIF rotation should stay 8-bit")
            return
        }
        #expect(decoded.pixels.image() == floats)
        // Row reads and single values agree with the float image.
        var row = [Float](repeating: 0, count: 17)
        row.withUnsafeMutableBufferPointer { decoded.pixels.readRow(channel: 1, y: 40, x: 100, count: 17, into: $0) }
        #expect(row == (100..<117).map { floats[$0, 40, 1] })
        #expect(decoded.pixels.value(2, 5, 7) == floats[5, 7, 2])
        // The thumbnail made while decoding is the box mean of the planes.
        let thumbnail = try #require(decoded.thumbnail)
        let reference = Thumbnail(floats, factor: 3)
        #expect(thumbnail.factor == 3 && thumbnail.image.width == reference.image.width && thumbnail.image.height == reference.image.height)
        #expect(zip(thumbnail.image.samples, reference.image.samples).allSatisfy { abs($0 - $1) < 1e-5 })
        #expect(zip(Thumbnail(decoded.pixels, factor: 3).image.samples, reference.image.samples).allSatisfy { abs($0 - $1) < 1e-5 })
    }

    @Test func greySamplerReadsBytesLikeFloats() throws {
        let floats = try PhotoDecoder().decode(file: Self.jpeg).image
        let bytes = try PhotoDecoder().decodePixels(file: Self.jpeg).pixels
        let a = GreySampler(floats), b = GreySampler(bytes)
        let windowed = b.windowed(x0: 100, y0: 100, x1: 400, y1: 300)
        let points: [(Double, Double)] = [(120.3, 150.7), (399.2, 299.9), (50.5, 60.25), (150.0, 100.6),
                                          (Double(floats.width) - 0.6, 10.0)]
        for (x, y) in points {
            let u: Float = try #require(a.sample(x, y)), v: Float = try #require(b.sample(x, y))
            let w: Float = try #require(windowed.sample(x, y))
            #expect(abs(u - v) < 1e-5 && abs(u - w) < 1e-5, "at (\(x), \(y))")
        }
        #expect(b.sample(-1, 5) == nil && windowed.sample(5, Double(floats.height) + 1) == nil)
    }

    @Test func pngStaysFloat() throws {
        let decoded = try PhotoDecoder().decodePixels(file: Self.png)
        guard case .floats(let samples) = decoded.pixels.storage else {
            Issue.record("PNG is decoded to Float32")
            return
        }
        #expect(samples == (try PhotoDecoder().decode(file: Self.png).image.samples))
    }
}

import Foundation
import Testing
import QCImage
import QCTestSupport

/// Exact block means written down by the JPEG decoder (`JPEGBlockMeans`).
struct JPEGBlockMeansTests {
    /// A near-white colour with ±3 codes of noise: what a ruler's face looks like to the encoder.
    static func noisyFace(width: Int = 64, height: Int = 48) -> (Image, codes: [[Double]]) {
        var image = Image(width: width, height: height, channels: 3)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var codes = [[Double]](repeating: [Double](repeating: 0, count: width * height), count: 3)
        let base = [225.0, 224.0, 222.0]
        for y in 0..<height { for x in 0..<width { for c in 0..<3 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let code = base[c] + Double(Int((state >> 33) % 7) - 3)
            codes[c][y * width + x] = code
            image[x, y, c] = Float(code / 255)
        } } }
        return (image, codes)
    }

    /// Y, Cb or Cr (JFIF, offset 128) of R'G'B' codes.
    static func component(_ c: Int, _ r: Double, _ g: Double, _ b: Double) -> Double {
        switch c {
        case 0: return 0.299 * r + 0.587 * g + 0.114 * b
        case 1: return -0.168736 * r - 0.331264 * g + 0.5 * b + 128
        default: return 0.5 * r - 0.418688 * g - 0.081312 * b + 128
        }
    }

    /// Worst and mean |block mean − mean of `codes(u, v)` over the block's upright pixels| over whole
    /// blocks, and how many blocks were checked.
    static func worstError(_ means: JPEGBlockMeans, width: Int, height: Int,
                           codes: (Int, Int, Int) -> Double) throws -> (worst: Double, blocks: Int, mean: Double) {
        var worst = 0.0, checked = 0, sum = 0.0
        for c in 0..<3 {
            for by in 0..<means.blocksHigh[c] { for bx in 0..<means.blocksWide[c] {
                let pixels = means.uprightPixels(JPEGBlockMeans.Block(component: c, x: bx, y: by))
                guard pixels.count == means.blockWidth[c] * means.blockHeight[c] else { continue }
                let mean = pixels.reduce(0.0) { $0 + codes(c, $1.u, $1.v) } / Double(pixels.count)
                // Every upright pixel of the block finds it again.
                let block = try #require(means.block(component: c, u: pixels[pixels.count / 3].u, v: pixels[pixels.count / 3].v))
                #expect(block.x == bx && block.y == by)
                worst = max(worst, abs(Double(means.mean(block)) - mean))
                sum += abs(Double(means.mean(block)) - mean)
                checked += 1
            } }
        }
        return (worst, checked, sum / Double(max(1, checked)))
    }

    /// Every whole block's mean matches the mean of the encoder's input within the DC quantisation
    /// (q0 / 16 codes: q0 = 3 at quality 90, 0.19) plus the encoder's rounding of each sample to an
    /// integer Y, Cb, Cr (3 σ of the mean of 64 uniform ±0.5 errors: 0.11).
    @Test func blockMeansMatchTheEncodersInput() throws {
        let (image, codes) = Self.noisyFace()
        let decoded = try PhotoDecoder().decode(data: try ImageEncoder.jpeg(image, quality: 90), name: "face.jpg")
        let means = try #require(decoded.jpegBlockMeans)
        #expect(means.blockWidth == [8, 16, 16] && means.blockHeight == [8, 16, 16])
        let (worst, checked, _) = try Self.worstError(means, width: 64, height: 48) { c, u, v in
            let i = v * 64 + u
            return Self.component(c, codes[0][i], codes[1][i], codes[2][i])
        }
        #expect(checked == 48 + 12 + 12)
        #expect(worst < 0.3, "worst block mean error \(worst) codes")
        // The 8-bit pixel decode path carries the same means.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("face-\(getpid()).jpg").path
        try ImageEncoder.write(image, to: path, quality: 90)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let pixels = try PhotoDecoder().decodePixels(file: path).pixels
        #expect(pixels.jpegBlockMeans.map { $0.blocksWide } == means.blocksWide)
    }

    @Test func greyJPEGHasNoBlockMeans() throws {
        let grey = Image(width: 16, height: 16, channels: 1, value: 0.5)
        #expect(try PhotoDecoder().decode(data: try ImageEncoder.jpeg(grey, quality: 90), name: "grey.jpg").jpegBlockMeans == nil)
    }
}

/// The decoder's block means against its own pixels on public streams: every chroma subsampling,
/// progressive and restart-marker encodings, and every EXIF orientation. A block put in the wrong
/// place differs from the pixels there by tens of codes; in the right place only by the decoder's
/// rounding and chroma upsampling, which smears each chroma block's edge rows with its neighbours'.
@Suite(.enabled(if: TestData.available, TestData.skipNote))
struct JPEGBlockMeansConformanceTests {
    static func check(_ file: String, tolerance: Double) throws {
        let decoded = try PhotoDecoder().decode(file: TestData.path(file))
        let means = try #require(decoded.jpegBlockMeans, "\(file) has no block means")
        let image = decoded.image, n = image.width * image.height
        let (worst, checked, mean) = try JPEGBlockMeansTests.worstError(means, width: image.width, height: image.height) { c, u, v in
            let i = v * image.width + u
            return JPEGBlockMeansTests.component(c, Double(image.samples[i]) * 255, Double(image.samples[n + i]) * 255,
                                                 Double(image.samples[2 * n + i]) * 255)
        }
        #expect(checked > 100, "\(file)")
        #expect(worst < tolerance, "\(file): worst block mean error \(worst) codes over \(checked) blocks")
        #expect(mean < 0.75, "\(file): mean block mean error \(mean) codes")
    }

    @Test(arguments: ["video-001.jpeg", "video-001.progressive.jpeg", "video-001.q50.410.jpeg", "video-001.q50.411.jpeg",
                      "video-001.q50.420.progressive.jpeg", "video-001.q50.422.jpeg", "video-001.q50.440.progressive.jpeg",
                      "video-001.q50.444.jpeg", "video-001.restart2.jpeg", "video-001.separate.dc.progression.jpeg"])
    func blockMeansAgreeWithThePixels(name: String) throws {
        try Self.check("jpeg/go/\(name)", tolerance: 6)
    }

    @Test(arguments: 1...8)
    func blockMeansFollowTheOrientation(orientation: Int) throws {
        try Self.check("exif-orientation/Landscape_\(orientation).jpg", tolerance: 6)
        try Self.check("exif-orientation/Portrait_\(orientation).jpg", tolerance: 6)
    }
}

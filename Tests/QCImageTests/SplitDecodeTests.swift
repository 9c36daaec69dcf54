import Foundation
import Testing
import QCImage

/// A JPEG decoded on two threads (the rows above a cut on one, the rest on another that skips to the
/// cut) gives exactly what one thread gives: planes, thumbnail, block means, warnings and errors.
struct SplitDecodeTests {
    /// A picture with edges, gradients and noise in every channel, so every block's coefficients differ.
    static func picture(width: Int, height: Int, channels: Int) -> Image {
        var image = Image(width: width, height: height, channels: channels)
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for y in 0..<height { for x in 0..<width {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let noise = Float((state >> 40) % 17) / 255
            let ring = ((x - width / 2) * (x - width / 2) + (y - height / 3) * (y - height / 3)) % 4000 < 2000
            for c in 0..<channels {
                let base = Float(x + 2 * y * (c + 1)) / Float(width + 2 * height * channels)
                image[x, y, c] = min(1, max(0, base * 0.8 + (ring ? 0.15 : 0) + noise))
            }
        } }
        return image
    }

    static func decode(_ data: Data, threads: Int, factor: Int?) throws -> DecodedPixels {
        try PhotoDecoder(threads: threads).decodePixels(data: data, name: "split.jpg",
                                                         thumbnailFactor: factor.map { f in { _, _ in f } })
    }

    static func bytes(_ p: PhotoPixels) -> [UInt8] {
        guard case .bytes(let b) = p.storage else { return [] }
        return b
    }

    @Test(arguments: [(640, 512, 3), (1001, 777, 3), (333, 1210, 3), (900, 700, 1)], [nil, 2, 3])
    func twoThreadsDecodeWhatOneDoes(size: (Int, Int, Int), factor: Int?) throws {
        let (w, h, ch) = size
        let data = try ImageEncoder.jpeg(Self.picture(width: w, height: h, channels: ch), quality: 90)
        let one = try Self.decode(data, threads: 1, factor: factor)
        let two = try Self.decode(data, threads: 2, factor: factor)
        #expect(one.pixels.width == w && one.pixels.height == h && one.pixels.channels == ch)
        let a = Self.bytes(one.pixels), b = Self.bytes(two.pixels)
        #expect(a.count == w * h * ch)
        // First differing sample (row, column), so a failure says where rather than printing megabytes.
        let differing: Int? = a.indices.first { (k: Int) -> Bool in k >= b.count || a[k] != b[k] }
        let row = differing.map { ($0 % (w * h)) / w }
        #expect(a.count == b.count && differing == nil, "\(w)x\(h)x\(ch): the planes differ from row \(row ?? -1)")
        // The check can fail: the picture is not flat, so a row band left undecoded or shifted shows.
        #expect(Set(a[(w * h / 2)..<(w * h / 2 + w)]).count > 10)
        let t1 = one.thumbnail?.image.samples ?? [], t2 = two.thumbnail?.image.samples ?? []
        #expect(t1.count == t2.count && zip(t1, t2).allSatisfy { $0 == $1 }, "the thumbnails differ")
        #expect((one.thumbnail != nil) == (factor != nil))
        #expect(one.info.warnings == two.info.warnings)
        let m1 = one.pixels.jpegBlockMeans, m2 = two.pixels.jpegBlockMeans
        #expect((m1 != nil) == (ch == 3) && (m2 != nil) == (ch == 3))
        if let m1, let m2 {
            #expect(m1.blocksWide == m2.blocksWide && m1.blocksHigh == m2.blocksHigh)
            var differing = 0, nonzero = 0
            for c in 0..<3 { for by in 0..<m1.blocksHigh[c] { for bx in 0..<m1.blocksWide[c] {
                let block = JPEGBlockMeans.Block(component: c, x: bx, y: by)
                if m1.mean(block) != m2.mean(block) { differing += 1 }
                if m2.mean(block) != 0 { nonzero += 1 }
            } } }
            #expect(differing == 0)
            // Every block was written down by one of the two decoders (a mean of exactly 0 is not in this picture).
            #expect(nonzero == (0..<3).reduce(0) { $0 + m2.blocksWide[$1] * m2.blocksHigh[$1] })
        }
    }

    /// Other chroma samplings (other iMCU heights, so other cuts) and restart markers: the same again.
    @Test(arguments: ImageEncoder.ChromaSampling.allCases, [0, 1, 3])
    func everySamplingAndRestartIntervalSplitsCleanly(chroma: ImageEncoder.ChromaSampling, restartRows: Int) throws {
        let (w, h) = (719, 613)
        let data = try ImageEncoder.jpeg(Self.picture(width: w, height: h, channels: 3), quality: 88, chroma: chroma,
                                         restartRows: restartRows)
        // A DRI marker (FF DD) is in the header exactly when restarts were asked for.
        let header = [UInt8](data.prefix(2048))
        let hasDRI = zip(header, header.dropFirst()).contains { $0 == 0xFF && $1 == 0xDD }
        #expect(hasDRI == (restartRows > 0))
        let one = try Self.decode(data, threads: 1, factor: 3)
        let two = try Self.decode(data, threads: 2, factor: 3)
        let a = Self.bytes(one.pixels), b = Self.bytes(two.pixels)
        #expect(a.count == w * h * 3 && a.elementsEqual(b), "\(chroma), restart every \(restartRows) rows: the planes differ")
        let t1 = one.thumbnail?.image.samples ?? [], t2 = two.thumbnail?.image.samples ?? []
        #expect(!t1.isEmpty && t1.elementsEqual(t2))
        let m1 = try #require(one.pixels.jpegBlockMeans), m2 = try #require(two.pixels.jpegBlockMeans)
        var differing = 0
        for c in 0..<3 { for by in 0..<m1.blocksHigh[c] { for bx in 0..<m1.blocksWide[c] {
            let block = JPEGBlockMeans.Block(component: c, x: bx, y: by)
            if m1.mean(block) != m2.mean(block) { differing += 1 }
        } } }
        #expect(differing == 0)
        // The sampling asked for is the sampling written: chroma blocks cover 8, 16 or 16 x 16 pixels.
        let expected: (Int, Int) = chroma == .full ? (8, 8) : chroma == .halfAcross ? (16, 8) : (16, 16)
        #expect(m1.blockWidth[1] == expected.0 && m1.blockHeight[1] == expected.1)
    }

    /// A stream cut short or damaged above or below the cut is refused with the same message either way.
    @Test(arguments: [0.3, 0.8])
    func damageIsReportedTheSameWay(at fraction: Double) throws {
        let data = try ImageEncoder.jpeg(Self.picture(width: 800, height: 900, channels: 3), quality: 90)
        let cut = Int(Double(data.count) * fraction)
        var damaged = data
        for k in cut..<(cut + 64) { damaged[k] = 0xFF }
        for input in [data.prefix(cut), damaged] {
            let one = Result { try Self.decode(Data(input), threads: 1, factor: 3) }
            let two = Result { try Self.decode(Data(input), threads: 2, factor: 3) }
            switch (one, two) {
            case (.failure(let e1), .failure(let e2)):
                #expect("\(e1)" == "\(e2)")
            case (.success(let p1), .success(let p2)):
                // libjpeg may recover from damage with a warning; then both must agree on everything.
                #expect(Self.bytes(p1.pixels).elementsEqual(Self.bytes(p2.pixels)), "the recovered planes differ")
                #expect(p1.info.warnings == p2.info.warnings && !p1.info.warnings.isEmpty)
            default:
                Issue.record("one thread and two threads disagree on \(fraction): \(one) vs \(two)")
            }
        }
        // The truncated stream really is refused.
        #expect(throws: ImageError.self) { try Self.decode(Data(data.prefix(cut)), threads: 2, factor: 3) }
    }
}

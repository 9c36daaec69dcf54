import Foundation
import Testing
import QCImage

/// Bad input: a typed error naming the file, never a crash.
struct BadInputTests {
    let decoder = PhotoDecoder()

    func temporaryFile(_ name: String, _ bytes: Data) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qcimage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try bytes.write(to: url)
        return url.path
    }

    @Test func zeroByteFile() throws {
        let path = try temporaryFile("empty.jpg", Data())
        #expect(throws: ImageError.corrupt(file: path, reason: "the file is empty (0 bytes)")) {
            try decoder.decode(file: path)
        }
    }

    @Test func textFileWithImageExtension() throws {
        let path = try temporaryFile("notes.png", Data("carton 3 looked damp\n".utf8))
        #expect { try decoder.decode(file: path) } throws: { error in
            (error as? ImageError)?.description.contains("notes.png") == true
        }
    }

    @Test func otherFormatsAreNamed() throws {
        let gif = try temporaryFile("a.jpg", Data("GIF89a....".utf8))
        #expect { try decoder.decode(file: gif) } throws: { error in
            guard case .unsupported(_, let reason) = error as? ImageError else { return false }
            return reason.contains("GIF")
        }
    }

    @Test func missingFile() {
        #expect { try decoder.decode(file: "/nonexistent/unit-001.jpg") } throws: { error in
            guard case .io(let file, _) = error as? ImageError else { return false }
            return file == "/nonexistent/unit-001.jpg"
        }
    }

    @Test func declaredSizeAboveTheLimitIsRefusedBeforeDecoding() throws {
        let image = Image(width: 300, height: 200, channels: 3, value: 0.5)
        let small = PhotoDecoder(limits: DecodeLimits(maxPixels: 50_000))
        for data in [try ImageEncoder.png(image), try ImageEncoder.jpeg(image)] {
            #expect(throws: ImageError.tooLarge(file: "big", width: 300, height: 200, limit: 50_000)) {
                try small.decode(data: data, name: "big")
            }
            #expect(try decoder.decode(data: data, name: "ok").image.width == 300)
        }
    }

    @Test func craftedHugeHeaderDoesNotAllocate() throws {
        // A PNG header declaring 100000 x 100000 pixels (10 gigapixels): refused from the header alone.
        var png = try ImageEncoder.png(Image(width: 1, height: 1, channels: 1, value: 1))
        png.replaceSubrange(16..<24, with: [0, 1, 0x86, 0xA0, 0, 1, 0x86, 0xA0])
        // Fix the IHDR CRC so libpng reaches the size check rather than a CRC error.
        let crc = crc32(png[12..<29])
        png.replaceSubrange(29..<33, with: [UInt8(crc >> 24), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)])
        #expect(throws: ImageError.tooLarge(file: "crafted.png", width: 100_000, height: 100_000, limit: 150_000_000)) {
            try decoder.decode(data: png, name: "crafted.png")
        }
    }

    @Test func noPrefixOfAJPEGCrashes() throws {
        var image = Image(width: 64, height: 48, channels: 3)
        for i in image.samples.indices { image.samples[i] = Float(i % 97) / 97 }
        let data = try ImageEncoder.jpeg(image, quality: 90)
        for length in stride(from: 0, to: data.count - 2, by: 5) {
            #expect(throws: ImageError.self) { try decoder.decode(data: data.prefix(length), name: "prefix") }
        }
    }

    func crc32<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        var crc: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            crc ^= UInt32(b)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }
}

import Foundation

/// `geometry.bin` in a master folder: the master's outline, boundary points and artwork rings as
/// little-endian binary columns, beside the `master.json` that holds the same numbers as text.
///
/// Why: decoding those ~6,000 points and ~26,000 ring samples from JSON costs about 60 ms of CPU on
/// every `compare` (the JSON decoder reads each keyed object field by field); reading the columns
/// costs well under a millisecond. `master.json` stays the readable, complete record: the binary
/// carries a 64-bit FNV-1a hash of the exact `master.json` bytes it was written with, and a file that
/// does not match (an edited or replaced `master.json`, an older master without it, a damaged file) is
/// ignored and the JSON is decoded in full.
///
/// Layout (all little-endian): "QCMG", UInt32 version 1, UInt64 hash of master.json, UInt32 counts of
/// outline points, boundary points, rings and floats per ring; then per outline point x, y, nx, ny,
/// rim (Float64) and firstFill (Int32); per boundary point x, y, nx, ny, reachA, reachB (Float64) and
/// a, b (Int32); per ring its radius (Float64) and its interleaved RGB (Float32).
enum MasterGeometryFile {
    static let name = "geometry.bin"
    static let magic: [UInt8] = Array("QCMG".utf8)
    static let version: UInt32 = 1

    /// 64-bit FNV-1a of `data` (Fowler, Noll, Vo): a cheap fingerprint tying the binary to its JSON.
    static func fingerprint(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { raw in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in raw { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
            return h
        }
    }

    /// The binary for `model`'s geometry, tied to `json` (the master.json bytes written beside it).
    static func encode(_ model: MasterModel, json: Data) -> Data {
        var out = Data()
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func i32(_ v: Int) { withUnsafeBytes(of: Int32(clamping: v).littleEndian) { out.append(contentsOf: $0) } }
        func f64(_ v: Double) { withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
        func f32(_ v: Float) { withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
        out.append(contentsOf: magic)
        u32(version)
        withUnsafeBytes(of: fingerprint(json).littleEndian) { out.append(contentsOf: $0) }
        let perRing = model.rings.first?.rgb.count ?? 0
        u32(UInt32(model.outline.count)); u32(UInt32(model.boundaries.count)); u32(UInt32(model.rings.count)); u32(UInt32(perRing))
        for p in model.outline { f64(p.x); f64(p.y); f64(p.nx); f64(p.ny); f64(p.rim); i32(p.firstFill) }
        for p in model.boundaries { f64(p.x); f64(p.y); f64(p.nx); f64(p.ny); f64(p.reachA); f64(p.reachB); i32(p.a); i32(p.b) }
        for r in model.rings {
            f64(r.radius)
            for v in r.rgb { f32(v) }
        }
        return out
    }

    /// Outline, boundaries and rings read from `data`, or nil when it is not a geometry file written
    /// with exactly `json` (wrong magic, version or fingerprint, wrong length, ragged rings).
    static func decode(_ data: Data, json: Data) -> (outline: [MasterModel.OutlinePoint], boundaries: [MasterModel.BoundaryPoint],
                                                     rings: [MasterModel.Ring])? {
        let header = 4 + 4 + 8 + 16
        guard data.count >= header, Array(data.prefix(4)) == magic else { return nil }
        return data.withUnsafeBytes { raw -> ([MasterModel.OutlinePoint], [MasterModel.BoundaryPoint], [MasterModel.Ring])? in
            var at = 4
            func u32() -> UInt32 { defer { at += 4 }; return UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
            func u64() -> UInt64 { defer { at += 8 }; return UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
            func i32() -> Int { defer { at += 4 }; return Int(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: Int32.self))) }
            func f64() -> Double { Double(bitPattern: u64()) }
            func f32() -> Float { Float(bitPattern: u32()) }
            guard u32() == version, u64() == fingerprint(json) else { return nil }
            let nOutline = Int(u32()), nBoundaries = Int(u32()), nRings = Int(u32()), perRing = Int(u32())
            let expected = header + nOutline * (5 * 8 + 4) + nBoundaries * (6 * 8 + 2 * 4) + nRings * (8 + perRing * 4)
            guard expected == raw.count else { return nil }
            var outline: [MasterModel.OutlinePoint] = []
            outline.reserveCapacity(nOutline)
            for _ in 0..<nOutline {
                let x = f64(), y = f64(), nx = f64(), ny = f64(), rim = f64()
                outline.append(MasterModel.OutlinePoint(x: x, y: y, nx: nx, ny: ny, firstFill: i32(), rim: rim))
            }
            var boundaries: [MasterModel.BoundaryPoint] = []
            boundaries.reserveCapacity(nBoundaries)
            for _ in 0..<nBoundaries {
                let x = f64(), y = f64(), nx = f64(), ny = f64(), reachA = f64(), reachB = f64()
                let a = i32(), b = i32()
                boundaries.append(MasterModel.BoundaryPoint(x: x, y: y, nx: nx, ny: ny, a: a, b: b, reachA: reachA, reachB: reachB))
            }
            var rings: [MasterModel.Ring] = []
            for _ in 0..<nRings {
                let radius = f64()
                rings.append(MasterModel.Ring(radius: radius, rgb: (0..<perRing).map { _ in f32() }))
            }
            return (outline, boundaries, rings)
        }
    }
}

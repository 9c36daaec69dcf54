import QCImage

/// The sRGB transfer curve (IEC 61966-2-1:1999 §5.2): encoded value V <-> linear light L, both 0...1.
public enum SRGBTransfer {
    /// Linear light from an encoded value: V/12.92 below 0.04045, else ((V+0.055)/1.055)^2.4.
    @inlinable public static func decode(_ v: Double) -> Double {
        v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
    }

    /// Encoded value from linear light: 12.92·L below 0.0031308, else 1.055·L^(1/2.4) − 0.055.
    @inlinable public static func encode(_ l: Double) -> Double {
        l <= 0.0031308 ? l * 12.92 : 1.055 * pow(l, 1.0 / 2.4) - 0.055
    }

    @inlinable public static func decode(_ v: Float) -> Float { Float(decode(Double(v))) }
    @inlinable public static func encode(_ l: Float) -> Float { Float(encode(Double(l))) }

    /// 8-bit code value (0...255) to linear light, exact for every code (a 256-entry table).
    public static let linearFromByte: [Float] = (0..<256).map { Float(decode(Double($0) / 255.0)) }
}

extension Image {
    /// The same picture in linear light (no-op when already linear).
    public func linearised() -> Image {
        if transfer == .linear { return self }
        var out = self
        out.transfer = .linear
        out.samples.withUnsafeMutableBufferPointer { p in
            for i in p.indices { p[i] = SRGBTransfer.decode(p[i]) }
        }
        return out
    }

    /// The same picture display-encoded with the sRGB curve (no-op when already encoded). Values are clamped to 0...1.
    public func srgbEncoded() -> Image {
        if transfer == .sRGB { return self }
        var out = self
        out.transfer = .sRGB
        out.samples.withUnsafeMutableBufferPointer { p in
            for i in p.indices { p[i] = SRGBTransfer.encode(min(max(p[i], 0), 1)) }
        }
        return out
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

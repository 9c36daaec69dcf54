/// Colour values and conversions: linear sRGB <-> CIE XYZ <-> CIELAB, illuminant D65, 2° observer.
///
/// References: IEC 61966-2-1:1999 (sRGB primaries and matrix); CIE 15:2004 §8.2.1 (CIELAB), using the
/// exact constants ε = 216/24389 and κ = 24389/27 (not the rounded 0.008856 and 7.787).
public struct LinearRGB: Sendable, Equatable, Codable {
    public var r: Double, g: Double, b: Double
    public init(_ r: Double, _ g: Double, _ b: Double) { self.r = r; self.g = g; self.b = b }
}

/// CIE 1931 XYZ tristimulus values, Y = 1 for the reference white.
public struct XYZ: Sendable, Equatable, Codable {
    public var x: Double, y: Double, z: Double
    public init(_ x: Double, _ y: Double, _ z: Double) { self.x = x; self.y = y; self.z = z }

    /// D65 reference white as the sRGB matrix gives it (row sums of IEC 61966-2-1's matrix, Y = 1),
    /// so linear RGB (1, 1, 1) is exactly a* = b* = 0.
    public static let d65 = XYZ(0.9505, 1.0, 1.0890)
}

/// CIELAB (L* 0...100, a*, b*), relative to D65 unless stated.
public struct Lab: Sendable, Equatable, Codable {
    public var l: Double, a: Double, b: Double
    public init(_ l: Double, _ a: Double, _ b: Double) { self.l = l; self.a = a; self.b = b }

    /// Chroma C*ab = √(a² + b²).
    public var chroma: Double { (a * a + b * b).squareRoot() }
}

/// Conversions between the colour spaces above.
public enum ColourConversion {
    // sRGB (IEC 61966-2-1) linear RGB -> XYZ matrix for D65, and its inverse.
    static let rgbToXYZ: [Double] = [0.4124, 0.3576, 0.1805,
                                     0.2126, 0.7152, 0.0722,
                                     0.0193, 0.1192, 0.9505]
    static let xyzToRGB: [Double] = [3.2406, -1.5372, -0.4986,
                                     -0.9689, 1.8758, 0.0415,
                                     0.0557, -0.2040, 1.0570]

    /// CIE ε = 216/24389 and κ = 24389/27 (CIE 15:2004 note 4 to §8.2.1).
    public static let epsilon = 216.0 / 24389.0
    public static let kappa = 24389.0 / 27.0

    public static func xyz(_ c: LinearRGB) -> XYZ {
        let m = rgbToXYZ
        return XYZ(m[0] * c.r + m[1] * c.g + m[2] * c.b,
                   m[3] * c.r + m[4] * c.g + m[5] * c.b,
                   m[6] * c.r + m[7] * c.g + m[8] * c.b)
    }

    public static func linearRGB(_ c: XYZ) -> LinearRGB {
        let m = xyzToRGB
        return LinearRGB(m[0] * c.x + m[1] * c.y + m[2] * c.z,
                         m[3] * c.x + m[4] * c.y + m[5] * c.z,
                         m[6] * c.x + m[7] * c.y + m[8] * c.z)
    }

    /// XYZ -> CIELAB relative to `white` (default D65).
    public static func lab(_ c: XYZ, white: XYZ = .d65) -> Lab {
        func f(_ t: Double) -> Double { t > epsilon ? cbrt(t) : (kappa * t + 16) / 116 }
        let fx = f(c.x / white.x), fy = f(c.y / white.y), fz = f(c.z / white.z)
        return Lab(116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))
    }

    /// CIELAB -> XYZ relative to `white` (default D65).
    public static func xyz(_ c: Lab, white: XYZ = .d65) -> XYZ {
        let fy = (c.l + 16) / 116, fx = fy + c.a / 500, fz = fy - c.b / 200
        func finv(_ f: Double) -> Double { let f3 = f * f * f; return f3 > epsilon ? f3 : (116 * f - 16) / kappa }
        let yr = c.l > kappa * epsilon ? fy * fy * fy : c.l / kappa
        return XYZ(finv(fx) * white.x, yr * white.y, finv(fz) * white.z)
    }

    public static func lab(_ c: LinearRGB) -> Lab { lab(xyz(c)) }
    public static func linearRGB(_ c: Lab) -> LinearRGB { linearRGB(xyz(c)) }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

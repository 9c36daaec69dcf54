import Foundation
import Testing
import QCColor
import QCImage

struct ColourConversionTests {
    @Test func srgbCurveRoundTripsAndIsContinuous() {
        for i in 0...1000 {
            let v = Double(i) / 1000
            #expect(abs(SRGBTransfer.encode(SRGBTransfer.decode(v)) - v) < 1e-12)
        }
        // The two pieces meet at the threshold (IEC 61966-2-1).
        let below = 0.04045 / 12.92, above = pow((0.04045 + 0.055) / 1.055, 2.4)
        #expect(abs(below - above) < 1e-6)
        #expect(abs(SRGBTransfer.decode(0.5) - 0.214041) < 1e-6)
    }

    @Test func byteTableMatchesTheCurve() {
        #expect(SRGBTransfer.linearFromByte.count == 256)
        #expect(SRGBTransfer.linearFromByte[0] == 0 && SRGBTransfer.linearFromByte[255] == 1)
        #expect(abs(Double(SRGBTransfer.linearFromByte[128]) - SRGBTransfer.decode(128.0 / 255)) < 1e-7)
    }

    @Test func whiteIsL100AndNeutral() {
        let lab = ColourConversion.lab(LinearRGB(1, 1, 1))
        #expect(abs(lab.l - 100) < 1e-9 && abs(lab.a) < 1e-9 && abs(lab.b) < 1e-9)
        let grey = ColourConversion.lab(LinearRGB(0.18, 0.18, 0.18))
        #expect(abs(grey.a) < 1e-9 && abs(grey.b) < 1e-9)
        #expect(abs(grey.l - 49.496) < 0.01) // 18 % grey is L* ≈ 49.5
    }

    @Test func primariesHaveTheirKnownLab() {
        // sRGB red, green, blue in CIELAB D65 (widely tabulated; the D65 white differs in the 4th decimal).
        let red = ColourConversion.lab(LinearRGB(1, 0, 0))
        #expect(abs(red.l - 53.24) < 0.02 && abs(red.a - 80.09) < 0.1 && abs(red.b - 67.20) < 0.1)
        let green = ColourConversion.lab(LinearRGB(0, 1, 0))
        #expect(abs(green.l - 87.73) < 0.02 && abs(green.a + 86.18) < 0.1 && abs(green.b - 83.18) < 0.1)
        let blue = ColourConversion.lab(LinearRGB(0, 0, 1))
        #expect(abs(blue.l - 32.30) < 0.02 && abs(blue.a - 79.19) < 0.1 && abs(blue.b + 107.86) < 0.1)
    }

    @Test func labRoundTripsThroughXYZIncludingTheLinearSegment() {
        for lab in [Lab(50, 10, -20), Lab(5, 1, 1), Lab(0.5, 0, 0), Lab(95, -30, 60), Lab(7.9, 3, -2)] {
            let back = ColourConversion.lab(ColourConversion.xyz(lab))
            #expect(abs(back.l - lab.l) < 1e-9 && abs(back.a - lab.a) < 1e-9 && abs(back.b - lab.b) < 1e-9, "\(lab)")
        }
        let rgb = LinearRGB(0.3, 0.6, 0.1)
        let back = ColourConversion.linearRGB(ColourConversion.lab(rgb))
        #expect(abs(back.r - 0.3) < 1e-3 && abs(back.g - 0.6) < 1e-3 && abs(back.b - 0.1) < 1e-3)
    }

    @Test func imageLinearisationUsesTheCurve() {
        var image = Image(width: 2, height: 1, channels: 1)
        image.samples = [0.5, 1.0]
        let linear = image.linearised()
        #expect(linear.transfer == .linear)
        #expect(abs(linear.samples[0] - 0.214041) < 1e-5 && linear.samples[1] == 1)
        let back = linear.srgbEncoded()
        #expect(abs(back.samples[0] - 0.5) < 1e-6 && back.transfer == .sRGB)
    }
}

import Foundation
import Testing
import QCTestSupport
import QCColor

/// CIEDE2000 against the full test data of Sharma, Wu & Dalal, Color Res. Appl. 30(1):21–30, 2005, Table 1
/// (../shared/testdata/colour/ciede2000_sharma2005.csv; see SOURCES.md there for the citation).
@Suite(.enabled(if: TestData.available, TestData.skipNote))
struct CIEDE2000Tests {
    struct Pair { var n: Int; var lab1: Lab; var lab2: Lab; var expected: Double }

    func pairs() throws -> [Pair] {
        let text = try String(contentsOfFile: TestData.path("colour/ciede2000_sharma2005.csv"), encoding: .utf8)
        return try text.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard f.count == 8, f.allSatisfy({ $0 != nil }) else { throw CocoaError(.fileReadCorruptFile) }
            let v = f.map { $0! }
            return Pair(n: Int(v[0]), lab1: Lab(v[1], v[2], v[3]), lab2: Lab(v[4], v[5], v[6]), expected: v[7])
        }
    }

    @Test func allThirtyFourPairsToFourDecimals() throws {
        let data = try pairs()
        #expect(data.count == 34)
        let de = CIEDE2000()
        for p in data {
            let forward = de.difference(p.lab1, p.lab2)
            let backward = de.difference(p.lab2, p.lab1)
            #expect((forward * 10_000).rounded() / 10_000 == p.expected, "pair \(p.n): \(forward)")
            #expect(abs(forward - backward) < 1e-12, "pair \(p.n) is not symmetric")
        }
    }

    @Test func hueWrapAroundPairsUseTheMeanHueRule() throws {
        // Pairs 7–16 straddle h' = 0/360 or have |h'1 − h'2| > 180°; a naive mean hue breaks them.
        let data = try pairs().filter { (7...16).contains($0.n) }
        for p in data {
            let t = CIEDE2000().terms(p.lab1, p.lab2)
            #expect(t.meanHp >= 0 && t.meanHp < 360)
            if abs(t.h1p - t.h2p) > 180 && t.c1p * t.c2p != 0 {
                #expect(abs(t.meanHp - (t.h1p + t.h2p) / 2) > 90, "pair \(p.n) used the plain mean")
            }
        }
    }
}

struct CIEDE2000PropertyTests {
    @Test func identicalColoursDifferByZero() {
        for lab in [Lab(0, 0, 0), Lab(50, 20, -30), Lab(100, 0, 0)] {
            #expect(CIEDE2000().difference(lab, lab) == 0)
        }
    }

    @Test func lightnessOnlyDifferenceFollowsSL() {
        // With equal a*, b* only the lightness term remains: ΔE00 = |ΔL| / SL, SL at the mean L.
        let t = CIEDE2000().terms(Lab(40, 0, 0), Lab(60, 0, 0))
        let lMean = 50.0
        let sl = 1 + 0.015 * pow(lMean - 50, 2) / (20 + pow(lMean - 50, 2)).squareRoot()
        #expect(abs(t.sl - sl) < 1e-12)
        #expect(abs(t.deltaE - 20 / sl) < 1e-12)
    }

    @Test func achromaticColoursHaveZeroHue() {
        let t = CIEDE2000().terms(Lab(50, 0, 0), Lab(50, 0, 0))
        #expect(t.h1p == 0 && t.h2p == 0 && t.dHp == 0)
    }
}

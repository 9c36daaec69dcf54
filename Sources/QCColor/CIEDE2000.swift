/// The CIEDE2000 colour difference ΔE00 between two CIELAB colours.
///
/// Follows Sharma, Wu & Dalal, "The CIEDE2000 Color-Difference Formula: Implementation Notes,
/// Supplementary Test Data, and Mathematical Observations", Color Res. Appl. 30(1):21–30, 2005,
/// equations (1)–(17) term by term, with the paper's symbols. Hue angles are in degrees.
/// Edge cases as in the paper: a colour with C' = 0 has h' = 0; the mean hue and Δh' use the
/// rules for |h'1 − h'2| > 180° and for C'1·C'2 = 0.
public struct CIEDE2000: Sendable, Equatable {
    /// Parametric weights kL, kC, kH (all 1 for the reference conditions).
    public var kL = 1.0, kC = 1.0, kH = 1.0

    public init(kL: Double = 1, kC: Double = 1, kH: Double = 1) { self.kL = kL; self.kC = kC; self.kH = kH }

    /// Every intermediate quantity of the paper's Table 1, for verification and reports.
    public struct Terms: Sendable, Equatable {
        public var a1p, a2p, c1p, c2p, h1p, h2p: Double
        public var meanHp, g, t, sl, sc, sh, rt: Double
        public var dLp, dCp, dHp: Double
        public var deltaE: Double
    }

    /// ΔE00 between `lab1` and `lab2` (symmetric).
    public func difference(_ lab1: Lab, _ lab2: Lab) -> Double { terms(lab1, lab2).deltaE }

    /// ΔE00 and its intermediate terms.
    public func terms(_ lab1: Lab, _ lab2: Lab) -> Terms {
        let rad = Double.pi / 180
        // (2) C*ab and its mean
        let c1 = lab1.chroma, c2 = lab2.chroma
        let cMean = (c1 + c2) / 2
        // (4) G
        let c7 = pow(cMean, 7)
        let g = 0.5 * (1 - (c7 / (c7 + pow(25.0, 7))).squareRoot())
        // (5)-(7) a', C', h'
        let a1p = (1 + g) * lab1.a, a2p = (1 + g) * lab2.a
        let c1p = (a1p * a1p + lab1.b * lab1.b).squareRoot()
        let c2p = (a2p * a2p + lab2.b * lab2.b).squareRoot()
        func hue(_ b: Double, _ ap: Double) -> Double {
            if b == 0 && ap == 0 { return 0 }
            let h = atan2(b, ap) / rad
            return h < 0 ? h + 360 : h
        }
        let h1p = hue(lab1.b, a1p), h2p = hue(lab2.b, a2p)
        // (8)-(10) ΔL', ΔC', Δh', ΔH'
        let dLp = lab2.l - lab1.l
        let dCp = c2p - c1p
        var dhp = 0.0
        if c1p * c2p != 0 {
            dhp = h2p - h1p
            if dhp > 180 { dhp -= 360 } else if dhp < -180 { dhp += 360 }
        }
        let dHp = 2 * (c1p * c2p).squareRoot() * sin(dhp / 2 * rad)
        // (12)-(14) means
        let lMean = (lab1.l + lab2.l) / 2
        let cpMean = (c1p + c2p) / 2
        var hpMean = h1p + h2p
        if c1p * c2p != 0 {
            if abs(h1p - h2p) <= 180 { hpMean = (h1p + h2p) / 2 }
            else if h1p + h2p < 360 { hpMean = (h1p + h2p + 360) / 2 }
            else { hpMean = (h1p + h2p - 360) / 2 }
        }
        // (15) T
        let t = 1 - 0.17 * cos((hpMean - 30) * rad) + 0.24 * cos(2 * hpMean * rad)
            + 0.32 * cos((3 * hpMean + 6) * rad) - 0.20 * cos((4 * hpMean - 63) * rad)
        // (16)-(20) Δθ, RC, SL, SC, SH, RT
        let dTheta = 30 * exp(-pow((hpMean - 275) / 25, 2))
        let cp7 = pow(cpMean, 7)
        let rc = 2 * (cp7 / (cp7 + pow(25.0, 7))).squareRoot()
        let l50 = (lMean - 50) * (lMean - 50)
        let sl = 1 + 0.015 * l50 / (20 + l50).squareRoot()
        let sc = 1 + 0.045 * cpMean
        let sh = 1 + 0.015 * cpMean * t
        let rt = -sin(2 * dTheta * rad) * rc
        // (22) ΔE00
        let tl = dLp / (kL * sl), tc = dCp / (kC * sc), th = dHp / (kH * sh)
        let de = (tl * tl + tc * tc + th * th + rt * tc * th).squareRoot()
        return Terms(a1p: a1p, a2p: a2p, c1p: c1p, c2p: c2p, h1p: h1p, h2p: h2p,
                     meanHp: hpMean, g: g, t: t, sl: sl, sc: sc, sh: sh, rt: rt,
                     dLp: dLp, dCp: dCp, dHp: dHp, deltaE: de)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

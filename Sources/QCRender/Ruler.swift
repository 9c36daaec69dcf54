import QCColor

/// Which way round the ruler's colours are.
public enum RulerPolarity: String, Sendable, Codable, CaseIterable {
    /// Off-white face, near-black graduations (the usual steel or plastic rule).
    case darkOnLight = "dark_on_light"
    /// Dark blue face, white graduations.
    case lightOnDark = "light_on_dark"
}

/// The reference ruler: a face with 1 mm graduations hanging from one long edge.
///
/// Ruler frame (mm): u along the ruler, tick k's centre line at u = k (k = 0...graduations);
/// v across, v = 0 on the long edge the ticks hang from, growing into the face. The face covers
/// u ∈ [−endMargin, graduations + endMargin], v ∈ [0, width], with rounded corners.
/// Ticks are `tickWidth` wide and `shortTick`, `midTick` (every 5) or `longTick` (every 10) long;
/// numerals (centimetres, seven-segment strokes) sit below each 10 mm tick.
public struct Ruler: Sendable, Equatable {
    /// Number of 1 mm intervals: ticks 0...graduations (at least 40).
    public var graduations: Int
    /// Face width across the ruler (mm).
    public var widthMM: Double
    /// Face beyond the first and last tick (mm).
    public var endMarginMM: Double
    /// Tick line width (mm).
    public var tickWidthMM: Double
    /// Tick lengths (mm): 1 mm, 5 mm and 10 mm graduations.
    public var shortTickMM: Double, midTickMM: Double, longTickMM: Double
    /// Face corner radius (mm).
    public var cornerRadiusMM: Double
    /// Numeral height and stroke width (mm).
    public var numeralHeightMM: Double, numeralStrokeMM: Double
    /// Colour scheme.
    public var polarity: RulerPolarity

    /// A ruler; the defaults are a 60 mm rule 12 mm wide with 0.15 mm ticks of 2, 3 and 4.5 mm.
    public init(graduations: Int = 60, widthMM: Double = 12, endMarginMM: Double = 3, tickWidthMM: Double = 0.15,
                shortTickMM: Double = 2, midTickMM: Double = 3, longTickMM: Double = 4.5, cornerRadiusMM: Double = 1,
                numeralHeightMM: Double = 2.4, numeralStrokeMM: Double = 0.24, polarity: RulerPolarity = .darkOnLight) {
        self.graduations = graduations; self.widthMM = widthMM; self.endMarginMM = endMarginMM
        self.tickWidthMM = tickWidthMM; self.shortTickMM = shortTickMM; self.midTickMM = midTickMM
        self.longTickMM = longTickMM; self.cornerRadiusMM = cornerRadiusMM
        self.numeralHeightMM = numeralHeightMM; self.numeralStrokeMM = numeralStrokeMM; self.polarity = polarity
    }

    /// Face length along the ruler (mm).
    public var lengthMM: Double { Double(graduations) + 2 * endMarginMM }

    /// Length of tick `k` (mm).
    public func tickLength(_ k: Int) -> Double {
        k % 10 == 0 ? longTickMM : (k % 5 == 0 ? midTickMM : shortTickMM)
    }

    /// Linear-RGB reflectance of the face.
    public var faceLinearRGB: LinearRGB {
        polarity == .darkOnLight ? Ruler.lightReflectance : Ruler.darkBlueReflectance
    }

    /// Linear-RGB reflectance of the graduations and numerals.
    public var markLinearRGB: LinearRGB {
        polarity == .darkOnLight ? Ruler.inkReflectance : Ruler.lightReflectance
    }

    /// The ruler's white: the reflectance of whichever of face and marks is light. Colour truth is
    /// referenced to it.
    public var whiteLinearRGB: LinearRGB { Ruler.lightReflectance }

    /// Off-white (slightly warm) reflectance, about 0.85.
    static let lightReflectance = LinearRGB(0.86, 0.85, 0.82)
    /// Printed ink, about 0.05.
    static let inkReflectance = LinearRGB(0.045, 0.045, 0.05)
    /// Dark blue anodised face.
    static let darkBlueReflectance = LinearRGB(0.030, 0.055, 0.20)

    func validate() throws(RenderError) {
        guard graduations >= 40 else { throw .invalidSpec("the ruler needs at least 40 graduations, got \(graduations)") }
        guard tickWidthMM > 0, tickWidthMM < 0.5 else { throw .invalidSpec("tick width must be in (0, 0.5) mm") }
        guard shortTickMM > 0, midTickMM >= shortTickMM, longTickMM >= midTickMM else {
            throw .invalidSpec("tick lengths must be positive and short ≤ 5 mm ≤ 10 mm")
        }
        guard widthMM >= longTickMM + numeralHeightMM + 2 else {
            throw .invalidSpec("the ruler face is too narrow for its ticks and numerals")
        }
        guard endMarginMM >= 1, cornerRadiusMM >= 0, cornerRadiusMM < endMarginMM else {
            throw .invalidSpec("end margin must be ≥ 1 mm and larger than the corner radius")
        }
    }
}

/// The ruler's geometry compiled for the per-pixel loop: distances in the ruler frame (mm).
struct RulerGeometry: Sendable {
    let ruler: Ruler
    /// Numeral strokes (capsules from `strokeA[s]` to `strokeB[s]`); numeral j (at tick 10j) owns
    /// strokes `numeralStart[j] ..< numeralStart[j+1]`.
    let strokeA: [Vec2]
    let strokeB: [Vec2]
    let numeralStart: [Int]
    let numeralHalfWidth: [Double]

    init(_ ruler: Ruler) {
        self.ruler = ruler
        let h = ruler.numeralHeightMM
        let centreV = ruler.longTickMM + 0.9 + h / 2
        var a: [Vec2] = [], b: [Vec2] = [], start: [Int] = [], half: [Double] = []
        for j in 0...(ruler.graduations / 10) {
            start.append(a.count)
            let strokes = StrokeFont.strokes(number: j, centre: Vec2(Double(10 * j), centreV), height: h)
            var w = 0.0
            for (p, q) in strokes {
                a.append(p); b.append(q)
                w = max(w, abs(p.x - Double(10 * j)), abs(q.x - Double(10 * j)))
            }
            half.append(w + ruler.numeralStrokeMM)
        }
        start.append(a.count)
        strokeA = a; strokeB = b; numeralStart = start; numeralHalfWidth = half
    }

    /// Runs `body` with a kernel over raw buffers.
    func withKernel<R>(_ body: (Kernel) -> R) -> R {
        strokeA.withUnsafeBufferPointer { sa in
            strokeB.withUnsafeBufferPointer { sb in
                numeralStart.withUnsafeBufferPointer { ns in
                    numeralHalfWidth.withUnsafeBufferPointer { nh in
                        body(Kernel(ruler: ruler, strokeA: sa, strokeB: sb, numeralStart: ns, numeralHalfWidth: nh))
                    }
                }
            }
        }
    }

    /// Signed distance to the face (rounded box), mm.
    func faceDistance(_ p: Vec2) -> Double { withKernel { $0.faceDistance(p) } }

    /// Distance functions over raw buffers.
    struct Kernel {
        let graduations: Int
        let halfLength: Double, halfWidth: Double, centreU: Double, corner: Double
        let tickHalfWidth: Double
        let shortTick: Double, midTick: Double, longTick: Double
        let endMargin: Double, width: Double
        let strokeRadius: Double
        let numeralTop: Double, numeralBottom: Double
        let strokeA: UnsafeBufferPointer<Vec2>
        let strokeB: UnsafeBufferPointer<Vec2>
        let numeralStart: UnsafeBufferPointer<Int>
        let numeralHalfWidth: UnsafeBufferPointer<Double>

        init(ruler: Ruler, strokeA: UnsafeBufferPointer<Vec2>, strokeB: UnsafeBufferPointer<Vec2>,
             numeralStart: UnsafeBufferPointer<Int>, numeralHalfWidth: UnsafeBufferPointer<Double>) {
            graduations = ruler.graduations
            halfLength = ruler.lengthMM / 2; halfWidth = ruler.widthMM / 2
            centreU = Double(ruler.graduations) / 2; corner = ruler.cornerRadiusMM
            tickHalfWidth = ruler.tickWidthMM / 2
            shortTick = ruler.shortTickMM; midTick = ruler.midTickMM; longTick = ruler.longTickMM
            endMargin = ruler.endMarginMM; width = ruler.widthMM
            strokeRadius = ruler.numeralStrokeMM / 2
            let top = ruler.longTickMM + 0.9
            numeralTop = top - ruler.numeralStrokeMM
            numeralBottom = top + ruler.numeralHeightMM + ruler.numeralStrokeMM
            self.strokeA = strokeA; self.strokeB = strokeB
            self.numeralStart = numeralStart; self.numeralHalfWidth = numeralHalfWidth
        }

        /// Signed distance to the face (IQ sdRoundBox with one corner radius), mm.
        @inline(__always) func faceDistance(_ p: Vec2) -> Double {
            let qx = abs(p.x - centreU) - halfLength + corner, qy = abs(p.y - halfWidth) - halfWidth + corner
            let ox = max(qx, 0), oy = max(qy, 0)
            return (ox * ox + oy * oy).squareRoot() + min(max(qx, qy), 0) - corner
        }

        @inline(__always) func tickLength(_ k: Int) -> Double {
            k % 10 == 0 ? longTick : (k % 5 == 0 ? midTick : shortTick)
        }

        /// Index of the tick nearest `u`.
        @inline(__always) func nearestTick(_ u: Double) -> Int {
            min(max(Int(u.rounded()), 0), graduations)
        }

        /// Signed distance to the nearest tick (IQ sdBox from v = −1 into the face), mm.
        @inline(__always) func tickDistance(_ p: Vec2) -> Double {
            let k = nearestTick(p.x)
            let len = tickLength(k)
            let hy = (len + 1) / 2
            let qx = abs(p.x - Double(k)) - tickHalfWidth, qy = abs(p.y - (len - 1) / 2) - hy
            let ox = max(qx, 0), oy = max(qy, 0)
            return (ox * ox + oy * oy).squareRoot() + min(max(qx, qy), 0)
        }

        /// Signed distance to the numeral near `p` (union of its strokes), or `far` when none is near.
        @inline(__always) func numeralDistance(_ p: Vec2, far: Double) -> Double {
            guard p.y > numeralTop - 1, p.y < numeralBottom + 1 else { return far }
            let j = Int((p.x / 10).rounded())
            guard j >= 0, j < numeralHalfWidth.count, abs(p.x - Double(10 * j)) < numeralHalfWidth[j] + 1 else { return far }
            var d = Double.infinity
            for s in numeralStart[j] ..< numeralStart[j + 1] {
                d = min(d, Shape.segmentDistance(strokeA[s], strokeB[s], p))
            }
            return d - strokeRadius
        }

        /// Whether the face edge near `p` is straight (away from the rounded corners) or gently curved.
        func faceEdgeIsSimple(_ p: Vec2, window: Double, minRadius: Double) -> Bool {
            if corner >= minRadius { return true }
            let lo = -endMargin + corner + window, hi = Double(graduations) + endMargin - corner - window
            return (p.x > lo && p.x < hi) || (p.y > corner + window && p.y < width - corner - window)
        }

        /// Whether the nearest tick's edge near `p` is a single straight side (not an end).
        func tickEdgeIsSimple(_ p: Vec2, window: Double) -> Bool {
            let k = nearestTick(p.x)
            let du = p.x - Double(k)
            return p.y > -1 + window && p.y < tickLength(k) - window
                && max(abs(du - tickHalfWidth), abs(du + tickHalfWidth)) > window
        }
    }
}

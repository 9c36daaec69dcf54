import QCColor
import QCImage

/// The white reference: the linear RGB of the ruler's light face, read midway between graduations
/// inside the graduation band (the same strip of face in every photo). Exposure, white balance and
/// vignetting at the ruler scale it per channel, so dividing a colour by it removes them.
enum WhiteReference {
    /// Face pixels midway between consecutive graduations, across the middle 60 % of the band.
    static func samplePoints(width: Int, height: Int, axis: RulerAxis, ticks: [Double], spacing: Double,
                             band: ClosedRange<Double>) -> [RulerCalibration.Point] {
        guard width > 1 && height > 1, ticks.count > 1 else { return [] }
        var points: [RulerCalibration.Point] = []
        let mid = (band.lowerBound + band.upperBound) / 2, half = (band.upperBound - band.lowerBound) * 0.3
        for i in 0..<(ticks.count - 1) {
            let t = (ticks[i] + ticks[i + 1]) / 2
            for dv in stride(from: -half, through: half, by: max(1, half / 4)) {
                for dt in [-0.15 * spacing, 0, 0.15 * spacing] {
                    let p = axis.point(t: t + dt, v: mid + dv)
                    let x = Int(p.x), y = Int(p.y)
                    if x < 0 || y < 0 || x >= width || y >= height { continue }
                    points.append(.init(x: Double(x), y: Double(y)))
                }
            }
        }
        return points
    }

    /// Interquartile mean of the linear colour at `points` (integer pixels).
    ///
    /// With `blockMeans` (a JPEG photo) each sample is first moved by its blocks' rounding error: the
    /// exact block mean minus the decoded block mean, per Y, Cb and Cr, converted to R'G'B' with the
    /// JFIF equations (ITU-T T.871 §7). A decoder rounds a block's reconstructed samples to integers;
    /// where the face's chroma is flat all of them round the same way, up to half a code (0.7 % in r/g
    /// near white), and no averaging of decoded pixels removes it.
    static func measure(pixels: PhotoPixels, points: [RulerCalibration.Point], blockMeans: JPEGBlockMeans? = nil) -> LinearRGB? {
        var channels: [[Double]] = Array(repeating: [], count: 3)
        var rounding = pixels.channels == 3 ? blockMeans.map { BlockRounding(pixels: pixels, means: $0) } : nil
        for p in points {
            let x = Int(p.x), y = Int(p.y)
            var code = SIMD3<Double>((0..<3).map { Double(pixels.value($0, x, y)) * 255 })
            if let e = rounding?.error(at: x, y) { code += e }
            for c in 0..<3 { channels[c].append(SRGBTransfer.decode(min(max(code[c] / 255, 0), 1))) }
        }
        // Interquartile means, not medians: near white one 8-bit code is about 1 % of linear light, and
        // a median of quantised samples sticks to a code (up to ±0.5 % per channel, 1 % in r/g).
        guard let r = RobustStatistics.trimmedMean(channels[0], trim: 0.25), let g = RobustStatistics.trimmedMean(channels[1], trim: 0.25),
              let b = RobustStatistics.trimmedMean(channels[2], trim: 0.25) else { return nil }
        return LinearRGB(r, g, b)
    }

    /// The decoder's rounding error per block (exact minus decoded mean), computed once per block.
    struct BlockRounding {
        let pixels: PhotoPixels
        let means: JPEGBlockMeans
        var cache: [JPEGBlockMeans.Block: Double] = [:]

        init(pixels: PhotoPixels, means: JPEGBlockMeans) { self.pixels = pixels; self.means = means }

        /// Exact minus decoded Y, Cb, Cr of the blocks holding upright pixel (x, y), as an R'G'B' change
        /// in codes; zero where a block is missing.
        mutating func error(at x: Int, _ y: Int) -> SIMD3<Double> {
            var d = SIMD3<Double>(0, 0, 0)
            for c in 0..<3 {
                guard let block = means.block(component: c, u: x, v: y) else { return SIMD3(0, 0, 0) }
                if let known = cache[block] { d[c] = known; continue }
                let footprint = means.uprightPixels(block)
                var sum = 0.0
                for q in footprint { sum += Self.component(c, of: code(q.u, q.v)) }
                let e = Double(means.mean(block)) - sum / Double(max(1, footprint.count))
                cache[block] = e
                d[c] = e
            }
            // (ΔY, ΔCb, ΔCr) → (ΔR', ΔG', ΔB')
            return SIMD3(d[0] + 1.402 * d[2], d[0] - 0.344136 * d[1] - 0.714136 * d[2], d[0] + 1.772 * d[1])
        }

        func code(_ u: Int, _ v: Int) -> SIMD3<Double> {
            SIMD3(Double(pixels.value(0, u, v)) * 255, Double(pixels.value(1, u, v)) * 255, Double(pixels.value(2, u, v)) * 255)
        }

        /// Y, Cb or Cr (JFIF, full range, offset 128) of R'G'B' codes.
        static func component(_ c: Int, of p: SIMD3<Double>) -> Double {
            switch c {
            case 0: return 0.299 * p.x + 0.587 * p.y + 0.114 * p.z
            case 1: return -0.168736 * p.x - 0.331264 * p.y + 0.5 * p.z + 128
            default: return 0.5 * p.x - 0.418688 * p.y - 0.081312 * p.z + 128
            }
        }
    }
}

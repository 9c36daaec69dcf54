import QCColor
import QCImage

/// The white reference: the linear RGB of the ruler's light face, read midway between graduations
/// inside the graduation band (the same strip of face in every photo). Exposure, white balance and
/// vignetting at the ruler scale it per channel, so dividing a colour by it removes them.
enum WhiteReference {
    static func measure(pixels: PhotoPixels, axis: RulerAxis, ticks: [Double], spacing: Double,
                        band: ClosedRange<Double>) -> LinearRGB? {
        guard pixels.width > 1 && pixels.height > 1 else { return nil }
        var channels: [[Double]] = Array(repeating: [], count: 3)
        let mid = (band.lowerBound + band.upperBound) / 2, half = (band.upperBound - band.lowerBound) * 0.3
        for i in 0..<(ticks.count - 1) {
            let t = (ticks[i] + ticks[i + 1]) / 2
            for dv in stride(from: -half, through: half, by: max(1, half / 4)) {
                for dt in [-0.15 * spacing, 0, 0.15 * spacing] {
                    let p = axis.point(t: t + dt, v: mid + dv)
                    let x = Int(p.x), y = Int(p.y)
                    if x < 0 || y < 0 || x >= pixels.width || y >= pixels.height { continue }
                    for c in 0..<3 { channels[c].append(SRGBTransfer.decode(Double(pixels.value(c, x, y)))) }
                }
            }
        }
        // Interquartile means, not medians: near white one 8-bit code is about 1 % of linear light, and
        // a median of quantised samples sticks to a code (up to ±0.5 % per channel, 1 % in r/g).
        guard let r = RobustStatistics.trimmedMean(channels[0], trim: 0.25), let g = RobustStatistics.trimmedMean(channels[1], trim: 0.25),
              let b = RobustStatistics.trimmedMean(channels[2], trim: 0.25) else { return nil }
        return LinearRGB(r, g, b)
    }
}

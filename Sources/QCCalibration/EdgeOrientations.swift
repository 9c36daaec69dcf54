import QCImage

/// Dominant edge orientations of a picture: the candidates for a ruler's axis.
///
/// A ruler's graduations are many parallel straight edges, so the gradient directions of the frame,
/// weighted by magnitude and folded to 0...180°, peak at the ruler's axis direction (the tick edges'
/// normal). The ruler's long sides make a second peak 90° away; a round unit spreads evenly.
/// Reference: the orientation histogram of Lowe (2004), §5, here over the whole frame.
struct EdgeOrientations {
    /// Peak directions in degrees (0..<180), strongest first, at least `separation` apart.
    static func peaks(gx: [Float], gy: [Float], count: Int = 4, separation: Double = 12) -> [Double] {
        let bins = 180
        var hist = [Double](repeating: 0, count: bins)
        // Magnitude threshold: ignore the weakest gradients (noise, texture) by a robust level.
        let n = min(gx.count, gy.count)
        let mags = gx.withUnsafeBufferPointer { px in
            gy.withUnsafeBufferPointer { py in
                [Float](unsafeUninitializedCapacity: n) { out, count in
                    for i in 0..<n { out[i] = (px[i] * px[i] + py[i] * py[i]).squareRoot() }
                    count = n
                }
            }
        }
        // The 90th percentile from a regular subsample (every 16th pixel) is plenty for a threshold.
        let sample = Swift.stride(from: 0, to: n, by: 16).map { mags[$0] }
        let threshold = RobustStatistics.element(ofRank: Int(Double(sample.count - 1) * 0.90), in: sample) ?? 0
        gx.withUnsafeBufferPointer { px in
            gy.withUnsafeBufferPointer { py in
                mags.withUnsafeBufferPointer { mags in
                for i in 0..<n where mags[i] > threshold && mags[i] > 1e-4 {
                    var angle = atan2(Double(py[i]), Double(px[i])) * 180 / .pi
                    if angle < 0 { angle += 180 }
                    if angle >= 180 { angle -= 180 }
                    let b = min(Int(angle), bins - 1)
                    hist[b] += Double(mags[i])
                }
                }
            }
        }
        // Circular smoothing, twice [1 2 1].
        for _ in 0..<2 {
            var s = hist
            for b in 0..<bins { s[b] = (hist[(b + bins - 1) % bins] + 2 * hist[b] + hist[(b + 1) % bins]) / 4 }
            hist = s
        }
        var peaks: [(Double, Double)] = []
        for b in 0..<bins {
            let v = hist[b]
            if v > 0 && v >= hist[(b + bins - 1) % bins] && v > hist[(b + 1) % bins] {
                // Parabolic sub-bin refinement.
                let l = hist[(b + bins - 1) % bins], r = hist[(b + 1) % bins]
                let denom = l - 2 * v + r
                let offset = denom < 0 ? 0.5 * (l - r) / denom : 0
                var angle = Double(b) + 0.5 + offset
                if angle < 0 { angle += 180 }
                if angle >= 180 { angle -= 180 }
                peaks.append((angle, v))
            }
        }
        peaks.sort { $0.1 > $1.1 }
        var chosen: [Double] = []
        for (angle, _) in peaks {
            if chosen.allSatisfy({ angularDistance($0, angle) >= separation }) { chosen.append(angle) }
            if chosen.count == count { break }
        }
        return chosen
    }

    /// Distance between two directions modulo 180°.
    static func angularDistance(_ a: Double, _ b: Double) -> Double {
        let d = abs(a - b).truncatingRemainder(dividingBy: 180)
        return min(d, 180 - d)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import QCImage

/// Rim (border) width: at each outline point, the distance along the inward normal from the outer edge
/// to the first enamel boundary, each edge located to sub-pixel precision (50 % crossings in linear
/// light, `EdgeProfile`). Per side: the median over points whose outward normal (in the design frame)
/// lies within 45° of that side; min: the 2nd percentile over all points (type-7 quantiles).
enum BorderWidth {
    struct Sample {
        /// Outline point in the photo, px, and its outward normal in the design frame.
        var x: Double, y: Double
        var designNX: Double, designNY: Double
        var width: Double
    }

    /// Measures the rim at every outline point of `analysis`.
    /// - Parameters:
    ///   - metal: white-referenced linear colour of the plating.
    ///   - fill: for an outline point in the design frame (x, y mm), the colour of the first fill inward
    ///     and the expected rim there (mm); nil where no fill borders the rim.
    static func measure(_ analysis: PhotoAnalysis, registration: Registration, metal: SIMD3<Float>,
                        fill: (Double, Double) -> (colour: SIMD3<Float>, expected: Double)?) -> [Sample] {
        let s = analysis.pxPerMM
        // Outline points are independent: measured on every core, kept in outline order.
        let points = analysis.outline.points
        return ParallelMap.map(points.count) { k -> Sample? in
            let p = points[k]
            let d = registration.toDesign(p.x, p.y)
            guard let (fillColour, expected) = fill(d.0, d.1) else { return nil }
            let reach = (2 * expected + 0.5) * s
            // Colours read on demand: the rim's plateau, the walk to its inner edge and the windows
            // around that edge, not the whole reach (see EdgeProfile.crossing).
            var profile = analysis.colourProfile(from: 0, through: reach, step: 0.25) { t in (p.x - t * p.nx, p.y - t * p.ny) }
            guard profile.t.count > 16 else { return nil }
            // Shading varies over the metal: read the plating just inside the outer edge and scale the
            // fill's colour by the same local light, so the ½ level sits between the two actual colours.
            guard let localMetal = profile.mean(in: 2.5...4.0) else { return nil }
            let shade = (localMetal / metal).sum() / 3
            let localFill = fillColour * (1 + 0.5 * (shade - 1))
            // First metal→fill crossing past the outer edge's blur.
            let first = profile.firstCrossing(side1: localMetal, side2: localFill, chromaWeight: EdgeProfile.outlineChromaWeight,
                                              from: 2.5)
            guard let start = first,
                  let r = profile.refine(start: start, gap: 3, width: 1.5, within: 2.5...reach,
                                         fallback1: localMetal, fallback2: localFill,
                                         chromaWeight: EdgeProfile.outlineChromaWeight) else { return nil }
            let n = registration.directionToDesign(p.nx, p.ny)
            return Sample(x: p.x, y: p.y, designNX: n.0, designNY: n.1, width: r.edge / s)
        }.compactMap { $0 }
    }

    /// Per-side medians and the 2nd percentile.
    static func summarise(_ samples: [Sample]) -> Measurements.BorderWidth? {
        guard samples.count >= 8 else { return nil }
        func side(_ ux: Double, _ uy: Double) -> Double {
            let v = samples.filter { $0.designNX * ux + $0.designNY * uy >= cos(.pi / 4) - 1e-12 }.map(\.width)
            return RobustStatistics.median(v) ?? .nan
        }
        return Measurements.BorderWidth(top: side(0, -1), right: side(1, 0), bottom: side(0, 1), left: side(-1, 0),
                                        min: RobustStatistics.quantile(samples.map(\.width), 0.02) ?? .nan)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

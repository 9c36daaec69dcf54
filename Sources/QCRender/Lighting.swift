#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The fixed lighting of the set-up: gentle shading and specular highlights on metal, soft shadows,
/// and a gentle illumination gradient across the frame.
///
/// Metal shading is a known smooth field in the unit's own frame (so a good unit shows exactly the
/// master's shading whatever its pose, and the tone truth of a good unit is exactly zero):
/// `S(q) = 1 + A·(q₀·ℓ)/R` with q₀ = q / scale, R the design's bounding radius and ℓ = (−0.6, −0.8)
/// the direction towards the light (upper left): a gentle linear gradient, brighter towards the light,
/// whose median over a symmetric rim is 1. Enamel gets half the
/// modulation. Highlights are elongated Gaussian spots added on the rim where it faces the light in the
/// image; they are not part of the shading field, so the typical shading excludes them.
public struct Lighting: Sendable, Equatable {
    /// Shading field amplitude A (0 = flat metal); the default gives factors 0.88...1.12.
    public var shadingAmplitude: Double
    /// Number of specular highlights on the rim (0...3).
    public var highlightCount: Int
    /// Peak added radiance of the brightest highlight (relative to a white reflectance of 1).
    public var highlightPeak: Double
    /// Darkening at the edge of the soft shadows the unit and ruler cast on the background (0...1).
    public var shadowStrength: Double
    /// Relative illumination change from the frame centre to its corner, brighter to the upper left.
    public var illuminationGradient: Double

    /// Lighting; the defaults are the standard set-up.
    public init(shadingAmplitude: Double = 0.12, highlightCount: Int = 3, highlightPeak: Double = 0.55,
                shadowStrength: Double = 0.35, illuminationGradient: Double = 0.03) {
        self.shadingAmplitude = shadingAmplitude; self.highlightCount = highlightCount
        self.highlightPeak = highlightPeak; self.shadowStrength = shadowStrength
        self.illuminationGradient = illuminationGradient
    }

    /// The standard set-up.
    public static let standard = Lighting()
    /// Perfectly even light: no shading, highlights, shadows or gradient (for geometry tests).
    public static let flat = Lighting(shadingAmplitude: 0, highlightCount: 0, highlightPeak: 0,
                                      shadowStrength: 0, illuminationGradient: 0)

    /// Unit vector towards the light, in the unit's frame and in the image.
    public static let lightDirection = Vec2(-0.6, -0.8)

    /// Metal shading factor S at `q` (unit frame, mm) for a unit of `scale` whose design has bounding radius `radius`.
    @inline(__always) public func shading(at q: Vec2, scale: Double, radius: Double) -> Double {
        if shadingAmplitude == 0 { return 1 }
        return 1 + shadingAmplitude * (q / scale).dot(Lighting.lightDirection) / radius
    }

    /// Highlights of `unit` photographed at `rotationDeg`: on the rim's centre line where the outline
    /// faces the light in the image, the first the brightest, the others 1/9 of the outline either side.
    /// Positions are in the unit's design frame.
    public func highlights(for unit: UnitGeometry, rotationDeg: Double) -> [Highlight] {
        guard highlightCount > 0, highlightPeak > 0 else { return [] }
        let samples = unit.outline.boundaryChains().flatMap { CurvePiece.sampleUniformly($0, spacing: 0.05) }
        guard !samples.isEmpty else { return [] }
        // The light direction seen in the unit's frame.
        let light = Lighting.lightDirection.rotated(byDegrees: -rotationDeg)
        var best = 0
        for (i, s) in samples.enumerated() where s.normal.dot(light) > samples[best].normal.dot(light) {
            best = i
        }
        let step = samples.count / 9
        let picks = [best, (best + step) % samples.count, (best - step + samples.count) % samples.count]
        let rim = unit.design.rimWidth * unit.scale
        return picks.prefix(min(highlightCount, 3)).enumerated().map { k, i in
            let s = samples[i]
            return Highlight(centreMM: s.point - s.normal * (rim / 2), tangent: s.normal.perpendicular,
                             sigmaAlongMM: 0.9 * unit.scale, sigmaAcrossMM: min(0.18, rim / 4),
                             peak: highlightPeak * (k == 0 ? 1 : 0.6))
        }
    }
}

/// A specular highlight: an elongated Gaussian spot of added radiance on plated metal.
public struct Highlight: Sendable, Equatable, Codable {
    /// Centre in the unit's design frame (mm).
    public var centreMM: Vec2
    /// Unit direction of the long axis (design frame).
    public var tangent: Vec2
    /// Standard deviations along and across the long axis (mm).
    public var sigmaAlongMM: Double
    public var sigmaAcrossMM: Double
    /// Peak added radiance.
    public var peak: Double

    enum CodingKeys: String, CodingKey {
        case centreMM = "centre_mm", tangent, sigmaAlongMM = "sigma_along_mm", sigmaAcrossMM = "sigma_across_mm", peak
    }

    /// Added radiance at `q` (design frame, mm).
    @inline(__always) func value(at q: Vec2) -> Double {
        let d = q - centreMM
        let a = d.dot(tangent), b = d.cross(tangent)
        let e = a * a / (2 * sigmaAlongMM * sigmaAlongMM) + b * b / (2 * sigmaAcrossMM * sigmaAcrossMM)
        return e > 18 ? 0 : peak * exp(-e)
    }
}

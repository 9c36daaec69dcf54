#if canImport(Glibc)
import Glibc
#endif
import QCImage

/// How the light falls on a unit's plated metal: a smooth shading plane and the cores of specular
/// highlights, in the design frame.
///
/// The shading is modelled as a plane in log luminance over the design frame, fitted robustly
/// (iteratively dropping samples beyond 2.5 robust σ, cf. Huber 1981). Samples far above it (4 σ) are
/// highlight cores. Plating tone leaves out the metal near a core; boundary shift and the master leave
/// out the boundary points beside one, because a highlight's flank tilts the metal's level across the
/// edge and moves its ½ crossing by up to half a pixel.
struct MetalShading {
    /// Design-frame sample points (mm) and their white-referenced linear colours.
    var points: [(Double, Double)]
    var samples: [SIMD3<Float>]
    /// True for samples the final plane fit kept (within 2.5 σ).
    var inPlane: [Bool]
    /// log luminance = c0 + c1·x + c2·y.
    var plane: (Double, Double, Double)
    /// Highlight cores, design frame (mm).
    var cores: [(Double, Double)]
    /// Median shading level over the sampled metal (the master's region colours are read at it).
    var typicalLevel: Double = 1
    /// Distance (mm) around a core that counts as near it.
    static let reach = 1.0
    private var grid = PointGrid([], cell: MetalShading.reach)

    /// Fits the shading to the metal at design-frame `points`; nil with fewer than 20 readable samples.
    static func fit(_ analysis: PhotoAnalysis, registration: Registration, points: [(Double, Double)]) -> MetalShading? {
        var samples: [SIMD3<Float>] = [], where_: [(Double, Double)] = []
        samples.reserveCapacity(points.count)
        where_.reserveCapacity(points.count)
        for (x, y) in points {
            let p = registration.toPhoto(x, y)
            if let c = analysis.normalisedColour(p.0, p.1) { samples.append(c); where_.append((x, y)) }
        }
        guard samples.count >= 20 else { return nil }
        let logLum = samples.map { log(max(Double(0.2126 * $0.x + 0.7152 * $0.y + 0.0722 * $0.z), 1e-6)) }
        var keep = Array(samples.indices)
        var residual = [Double](repeating: 0, count: samples.count)
        var sigma = 0.0
        var plane: (Double, Double, Double)?
        for _ in 0..<6 {
            guard keep.count >= 20, let fitted = PlatingTone.fitPlane(keep.map { where_[$0] }, keep.map { logLum[$0] }) else { break }
            plane = fitted
            for i in samples.indices { residual[i] = logLum[i] - (fitted.0 + fitted.1 * where_[i].0 + fitted.2 * where_[i].1) }
            sigma = max(1.4826 * (RobustStatistics.median(keep.map { abs(residual[$0]) }) ?? 0), 0.002)
            let next = samples.indices.filter { abs(residual[$0]) <= 2.5 * sigma }
            if next == keep { break }
            keep = next
        }
        guard let plane else { return nil }
        var inPlane = [Bool](repeating: false, count: samples.count)
        for i in keep { inPlane[i] = true }
        var shading = MetalShading(points: where_, samples: samples, inPlane: inPlane, plane: plane,
                                   cores: samples.indices.filter { residual[$0] > 4 * sigma }.map { where_[$0] })
        shading.grid = PointGrid(shading.cores, cell: Self.reach)
        shading.typicalLevel = RobustStatistics.median(where_.map { shading.level($0.0, $0.1) }) ?? 1
        return shading
    }

    /// Shading level (relative linear luminance) at design point (x, y).
    func level(_ x: Double, _ y: Double) -> Double { exp(plane.0 + plane.1 * x + plane.2 * y) }

    /// True within `reach` mm of a highlight core.
    func nearHighlight(_ x: Double, _ y: Double) -> Bool {
        guard !cores.isEmpty else { return false }
        var found = false
        grid.forEach(near: x, y, within: Self.reach) { _ in found = true }
        return found
    }
}

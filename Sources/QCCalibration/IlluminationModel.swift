import QCColor
import QCImage

/// Smooth illumination over the frame (vignetting and gentle gradients), fitted to the plain background.
///
/// Model: linear-light background level L(x, y) = c0 + c1·x + c2·y + c3·x² + c4·x·y + c5·y², with x, y
/// normalised to −1...1 over the frame. Fitted by least squares to the medians of a grid of cells,
/// iteratively dropping cells more than 2.5 robust σ away (the unit, the ruler, shadows): an
/// M-estimator in the spirit of Huber (1981), with hard rejection.
public struct IlluminationModel: Sendable, Equatable, Codable {
    public var width: Int
    public var height: Int
    /// Polynomial coefficients c0...c5 (see above), linear-light units.
    public var coefficients: [Double]
    /// Background cells the fit kept / examined.
    public var cellsUsed: Int
    public var cellsTotal: Int

    enum CodingKeys: String, CodingKey {
        case width, height, coefficients, cellsUsed = "cells_used", cellsTotal = "cells_total"
    }

    /// Modelled level at image point (x, y), px.
    public func level(x: Double, y: Double) -> Double {
        let nx = 2 * x / Double(width) - 1, ny = 2 * y / Double(height) - 1
        let c = coefficients
        return c[0] + c[1] * nx + c[2] * ny + c[3] * nx * nx + c[4] * nx * ny + c[5] * ny * ny
    }

    /// The polynomial with its coefficients unpacked, for evaluation in per-sample loops (no array
    /// access, no reference counting). `level` equals `IlluminationModel.level`.
    public struct Evaluator: Sendable {
        @usableFromInline let c0, c1, c2, c3, c4, c5: Double
        @usableFromInline let sx, sy: Double

        public init(_ model: IlluminationModel) {
            let c = model.coefficients
            (c0, c1, c2, c3, c4, c5) = (c[0], c[1], c[2], c[3], c[4], c[5])
            sx = 2 / Double(model.width); sy = 2 / Double(model.height)
        }

        @inlinable public func level(x: Double, y: Double) -> Double {
            let nx = x * sx - 1, ny = y * sy - 1
            return c0 + c1 * nx + c2 * ny + c3 * nx * nx + c4 * nx * ny + c5 * ny * ny
        }
    }

    /// Darkest corner relative to the brightest point of the model over the frame, percent (vignetting).
    public var falloffPercent: Double {
        var top = -Double.infinity
        for j in 0...10 { for i in 0...10 { top = max(top, level(x: Double(i) * Double(width) / 10, y: Double(j) * Double(height) / 10)) } }
        let corners = [level(x: 0, y: 0), level(x: Double(width), y: 0), level(x: 0, y: Double(height)),
                       level(x: Double(width), y: Double(height))]
        return top > 0 ? min(100, max(0, 100 * (1 - corners.min()! / top))) : 0
    }

    /// Fits the model to `image` (display-encoded); nil when too little plain background is visible.
    public static func fit(_ image: Image, cellsAcross: Int = 32) -> IlluminationModel? {
        fit(thumbnail: Thumbnail(image, factor: max(1, image.width / 800)), cellsAcross: cellsAcross)
    }

    /// Fits the model to a thumbnail of the photo (coarsened further to 700-1400 px across: a smooth
    /// model needs no full resolution).
    /// `grey`, when given, is `GreyPlane(thumbnail.image)` made already (the ruler search's).
    public static func fit(thumbnail: Thumbnail, grey thumbnailGrey: GreyPlane? = nil, cellsAcross: Int = 32) -> IlluminationModel? {
        let step = max(1, thumbnail.image.width / 800)
        let coarse = thumbnail.coarsened(by: step)
        let factor = coarse.factor
        let grey = step == 1 ? thumbnailGrey ?? GreyPlane(coarse.image) : GreyPlane(coarse.image)
        let cell = max(4, grey.width / cellsAcross)
        let nx = grey.width / cell, ny = grey.height / cell
        guard nx >= 4, ny >= 4 else { return nil }
        var xs: [Double] = [], ys: [Double] = [], vs: [Double] = []
        let sub = max(1, cell / 20)
        var values = [Double]()
        values.reserveCapacity(cell * cell)
        for j in 0..<ny {
            for i in 0..<nx {
                values.removeAll(keepingCapacity: true)
                // Cells wider than 39 px are read on a regular sub-grid (about 20 × 20 samples are
                // plenty for a cell's quantiles and keep the cost independent of the photo size).
                for y in Swift.stride(from: j * cell, to: (j + 1) * cell, by: sub) {
                    for x in Swift.stride(from: i * cell, to: (i + 1) * cell, by: sub) { values.append(Double(grey[x, y])) }
                }
                guard let q = RobustStatistics.quantiles(values, [0.1, 0.9, 0.5]) else { continue }
                let lo = q[0], hi = q[1], med = q[2]
                // A plain cell has little spread; cells with edges (unit, ruler, numerals) are skipped.
                if hi - lo > 0.08 { continue }
                xs.append(2 * (Double(i) + 0.5) / Double(nx) - 1)
                ys.append(2 * (Double(j) + 0.5) / Double(ny) - 1)
                vs.append(SRGBTransfer.decode(med))
            }
        }
        let total = nx * ny
        // Start from the cells near the typical background level, so plain patches of other surfaces
        // (the ruler face, flat enamel) cannot bend the first fit.
        guard let typical = RobustStatistics.median(vs) else { return nil }
        var keep = vs.indices.filter { abs(vs[$0] - typical) < 0.25 * typical }
        var coefficients = [Double](repeating: 0, count: 6)
        for _ in 0..<5 {
            guard keep.count >= 12, let c = leastSquares(keep.map { basis(xs[$0], ys[$0]) }, keep.map { vs[$0] }) else { return nil }
            coefficients = c
            let residuals = keep.map { vs[$0] - zip(c, basis(xs[$0], ys[$0])).map(*).reduce(0, +) }
            let sigma = max(RobustStatistics.mad(residuals) ?? 0, 1e-4)
            let next = zip(keep, residuals).filter { abs($0.1) <= 2.5 * sigma }.map(\.0)
            if next.count == keep.count { break }
            keep = next
        }
        guard keep.count >= max(12, total / 5) else { return nil }
        let model = IlluminationModel(width: grey.width * factor, height: grey.height * factor, coefficients: coefficients,
                                      cellsUsed: keep.count, cellsTotal: total)
        // A physical illumination is positive everywhere in the frame; anything else means the
        // "background" was not plain (mixed surfaces) and the model would mislead.
        for j in 0...10 { for i in 0...10 {
            if model.level(x: Double(i) * Double(model.width) / 10, y: Double(j) * Double(model.height) / 10) <= 0.01 { return nil }
        } }
        return model
    }

    static func basis(_ x: Double, _ y: Double) -> [Double] { [1, x, y, x * x, x * y, y * y] }

    /// Solves the normal equations (AᵀA)c = Aᵀb by Gaussian elimination with partial pivoting.
    static func leastSquares(_ rows: [[Double]], _ b: [Double]) -> [Double]? {
        let m = rows.first?.count ?? 0
        var ata = [[Double]](repeating: [Double](repeating: 0, count: m + 1), count: m)
        for (row, value) in zip(rows, b) {
            for i in 0..<m {
                for j in 0..<m { ata[i][j] += row[i] * row[j] }
                ata[i][m] += row[i] * value
            }
        }
        for col in 0..<m {
            guard let pivot = (col..<m).max(by: { abs(ata[$0][col]) < abs(ata[$1][col]) }),
                  abs(ata[pivot][col]) > 1e-12 else { return nil }
            ata.swapAt(col, pivot)
            for r in 0..<m where r != col {
                let f = ata[r][col] / ata[col][col]
                for c in col...m { ata[r][c] -= f * ata[col][c] }
            }
        }
        return (0..<m).map { ata[$0][m] / ata[$0][$0] }
    }
}

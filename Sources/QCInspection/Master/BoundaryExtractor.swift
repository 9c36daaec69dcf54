/// Internal colour boundaries of the master's region map, as points with normals refined on the photo.
///
/// Every pair of 4-neighbouring grid cells with different labels (both inside the unit) gives a
/// boundary sample at their shared edge. Its normal is the principal direction across the boundary,
/// from a PCA of the samples of the same label pair within 2.5 cells, oriented from region a to b.
/// `reach` is how far each region extends from the sample along the normal (capped at 1.5 mm).
enum BoundaryExtractor {
    static func extract(labels: [Int8], grid: MasterModel.Grid) -> [MasterModel.BoundaryPoint] {
        let w = grid.width, h = grid.height, g = grid.cell
        struct Raw { var x: Double, y: Double, a: Int8, b: Int8, cx: Double, cy: Double }
        var raw: [Raw] = []
        for j in 0..<h {
            for i in 0..<w {
                let l = labels[j * w + i]
                guard l >= 0 else { continue }
                if i + 1 < w, case let r = labels[j * w + i + 1], r >= 0, r != l {
                    raw.append(Raw(x: grid.originX + Double(i + 1) * g, y: grid.originY + (Double(j) + 0.5) * g,
                                   a: min(l, r), b: max(l, r), cx: l < r ? 1 : -1, cy: 0))
                }
                if j + 1 < h, case let d = labels[(j + 1) * w + i], d >= 0, d != l {
                    raw.append(Raw(x: grid.originX + (Double(i) + 0.5) * g, y: grid.originY + Double(j + 1) * g,
                                   a: min(l, d), b: max(l, d), cx: 0, cy: l < d ? 1 : -1))
                }
            }
        }
        // Bucket by cell for neighbour queries.
        var buckets: [Int: [Int]] = [:]
        func key(_ x: Double, _ y: Double) -> Int {
            Int(((x - grid.originX) / (3 * g)).rounded(.down)) * 100_003 + Int(((y - grid.originY) / (3 * g)).rounded(.down))
        }
        for (k, r) in raw.enumerated() { buckets[key(r.x, r.y), default: []].append(k) }
        func labelAt(_ x: Double, _ y: Double) -> Int8 {
            let i = Int(((x - grid.originX) / g).rounded(.down)), j = Int(((y - grid.originY) / g).rounded(.down))
            if i < 0 || j < 0 || i >= w || j >= h { return -1 }
            return labels[j * w + i]
        }
        var out: [MasterModel.BoundaryPoint] = []
        out.reserveCapacity(raw.count)
        for r in raw {
            // PCA over same-pair samples within 2.5 cells.
            var sxx = 0.0, sxy = 0.0, syy = 0.0, n = 0.0, mx = 0.0, my = 0.0
            var near: [Raw] = []
            let bx = Int(((r.x - grid.originX) / (3 * g)).rounded(.down)), by = Int(((r.y - grid.originY) / (3 * g)).rounded(.down))
            for dx in -1...1 { for dy in -1...1 {
                for k in buckets[(bx + dx) * 100_003 + by + dy] ?? [] {
                    let q = raw[k]
                    if q.a == r.a && q.b == r.b && (q.x - r.x) * (q.x - r.x) + (q.y - r.y) * (q.y - r.y) <= 6.25 * g * g { near.append(q) }
                }
            } }
            for q in near { mx += q.x; my += q.y; n += 1 }
            mx /= n; my /= n
            for q in near { sxx += (q.x - mx) * (q.x - mx); sxy += (q.x - mx) * (q.y - my); syy += (q.y - my) * (q.y - my) }
            // Normal = eigenvector of the smaller eigenvalue of the scatter matrix.
            let tr = sxx + syy, det = sxx * syy - sxy * sxy
            let lmin = tr / 2 - ((tr * tr / 4 - det).squareRoot().isNaN ? 0 : (tr * tr / 4 - det).squareRoot())
            var nx = sxy, ny = lmin - sxx
            if abs(nx) + abs(ny) < 1e-12 { nx = lmin - syy; ny = sxy }
            var len = (nx * nx + ny * ny).squareRoot()
            if len < 1e-12 || n < 3 { nx = r.cx; ny = r.cy; len = 1 }
            nx /= len; ny /= len
            // Orient from a (smaller label) towards b using the crude normal.
            if nx * r.cx + ny * r.cy < 0 { nx = -nx; ny = -ny }
            // Reach of each region along the normal.
            func reach(_ sign: Double, _ label: Int8) -> Double {
                var t = g * 0.5
                while t < 1.5 {
                    if labelAt(r.x + sign * t * nx, r.y + sign * t * ny) != label { return max(t - g * 0.5, 0) }
                    t += g * 0.5
                }
                return 1.5
            }
            out.append(MasterModel.BoundaryPoint(x: r.x, y: r.y, nx: nx, ny: ny, a: Int(r.a), b: Int(r.b),
                                                 reachA: reach(-1, r.a), reachB: reach(1, r.b)))
        }
        return out
    }
}

/// Points of the design frame bucketed in square cells, for "every point within r mm of here" queries
/// (boundary neighbours, highlight cores) without comparing every pair.
struct PointGrid: Sendable {
    let cell: Double
    private let xs: [Double], ys: [Double]
    private var buckets: [Int: [Int]] = [:]

    /// Buckets `points` (indices into it are what queries return); `cell` mm should be about the
    /// usual query radius.
    init(_ points: [(Double, Double)], cell: Double) {
        self.cell = cell
        xs = points.map { $0.0 }; ys = points.map { $0.1 }
        for k in points.indices { buckets[Self.key(index(xs[k]), index(ys[k])), default: []].append(k) }
    }

    /// Calls `body` with the index of every point within `radius` mm of (x, y).
    func forEach(near x: Double, _ y: Double, within radius: Double, _ body: (Int) -> Void) {
        let ci = index(x), cj = index(y), reach = max(1, Int((radius / cell).rounded(.up)))
        for dj in -reach...reach {
            for di in -reach...reach {
                for k in buckets[Self.key(ci + di, cj + dj)] ?? [] {
                    let dx = xs[k] - x, dy = ys[k] - y
                    if dx * dx + dy * dy <= radius * radius { body(k) }
                }
            }
        }
    }

    private func index(_ v: Double) -> Int { Int((v / cell).rounded(.down)) }
    private static func key(_ i: Int, _ j: Int) -> Int { i &* 73_856_093 ^ j &* 19_349_663 }
}

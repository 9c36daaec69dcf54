/// Traces the outer boundary of a blob in a binary mask: Moore-neighbour tracing with Jacob's stopping
/// criterion (Gonzalez & Woods, "Digital Image Processing", 3rd ed., §11.1.1).
enum ContourTracer {
    /// 8-neighbour offsets in clockwise order on screen (y down), starting west.
    static let dirs = [(-1, 0), (-1, -1), (0, -1), (1, -1), (1, 0), (1, 1), (0, 1), (-1, 1)]

    /// Boundary pixels of the blob containing the first foreground pixel in raster order, in order,
    /// as (x, y) work-pixel indices. Empty for an empty mask.
    static func trace(_ mask: [Bool], width w: Int, height h: Int) -> [(Int, Int)] {
        guard let start = mask.firstIndex(of: true) else { return [] }
        func on(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < w && y < h && mask[y * w + x] }
        let s = (start % w, start / w)
        let b0 = (s.0 - 1, s.1)      // west of the first pixel in raster order is background
        var c = s, b = b0
        var contour = [s]
        let limit = 8 * w * h
        for _ in 0..<limit {
            guard let k0 = dirs.firstIndex(where: { $0.0 == b.0 - c.0 && $0.1 == b.1 - c.1 }) else { break }
            var next: (Int, Int)?
            var prev = b
            for k in 1...8 {
                let d = dirs[(k0 + k) % 8]
                let n = (c.0 + d.0, c.1 + d.1)
                if on(n.0, n.1) { next = n; break }
                prev = n
            }
            guard let n = next else { break }   // a single isolated pixel
            b = prev
            c = n
            if c == s && b == b0 { break }
            if c == s && contour.count > 2 && b.0 == b0.0 && b.1 == b0.1 { break }
            contour.append(c)
        }
        // Jacob's criterion can revisit the start from another side; drop a trailing duplicate.
        if contour.count > 1, contour.last! == s { contour.removeLast() }
        return contour
    }
}

/// Binary mask operations on row-major Bool rasters: opening, hole filling, connected components.
enum MaskOps {
    struct Component {
        var label: Int
        var area: Int
        var minX: Int, minY: Int, maxX: Int, maxY: Int

        /// Area over the area of its bounding rectangle oriented at `alongDegrees` (1 for a rectangle).
        func fillRatio(alongDegrees: Double, labels: [Int], width: Int) -> Double {
            let a = alongDegrees * .pi / 180
            let u = (cos(a), sin(a)), v = (-sin(a), cos(a))
            var tMin = Double.infinity, tMax = -Double.infinity, sMin = Double.infinity, sMax = -Double.infinity
            for y in minY...maxY {
                for x in minX...maxX where labels[y * width + x] == label {
                    let px = Double(x), py = Double(y)
                    let t = px * u.0 + py * u.1, s = px * v.0 + py * v.1
                    tMin = min(tMin, t); tMax = max(tMax, t); sMin = min(sMin, s); sMax = max(sMax, s)
                }
            }
            let box = (tMax - tMin + 1) * (sMax - sMin + 1)
            return box > 0 ? Double(area) / box : 0
        }
    }

    /// 3×3 erosion followed by 3×3 dilation: removes specks of noise.
    static func open(_ m: [Bool], width w: Int, height h: Int) -> [Bool] {
        dilate(erode(m, width: w, height: h), width: w, height: h)
    }

    /// 3×3 erosion; the raster's outermost rows and columns become background. Done as a 1×3 then a
    /// 3×1 minimum (the square is separable), on the raw buffers.
    static func erode(_ m: [Bool], width w: Int, height h: Int) -> [Bool] {
        threeTap(threeTap(m, width: w, height: h, step: 1, all: true), width: w, height: h, step: w, all: true)
    }

    /// 3×3 dilation (clipped at the raster's edges), as a 1×3 then a 3×1 maximum.
    static func dilate(_ m: [Bool], width w: Int, height h: Int) -> [Bool] {
        threeTap(threeTap(m, width: w, height: h, step: 1, all: false), width: w, height: h, step: w, all: false)
    }

    /// Each pixel and its two neighbours `step` away along a row (step 1) or a column (step `w`),
    /// combined by AND (`all`) or OR; neighbours outside the raster count as background.
    private static func threeTap(_ m: [Bool], width w: Int, height h: Int, step: Int, all: Bool) -> [Bool] {
        var out = [Bool](repeating: false, count: m.count)
        m.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { o in
                for y in 0..<h {
                    for x in 0..<w {
                        let i = y * w + x
                        let before = step == 1 ? x > 0 && src[i - 1] : y > 0 && src[i - w]
                        let after = step == 1 ? x < w - 1 && src[i + 1] : y < h - 1 && src[i + w]
                        o[i] = all ? src[i] && before && after : src[i] || before || after
                    }
                }
            }
        }
        return out
    }

    /// Sets background regions that do not reach the raster border to foreground (a flood fill of
    /// the background from the border, 4-connected, with one preallocated stack).
    static func fillHoles(_ m: [Bool], width w: Int, height h: Int) -> [Bool] {
        let n = m.count
        guard n > 0 else { return m }
        var outside = [Bool](repeating: false, count: n)
        // Each pixel is pushed at most once (marked when pushed): n entries always suffice.
        var stack = [Int32](repeating: 0, count: n)
        m.withUnsafeBufferPointer { fg in
            outside.withUnsafeMutableBufferPointer { out in
                stack.withUnsafeMutableBufferPointer { st in
                    var top = 0
                    @inline(__always) func push(_ i: Int) {
                        if !fg[i] && !out[i] { out[i] = true; st[top] = Int32(i); top += 1 }
                    }
                    for x in 0..<w { push(x); push((h - 1) * w + x) }
                    for y in 0..<h { push(y * w); push(y * w + w - 1) }
                    while top > 0 {
                        top -= 1
                        let i = Int(st[top])
                        let x = i % w, y = i / w
                        if x > 0 { push(i - 1) }
                        if x < w - 1 { push(i + 1) }
                        if y > 0 { push(i - w) }
                        if y < h - 1 { push(i + w) }
                    }
                }
            }
        }
        return [Bool](unsafeUninitializedCapacity: n) { filled, count in
            m.withUnsafeBufferPointer { fg in
                outside.withUnsafeBufferPointer { out in
                    for i in 0..<n { filled[i] = fg[i] || !out[i] }
                }
            }
            count = n
        }
    }

    /// 4-connected components of the foreground; labels start at 1 (0 = background), numbered in the
    /// raster order of each component's first pixel.
    static func components(_ m: [Bool], width w: Int, height h: Int) -> (labels: [Int], components: [Component]) {
        let n = m.count
        var labels = [Int](repeating: 0, count: n)
        var comps: [Component] = []
        var stack = [Int32](repeating: 0, count: n)
        m.withUnsafeBufferPointer { fg in
            labels.withUnsafeMutableBufferPointer { lab in
                stack.withUnsafeMutableBufferPointer { st in
                    for start in 0..<n where fg[start] && lab[start] == 0 {
                        let label = comps.count + 1
                        var c = Component(label: label, area: 0, minX: Int.max, minY: Int.max, maxX: 0, maxY: 0)
                        var top = 0
                        @inline(__always) func push(_ j: Int) {
                            if fg[j] && lab[j] == 0 { lab[j] = label; st[top] = Int32(j); top += 1 }
                        }
                        push(start)
                        while top > 0 {
                            top -= 1
                            let i = Int(st[top])
                            let x = i % w, y = i / w
                            c.area += 1
                            c.minX = min(c.minX, x); c.maxX = max(c.maxX, x); c.minY = min(c.minY, y); c.maxY = max(c.maxY, y)
                            if x > 0 { push(i - 1) }
                            if x < w - 1 { push(i + 1) }
                            if y > 0 { push(i - w) }
                            if y < h - 1 { push(i + w) }
                        }
                        comps.append(c)
                    }
                }
            }
        }
        return (labels, comps)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

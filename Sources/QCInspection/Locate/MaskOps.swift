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

    static func erode(_ m: [Bool], width w: Int, height h: Int) -> [Bool] {
        var out = [Bool](repeating: false, count: m.count)
        guard w > 2, h > 2 else { return out }
        for y in 1..<(h - 1) {
            for x in 1..<(w - 1) {
                let i = y * w + x
                out[i] = m[i] && m[i - 1] && m[i + 1] && m[i - w] && m[i + w] && m[i - w - 1] && m[i - w + 1] && m[i + w - 1] && m[i + w + 1]
            }
        }
        return out
    }

    static func dilate(_ m: [Bool], width w: Int, height h: Int) -> [Bool] {
        var out = m
        for y in 0..<h {
            for x in 0..<w where m[y * w + x] {
                for dy in -1...1 { for dx in -1...1 {
                    let xx = x + dx, yy = y + dy
                    if xx >= 0, yy >= 0, xx < w, yy < h { out[yy * w + xx] = true }
                } }
            }
        }
        return out
    }

    /// Sets background regions that do not reach the raster border to foreground.
    static func fillHoles(_ m: [Bool], width w: Int, height h: Int) -> [Bool] {
        var outside = [Bool](repeating: false, count: m.count)
        var stack: [Int] = []
        for x in 0..<w { stack.append(x); stack.append((h - 1) * w + x) }
        for y in 0..<h { stack.append(y * w); stack.append(y * w + w - 1) }
        while let i = stack.popLast() {
            if m[i] || outside[i] { continue }
            outside[i] = true
            let x = i % w, y = i / w
            if x > 0 { stack.append(i - 1) }
            if x < w - 1 { stack.append(i + 1) }
            if y > 0 { stack.append(i - w) }
            if y < h - 1 { stack.append(i + w) }
        }
        return (0..<m.count).map { m[$0] || !outside[$0] }
    }

    /// 4-connected components of the foreground; labels start at 1 (0 = background).
    static func components(_ m: [Bool], width w: Int, height h: Int) -> (labels: [Int], components: [Component]) {
        var labels = [Int](repeating: 0, count: m.count)
        var comps: [Component] = []
        var stack: [Int] = []
        for start in 0..<m.count where m[start] && labels[start] == 0 {
            let label = comps.count + 1
            var c = Component(label: label, area: 0, minX: Int.max, minY: Int.max, maxX: 0, maxY: 0)
            stack.append(start)
            labels[start] = label
            while let i = stack.popLast() {
                let x = i % w, y = i / w
                c.area += 1
                c.minX = min(c.minX, x); c.maxX = max(c.maxX, x); c.minY = min(c.minY, y); c.maxY = max(c.maxY, y)
                for j in [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1, y < h - 1 ? i + w : -1]
                where j >= 0 && m[j] && labels[j] == 0 {
                    labels[j] = label
                    stack.append(j)
                }
            }
            comps.append(c)
        }
        return (labels, comps)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

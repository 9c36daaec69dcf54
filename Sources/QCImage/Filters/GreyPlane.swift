import CCodecShims

/// A single-channel Float32 raster with bilinear sampling: the working type of geometry code
/// (ruler ticks, edges), separate from `Image` so hot loops see one contiguous buffer and no channel logic.
///
/// Coordinates follow `Image`: pixel (x, y) has its centre at (x + 0.5, y + 0.5).
public struct GreyPlane: Sendable {
    public let width: Int
    public let height: Int
    public var values: [Float]

    public init(width: Int, height: Int, values: [Float]) {
        precondition(values.count == width * height, "value count does not match shape")
        self.width = width
        self.height = height
        self.values = values
    }

    /// Grey from an image: the mean of its colour planes (display-encoded values are fine for geometry),
    /// `Image.grey()`'s values, computed in bands of rows on every core.
    public init(_ image: Image) {
        guard image.channels == 3 else {
            let g = image.grey()
            self.init(width: g.width, height: g.height, values: g.samples)
            return
        }
        let n = image.planeCount, w = image.width
        let values = [Float](unsafeUninitializedCapacity: n) { out, count in
            qc_advise_huge_pages(out.baseAddress, n * MemoryLayout<Float>.stride)
            nonisolated(unsafe) let out = out
            image.samples.withUnsafeBufferPointer { s in
                ParallelMap.forEachRange(image.height, minimumPerChunk: 128) { rows in
                    for i in (rows.lowerBound * w)..<(rows.upperBound * w) {
                        out[i] = (s[i] + s[n + i] + s[2 * n + i]) * (1.0 / 3.0)
                    }
                }
            }
            count = n
        }
        self.init(width: image.width, height: image.height, values: values)
    }

    @inlinable public subscript(x: Int, y: Int) -> Float { values[y * width + x] }

    /// Bilinear sample at continuous position (x, y) in pixel-centre coordinates; nil outside the raster.
    @inlinable public func sample(_ x: Double, _ y: Double) -> Float? {
        withView { $0.sample(x, y) }
    }

    /// The plane as a plain buffer view, for sampling loops (profiles of thousands of points): no
    /// reference counting or bounds checks per sample.
    public struct View {
        @usableFromInline let values: UnsafeBufferPointer<Float>
        public let width: Int, height: Int

        @usableFromInline init(values: UnsafeBufferPointer<Float>, width: Int, height: Int) {
            self.values = values; self.width = width; self.height = height
        }

        /// Bilinear sample at (x, y), pixel-centre coordinates; nil outside the raster.
        @inlinable @inline(__always) public func sample(_ x: Double, _ y: Double) -> Float? {
            let fx = x - 0.5, fy = y - 0.5
            if fx < 0 || fy < 0 || fx > Double(width - 1) || fy > Double(height - 1) { return nil }
            let x0 = min(Int(fx), width - 2 < 0 ? 0 : width - 2), y0 = min(Int(fy), height - 2 < 0 ? 0 : height - 2)
            let ax = Float(fx - Double(x0)), ay = Float(fy - Double(y0))
            let v = values
            let i = y0 * width + x0
            let x1 = width > 1 ? 1 : 0, y1 = height > 1 ? width : 0
            let top = v[i] + (v[i + x1] - v[i]) * ax
            let bottom = v[i + y1] + (v[i + y1 + x1] - v[i + y1]) * ax
            return top + (bottom - top) * ay
        }
    }

    /// Runs `body` with a view of the plane's samples.
    @inlinable public func withView<R>(_ body: (View) -> R) -> R {
        values.withUnsafeBufferPointer { body(View(values: $0, width: width, height: height)) }
    }

    /// Box-filtered downsampling by an integer factor (area average); the result's pixel (x, y) covers
    /// source pixels [f·x, f·x + f) × [f·y, f·y + f), so a point p maps to p / f in pixel-centre coordinates.
    public func downsampled(by factor: Int) -> GreyPlane {
        precondition(factor >= 1)
        if factor == 1 { return self }
        let w = width / factor, h = height / factor
        var out = [Float](repeating: 0, count: w * h)
        let norm = 1 / Float(factor * factor)
        values.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    for x in 0..<w {
                        var s: Float = 0
                        for dy in 0..<factor {
                            let row = (y * factor + dy) * width + x * factor
                            for dx in 0..<factor { s += src[row + dx] }
                        }
                        dst[y * w + x] = s * norm
                    }
                }
            }
        }
        return GreyPlane(width: w, height: h, values: out)
    }

    /// Central-difference gradient (∂/∂x, ∂/∂y) after a 3×3 binomial smoothing, i.e. the Sobel operator / 8.
    /// Border pixels get zero gradient.
    public func sobelGradient() -> (gx: [Float], gy: [Float]) {
        var gx = [Float](repeating: 0, count: width * height)
        var gy = gx
        guard width >= 3 && height >= 3 else { return (gx, gy) }
        values.withUnsafeBufferPointer { v in
            gx.withUnsafeMutableBufferPointer { ox in
                gy.withUnsafeMutableBufferPointer { oy in
                    for y in 1..<(height - 1) {
                        let r0 = (y - 1) * width, r1 = y * width, r2 = (y + 1) * width
                        for x in 1..<(width - 1) {
                            let a = v[r0 + x - 1], b = v[r0 + x], c = v[r0 + x + 1]
                            let d = v[r1 + x - 1], f = v[r1 + x + 1]
                            let g = v[r2 + x - 1], h = v[r2 + x], i = v[r2 + x + 1]
                            ox[r1 + x] = ((c + 2 * f + i) - (a + 2 * d + g)) * 0.125
                            oy[r1 + x] = ((g + 2 * h + i) - (a + 2 * b + c)) * 0.125
                        }
                    }
                }
            }
        }
        return (gx, gy)
    }
}

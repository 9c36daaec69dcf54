import CCodecShims

/// A photo box-averaged by an integer factor, made once per photo and shared by the coarse stages
/// (ruler search, illumination fit, unit location) so none of them walks the full frame again.
///
/// Pixel (x, y) covers source pixels [f·x, f·x + f) × [f·y, f·y + f); samples are the area means of the
/// source's samples in its own transfer (display-encoded photos stay display-encoded), so a point p
/// of the photo maps to p / f in pixel-centre coordinates.
public struct Thumbnail: Sendable {
    /// Downsampling factor from the full-resolution photo.
    public let factor: Int
    /// The averaged image, `photo.width / factor` × `photo.height / factor` (remainders dropped).
    public let image: Image

    /// Box-averages `photo` by `factor` in one pass over its planes.
    public init(_ photo: Image, factor: Int) {
        precondition(factor >= 1, "factor must be at least 1")
        self.factor = factor
        self.image = factor == 1 ? photo : Thumbnail.boxAverage(photo, factor: factor)
    }

    /// Box-averages a photo's pixels by `factor`, reading them a row at a time.
    public init(_ pixels: PhotoPixels, factor: Int) {
        if case .floats(let f) = pixels.storage {
            self.init(Image(width: pixels.width, height: pixels.height, channels: pixels.channels, transfer: .sRGB, samples: f),
                      factor: factor)
            return
        }
        precondition(factor >= 1, "factor must be at least 1")
        let w = pixels.width / factor, h = pixels.height / factor, n = w * h
        var out = [Float](repeating: 0, count: n * pixels.channels)
        var row = [Float](repeating: 0, count: w * factor)
        let norm = 1 / Float(factor * factor)
        out.withUnsafeMutableBufferPointer { dst in
            row.withUnsafeMutableBufferPointer { r in
                for c in 0..<pixels.channels {
                    for y in 0..<(h * factor) {
                        pixels.readRow(channel: c, y: y, x: 0, count: w * factor, into: r)
                        let base = c * n + (y / factor) * w
                        for x in 0..<w {
                            var s: Float = 0
                            for d in 0..<factor { s += r[x * factor + d] }
                            dst[base + x] += s
                        }
                    }
                }
                for i in 0..<dst.count { dst[i] *= norm }
            }
        }
        self.init(factor: factor, image: Image(width: w, height: h, channels: pixels.channels, transfer: .sRGB, samples: out))
    }

    /// A coarser thumbnail: this one averaged again by `by` (factor becomes factor · by). Averages of
    /// equal-sized boxes compose, so this equals averaging the photo by the product directly.
    public func coarsened(by step: Int) -> Thumbnail {
        precondition(step >= 1, "step must be at least 1")
        if step == 1 { return self }
        return Thumbnail(factor: factor * step, image: Thumbnail.boxAverage(image, factor: step))
    }

    /// A thumbnail made elsewhere (e.g. by the decoder while decoding); `image` must be `photo`
    /// box-averaged by `factor`.
    init(factor: Int, image: Image) {
        self.factor = factor
        self.image = image
    }

    /// The working factor used for coarse searches: about `target` px across the longer side, never
    /// below 1 or above `cap`.
    public static func factor(width: Int, height: Int, target: Int, cap: Int = .max) -> Int {
        max(1, min(cap, max(width, height) / target))
    }

    static func boxAverage(_ source: Image, factor f: Int) -> Image {
        let w = source.width / f, h = source.height / f
        let n = w * h, sourcePlane = source.planeCount, sourceWidth = source.width
        var out = [Float](repeating: 0, count: n * source.channels)
        let norm = 1 / Float(f * f)
        source.samples.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                // Row sums over f source rows first (contiguous, vectorisable), then f-wide column sums.
                var rowSum = [Float](repeating: 0, count: w * f)
                rowSum.withUnsafeMutableBufferPointer { acc in
                    for c in 0..<source.channels {
                        let base = c * sourcePlane
                        for y in 0..<h {
                            for i in 0..<(w * f) { acc[i] = 0 }
                            for dy in 0..<f {
                                let row = base + (y * f + dy) * sourceWidth
                                for i in 0..<(w * f) { acc[i] += src[row + i] }
                            }
                            let outRow = c * n + y * w
                            for x in 0..<w {
                                var s: Float = 0
                                for dx in 0..<f { s += acc[x * f + dx] }
                                dst[outRow + x] = s * norm
                            }
                        }
                    }
                }
            }
        }
        return Image(width: w, height: h, channels: source.channels, transfer: source.transfer, samples: out)
    }
}

/// Bilinear grey samples (the mean of R, G, B) read straight from a photo's full-resolution planes,
/// for sparse full-resolution work (ruler graduations) without building a full-frame grey plane.
/// `windowed` caches the grey of one rectangle (e.g. the ruler's strip) where sampling is dense.
///
/// Same coordinates and interpolation as `GreyPlane.sample`.
public struct GreySampler: Sendable {
    public let width: Int
    public let height: Int
    @usableFromInline let pixels: PhotoPixels
    /// Cached grey of the pixels [x0, x0 + window.width) × [y0, y0 + window.height), if any.
    @usableFromInline var window: GreyPlane?
    @usableFromInline var x0 = 0, y0 = 0

    public init(_ pixels: PhotoPixels) {
        self.pixels = pixels
        width = pixels.width
        height = pixels.height
    }

    public init(_ image: Image) { self.init(PhotoPixels(image)) }

    /// This sampler with the grey of the pixel rectangle [x0, x1) × [y0, y1) (clipped to the image)
    /// computed once; samples whose four taps fall inside it read one plane instead of three.
    public func windowed(x0: Int, y0: Int, x1: Int, y1: Int) -> GreySampler {
        let cx0 = max(0, x0), cy0 = max(0, y0), cx1 = min(width, x1), cy1 = min(height, y1)
        guard cx1 - cx0 >= 2, cy1 - cy0 >= 2 else { return self }
        let w = cx1 - cx0, h = cy1 - cy0
        let channels = pixels.channels, scale = 1 / Float(channels)
        // Bands of rows on every core; 8-bit planes are summed as codes (vectorisable, no table).
        let grey = [Float](unsafeUninitializedCapacity: w * h) { out, initialised in
            qc_advise_huge_pages(out.baseAddress, w * h * MemoryLayout<Float>.stride)
            nonisolated(unsafe) let g = out
            let plane = pixels.planeCount, width = width
            ParallelMap.forEachRange(h, minimumPerChunk: 64) { rows in
                for y in rows {
                    let start = (cy0 + y) * width + cx0, dst = y * w
                    switch pixels.storage {
                    case .bytes(let bytes):
                        bytes.withUnsafeBufferPointer { b in
                            if channels == 3 {
                                for x in 0..<w {
                                    let i = start + x
                                    g[dst + x] = (Float(b[i]) + Float(b[plane + i]) + Float(b[2 * plane + i])) * (1 / 765)
                                }
                            } else {
                                for x in 0..<w { g[dst + x] = Float(b[start + x]) * (1 / 255) }
                            }
                        }
                    case .floats(let floats):
                        floats.withUnsafeBufferPointer { f in
                            for x in 0..<w {
                                var sum: Float = 0
                                for c in 0..<channels { sum += f[c * plane + start + x] }
                                g[dst + x] = sum * scale
                            }
                        }
                    }
                }
            }
            initialised = w * h
        }
        var copy = self
        copy.window = GreyPlane(width: w, height: h, values: grey)
        copy.x0 = cx0
        copy.y0 = cy0
        return copy
    }

    /// The cached grey window as a plain buffer view, for sampling loops (profiles of thousands of
    /// points): no reference counting or copies per sample.
    public struct Window {
        @usableFromInline let plane: GreyPlane.View
        @usableFromInline let x0: Int, y0: Int

        @usableFromInline init(plane: GreyPlane.View, x0: Int, y0: Int) { self.plane = plane; self.x0 = x0; self.y0 = y0 }

        /// `GreySampler.sample(x, y)` where all four taps lie in the window (the same path, the same
        /// value); nil elsewhere, where the caller asks the sampler itself.
        @inlinable @inline(__always) public func sample(_ x: Double, _ y: Double) -> Float? {
            let fx = x - 0.5, fy = y - 0.5
            guard fx >= Double(x0), fy >= Double(y0), fx < Double(x0 + plane.width - 1), fy < Double(y0 + plane.height - 1) else { return nil }
            return plane.sample(x - Double(x0), y - Double(y0))
        }
    }

    /// Runs `body` with a view of the cached window (nil when there is none).
    @inlinable public func withWindow<R>(_ body: (Window?) -> R) -> R {
        guard let window else { return body(nil) }
        return window.withView { body(Window(plane: $0, x0: x0, y0: y0)) }
    }

    /// Bilinear grey at continuous position (x, y) in pixel-centre coordinates; nil outside the raster.
    @inlinable public func sample(_ x: Double, _ y: Double) -> Float? {
        let fx = x - 0.5, fy = y - 0.5
        if fx < 0 || fy < 0 || fx > Double(width - 1) || fy > Double(height - 1) { return nil }
        if let window, fx >= Double(x0), fy >= Double(y0),
           fx < Double(x0 + window.width - 1), fy < Double(y0 + window.height - 1) {
            return window.sample(x - Double(x0), y - Double(y0))
        }
        let x0 = min(Int(fx), width - 2 < 0 ? 0 : width - 2), y0 = min(Int(fy), height - 2 < 0 ? 0 : height - 2)
        let ax = Float(fx - Double(x0)), ay = Float(fy - Double(y0))
        let x1 = width > 1 ? 1 : 0, y1 = height > 1 ? width : 0
        let i = y0 * width + x0, plane = pixels.planeCount, channels = pixels.channels
        @inline(__always) func bilinear(_ v: (Int) -> Float) -> Float {
            var top: Float = 0, bottom: Float = 0
            for c in 0..<channels {
                let b = c * plane + i
                top += v(b) + (v(b + x1) - v(b)) * ax
                bottom += v(b + y1) + (v(b + y1 + x1) - v(b + y1)) * ax
            }
            return (top + (bottom - top) * ay) * (1 / Float(channels))
        }
        switch pixels.storage {
        case .bytes(let bytes):
            return PhotoPixels.byteToUnit.withUnsafeBufferPointer { t in
                bytes.withUnsafeBufferPointer { s in bilinear { t[Int(s[$0])] } }
            }
        case .floats(let floats):
            return floats.withUnsafeBufferPointer { s in bilinear { s[$0] } }
        }
    }
}

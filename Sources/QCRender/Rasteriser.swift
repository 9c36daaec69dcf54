#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QCColor

/// The per-pixel geometry and shading pass: linear radiance (reflectance × illumination) per pixel,
/// with exact area coverage at edges (see `Renderer`). Hot loops run over raw buffers with no
/// allocation, existentials or captured mutable state.
struct Rasteriser {
    static let background = 0
    static let face = 30
    static let mark = 31
    static let codes = 32
    /// Stand-in distance for objects not near the pixel (mm).
    static let far = 1.0e6

    let spec: PhotoSpec
    let unit: UnitGeometry
    let scene: Scene
    let ruler: RulerGeometry
    let highlights: [Highlight]
    private(set) var coverage: [Float]?

    init(spec: PhotoSpec, unit: UnitGeometry, scene: Scene, highlights: [Highlight]) {
        self.spec = spec; self.unit = unit; self.scene = scene; self.highlights = highlights
        self.ruler = RulerGeometry(spec.ruler)
    }

    /// Base linear-RGB colour of every scene code (before per-pixel factors).
    func baseColours() -> [LinearRGB] {
        var t = [LinearRGB](repeating: LinearRGB(0, 0, 0), count: Rasteriser.codes)
        t[Rasteriser.background] = spec.background.albedo
        let lab = spec.finish.platingLab, d = unit.platingDelta
        let plate = Appearance.albedo(Lab(lab.l + d.l, lab.a + d.a, lab.b + d.b))
        t[Region.plate.code] = plate
        let k = unit.design.reliefShade
        t[Region.relief.code] = LinearRGB(plate.r * k, plate.g * k, plate.b * k)
        for (i, e) in unit.design.enamels.enumerated() where Region.enamel(i).code < Rasteriser.face {
            t[Region.enamel(i).code] = Appearance.albedo(e.lab)
        }
        t[Rasteriser.face] = spec.ruler.faceLinearRGB
        t[Rasteriser.mark] = spec.ruler.markLinearRGB
        return t
    }

    mutating func run() -> [Float] {
        let w = scene.width, h = scene.height, n = w * h
        var out = [Float](repeating: 0, count: 3 * n)
        var cov = [Float](repeating: 0, count: spec.recordCoverage ? n : 0)
        let base = baseColours()
        let lattice = Coverage.lattice
        let nAll = unit.primitiveCount + 3
        let values = UnsafeMutablePointer<Double>.allocate(capacity: nAll)
        let counts = UnsafeMutablePointer<Int32>.allocate(capacity: Rasteriser.codes)
        defer { values.deallocate(); counts.deallocate() }
        unit.withEvaluator { e in
            ruler.withKernel { rk in
                base.withUnsafeBufferPointer { colours in
                    lattice.withUnsafeBufferPointer { lat in
                        highlights.withUnsafeBufferPointer { hl in
                            out.withUnsafeMutableBufferPointer { o in
                                cov.withUnsafeMutableBufferPointer { cv in
                                    let k = PixelKernel(spec: spec, unit: unit, scene: scene, e: e, rk: rk, colours: colours,
                                                        lattice: lat, highlights: hl, values: values, counts: counts)
                                    for y in 0..<h {
                                        for x in 0..<w { k.shade(x: x, y: y, out: o, coverage: cv) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        coverage = spec.recordCoverage ? cov : nil
        return out
    }
}

/// Everything the per-pixel function needs, as constants and raw pointers.
struct PixelKernel {
    let e: UnitGeometry.Evaluator
    let rk: RulerGeometry.Kernel
    let colours: UnsafeBufferPointer<LinearRGB>
    let lattice: UnsafeBufferPointer<Vec2>
    let highlights: UnsafeBufferPointer<Highlight>
    let values: UnsafeMutablePointer<Double>
    let counts: UnsafeMutablePointer<Int32>
    let unitShapes: [Shape]

    let w: Int, n: Int
    let ppm: Double, inv: Double
    let cs: Double, sn: Double
    let uc: Vec2, ro: Vec2, eu: Vec2, ev: Vec2
    let nU: Int, nAll: Int
    let unitReach: Double, shadowReach: Double
    let rulerLo: Vec2, rulerHi: Vec2, rulerShadowLo: Vec2, rulerShadowHi: Vec2
    let window: Double, minRadius: Double
    let specular: (Double, Double, Double)
    let lighting: Lighting
    let radius: Double, scale: Double
    let coarse: ValueNoise, fine: ValueNoise
    let background: Background
    let shadowStrength: Double
    let unitShadowOffset: Vec2, rulerShadowOffset: Vec2
    let gains: (Double, Double, Double)
    let vignetting: Double
    let frameCentre: Vec2, halfDiag: Double
    let marks: [UnitDefect]
    let enamelEnd: Int

    init(spec: PhotoSpec, unit: UnitGeometry, scene: Scene, e: UnitGeometry.Evaluator, rk: RulerGeometry.Kernel,
         colours: UnsafeBufferPointer<LinearRGB>, lattice: UnsafeBufferPointer<Vec2>,
         highlights: UnsafeBufferPointer<Highlight>, values: UnsafeMutablePointer<Double>,
         counts: UnsafeMutablePointer<Int32>) {
        self.e = e; self.rk = rk; self.colours = colours; self.lattice = lattice; self.highlights = highlights
        self.values = values; self.counts = counts
        self.unitShapes = unit.primitiveShapes
        w = scene.width; n = scene.width * scene.height
        ppm = scene.pxPerMM; inv = 1 / ppm
        let theta = scene.unitRotationDeg * .pi / 180
        cs = cos(theta); sn = sin(theta)
        uc = scene.unitCentrePx; ro = scene.rulerOriginPx; eu = scene.rulerAxisU; ev = scene.rulerAxisV
        nU = unit.primitiveCount; nAll = nU + 3
        unitReach = unit.boundingRadius * ppm + 2
        shadowReach = unitReach + 2.5 * ppm
        let r = spec.ruler
        rulerLo = Vec2(-r.endMarginMM - 2 * inv, -2 * inv)
        rulerHi = Vec2(Double(r.graduations) + r.endMarginMM + 2 * inv, r.widthMM + 2 * inv)
        rulerShadowLo = Vec2(-r.endMarginMM - 1.5, -1.5)
        rulerShadowHi = Vec2(Double(r.graduations) + r.endMarginMM + 1.5, r.widthMM + 1.5)
        window = 0.75 * inv
        minRadius = 20 * inv
        let pl = colours[Region.plate.code]
        let white = spec.finish.highlightWhiteness
        specular = (pl.r + (1 - pl.r) * white, pl.g + (1 - pl.g) * white, pl.b + (1 - pl.b) * white)
        lighting = spec.lighting
        radius = unit.design.boundingRadius; scale = unit.scale
        coarse = ValueNoise(seed: SplitMix64.mix(spec.seed ^ 0x7465_7874_0001))
        fine = ValueNoise(seed: SplitMix64.mix(spec.seed ^ 0x7465_7874_0002))
        background = spec.background
        shadowStrength = spec.lighting.shadowStrength
        // Shadows fall down-right of the objects (light from the upper left), in image px.
        unitShadowOffset = Vec2(0.35, 0.5) * ppm
        rulerShadowOffset = Vec2(0.2, 0.3) * ppm
        let cam = spec.camera
        let gain = Camera.baseGain * cam.exposure
        gains = (gain * cam.whiteBalance.r, gain * cam.whiteBalance.g, gain * cam.whiteBalance.b)
        vignetting = cam.vignetting
        frameCentre = Vec2(Double(scene.width) / 2, Double(scene.height) / 2)
        halfDiag = frameCentre.length
        marks = unit.marks
        enamelEnd = 3 + unit.design.enamels.count
    }

    @inline(__always) func unitPoint(_ c: Vec2) -> Vec2 {
        let dx = c.x - uc.x, dy = c.y - uc.y
        return Vec2((dx * cs + dy * sn) * inv, (-dx * sn + dy * cs) * inv)
    }

    @inline(__always) func rulerPoint(_ c: Vec2) -> Vec2 {
        let d = c - ro
        return Vec2(d.dot(eu) * inv, d.dot(ev) * inv)
    }

    /// Distances of every primitive at image point `c` into `values` (objects not near get `far`).
    @inline(__always) func evaluate(_ c: Vec2, nearUnit: Bool, nearRuler: Bool) {
        if nearUnit {
            SDFProgram.evaluate(e.prims, e.verts, at: unitPoint(c), into: values)
        } else {
            for i in 0..<nU { values[i] = Rasteriser.far }
        }
        if nearRuler {
            let p = rulerPoint(c)
            values[nU] = rk.faceDistance(p)
            values[nU + 1] = rk.tickDistance(p)
            values[nU + 2] = rk.numeralDistance(p, far: Rasteriser.far)
        } else {
            values[nU] = Rasteriser.far; values[nU + 1] = Rasteriser.far; values[nU + 2] = Rasteriser.far
        }
    }

    /// Scene code from `values`: the unit's region code, ruler face or mark, or background.
    @inline(__always) func sceneCode() -> Int {
        if values[0] <= 0 { return e.classify(values) }
        if values[nU] <= 0 { return values[nU + 1] < 0 || values[nU + 2] < 0 ? Rasteriser.mark : Rasteriser.face }
        return Rasteriser.background
    }

    @inline(__always) func primitiveDistance(_ i: Int, _ c: Vec2) -> Double {
        if i < nU { return e.distance(i, unitPoint(c)) }
        let p = rulerPoint(c)
        if i == nU { return rk.faceDistance(p) }
        if i == nU + 1 { return rk.tickDistance(p) }
        return rk.numeralDistance(p, far: Rasteriser.far)
    }

    func isSimple(_ i: Int, _ c: Vec2) -> Bool {
        if i < nU { return unitShapes[i].isSimpleEdge(near: unitPoint(c), window: window, minRadius: minRadius) }
        if i == nU { return rk.faceEdgeIsSimple(rulerPoint(c), window: window, minRadius: minRadius) }
        if i == nU + 1 { return rk.tickEdgeIsSimple(rulerPoint(c), window: window) }
        return false
    }

    @inline(__always) func smoothstep(_ a: Double, _ b: Double, _ x: Double) -> Double {
        let t = min(max((x - a) / (b - a), 0), 1)
        return t * t * (3 - 2 * t)
    }

    /// Reflectance-level colour of scene `code` at pixel centre `c` (unit point `q`, metal shading `s`).
    @inline(__always) func colour(_ code: Int, c: Vec2, q: Vec2, s: Double, du: Double) -> (Double, Double, Double) {
        let b = colours[code]
        if code == Rasteriser.background {
            var f = background.textureFactor(c * inv, coarse: coarse, fine: fine)
            if shadowStrength > 0 {
                if du < shadowReach {
                    let d = e.distance(0, unitPoint(c - unitShadowOffset))
                    f *= 1 - shadowStrength * (1 - smoothstep(-0.2, 1.4, d))
                }
                let rs = rulerPoint(c - rulerShadowOffset)
                if rs.x > rulerShadowLo.x && rs.x < rulerShadowHi.x && rs.y > rulerShadowLo.y && rs.y < rulerShadowHi.y {
                    let d = rk.faceDistance(rs)
                    f *= 1 - 0.7 * shadowStrength * (1 - smoothstep(-0.1, 0.8, d))
                }
            }
            return (b.r * f, b.g * f, b.b * f)
        }
        if code >= Rasteriser.face { return (b.r, b.g, b.b) }
        if code == Region.plate.code {
            var hl = 0.0
            for k in 0..<highlights.count { hl += highlights[k].value(at: q) }
            return (b.r * s + hl * specular.0, b.g * s + hl * specular.1, b.b * s + hl * specular.2)
        }
        if code >= 3 && code < enamelEnd {
            let f = 1 + 0.5 * (s - 1)
            return (b.r * f, b.g * f, b.b * f)
        }
        return (b.r * s, b.g * s, b.b * s)
    }

    /// Computes pixel (x, y): coverage of each scene code, colour, marks, illumination.
    @inline(__always)
    func shade(x: Int, y: Int, out o: UnsafeMutableBufferPointer<Float>, coverage cv: UnsafeMutableBufferPointer<Float>) {
        let c = Vec2(Double(x) + 0.5, Double(y) + 0.5)
        let du = (c - uc).length
        let nearUnit = du < unitReach
        let rp = rulerPoint(c)
        let nearRuler = rp.x > rulerLo.x && rp.x < rulerHi.x && rp.y > rulerLo.y && rp.y < rulerHi.y

        // Which codes cover the pixel, with weights.
        var codeA = Rasteriser.background, codeB = -1
        var weightA = 1.0
        var sampled = false
        if nearUnit || nearRuler {
            evaluate(c, nearUnit: nearUnit, nearRuler: nearRuler)
            var d1 = Double.infinity, d2 = Double.infinity, i1 = 0
            for i in 0..<nAll {
                let a = abs(values[i])
                if a < d1 { d2 = d1; d1 = a; i1 = i } else if a < d2 { d2 = a }
            }
            codeA = sceneCode()
            if d1 <= window {
                if d2 > window && isSimple(i1, c) {
                    let keep = values[i1]
                    values[i1] = -1
                    let inside = sceneCode()
                    values[i1] = 1
                    let outside = sceneCode()
                    values[i1] = keep
                    if inside != outside {
                        let hd = 1e-3
                        let gx = primitiveDistance(i1, Vec2(c.x + hd, c.y)) - primitiveDistance(i1, Vec2(c.x - hd, c.y))
                        let gy = primitiveDistance(i1, Vec2(c.x, c.y + hd)) - primitiveDistance(i1, Vec2(c.x, c.y - hd))
                        weightA = Coverage.halfPlane(distance: keep * ppm, normal: Vec2(gx, gy).normalized)
                        codeA = inside; codeB = outside
                    } else {
                        codeA = inside
                    }
                } else {
                    sampled = true
                    for k in 0..<Rasteriser.codes { counts[k] = 0 }
                    for k in 0..<lattice.count {
                        evaluate(c + lattice[k], nearUnit: nearUnit, nearRuler: nearRuler)
                        counts[sceneCode()] += 1
                    }
                }
            }
        }

        let q = unitPoint(c)
        let s = nearUnit ? lighting.shading(at: q, scale: scale, radius: radius) : 1
        var ur = 0.0, ug = 0.0, ub = 0.0, rr = 0.0, rg = 0.0, rb = 0.0, unitCov = 0.0
        if sampled {
            let invN = 1 / Double(lattice.count)
            for k in 0..<Rasteriser.codes where counts[k] > 0 {
                let wgt = Double(counts[k]) * invN
                let col = colour(k, c: c, q: q, s: s, du: du)
                if k >= 1 && k < Rasteriser.face {
                    ur += wgt * col.0; ug += wgt * col.1; ub += wgt * col.2; unitCov += wgt
                } else {
                    rr += wgt * col.0; rg += wgt * col.1; rb += wgt * col.2
                }
            }
        } else {
            for pass in 0..<2 {
                let code = pass == 0 ? codeA : codeB
                let wgt = pass == 0 ? weightA : 1 - weightA
                guard code >= 0 && wgt > 0 else { continue }
                let col = colour(code, c: c, q: q, s: s, du: du)
                if code >= 1 && code < Rasteriser.face {
                    ur += wgt * col.0; ug += wgt * col.1; ub += wgt * col.2; unitCov += wgt
                } else {
                    rr += wgt * col.0; rg += wgt * col.1; rb += wgt * col.2
                }
            }
        }
        // Surface marks darken (pits) or lighten (scratches) the unit's part of the pixel.
        if unitCov > 0 && !marks.isEmpty {
            var f = 1.0
            for m in marks {
                var d = 0.0, k = 1.0
                switch m {
                case .pit(let mx, let my, let dia): d = (q - Vec2(mx, my)).length - dia / 2; k = 0.3
                case .scratch(let a, let b, let sw): d = Shape.segmentDistance(a, b, q) - sw / 2; k = 1.45
                default: continue
                }
                f *= 1 + min(max(0.5 - d * ppm, 0), 1) * (k - 1)
            }
            ur *= f; ug *= f; ub *= f
        }
        // Illumination: exposure, white balance, vignetting, gradient.
        let p = c - frameCentre
        let r2 = p.lengthSquared / (halfDiag * halfDiag)
        let illum = (1 - vignetting * r2) * (1 + lighting.illuminationGradient * p.dot(Lighting.lightDirection) / halfDiag)
        let i = y * w + x
        o[i] = Float((ur + rr) * illum * gains.0)
        o[n + i] = Float((ug + rg) * illum * gains.1)
        o[2 * n + i] = Float((ub + rb) * illum * gains.2)
        if cv.count > 0 { cv[i] = Float(unitCov) }
    }
}

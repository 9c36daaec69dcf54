import QCColor

/// Reproducible random photo specs spanning the set-up's ranges, for tests that render larger sets
/// on the fly (the committed fixtures are only a small sample).
///
/// Each spec draws, from its own seed: px/mm, unit rotation, ruler side, angle and slide, gap,
/// background and texture, exposure (±12 %), white balance (±3 % per channel), blur, noise,
/// vignetting, ruler polarity and file format (JPEG 85–95 mostly, sometimes PNG 8 or 16 bit).
public struct SpecSampler: Sendable {
    /// Ranges each spec is drawn from (uniformly).
    public var pxPerMM: ClosedRange<Double> = 15...40
    public var exposure: ClosedRange<Double> = 0.88...1.12
    /// White-balance gains are 1 ± this per channel.
    public var whiteBalanceSpread = 0.03
    public var blurSigmaPx: ClosedRange<Double> = 0.8...1.6
    public var noise: ClosedRange<Double> = 0.5...1.5
    public var vignetting: ClosedRange<Double> = 0...0.15
    public var rulerAngleDeg: ClosedRange<Double> = -15...15
    public var jpegQuality: ClosedRange<Int> = 85...95
    /// Fraction of photos written as PNG (half 8-bit, half 16-bit).
    public var pngShare = 0.25
    /// Fraction of rulers with light marks on a dark face.
    public var lightOnDarkShare = 0.2
    /// Ruler graduations (ruler length in mm).
    public var graduations = 60

    /// A sampler over the set-up's full ranges.
    public init() {}

    /// One spec of `design` with `defects`, fully determined by `seed`.
    public func spec(design: Design, finish: Finish, defects: [UnitDefect] = [], seed: UInt64) -> PhotoSpec {
        var r = SeededRandom(seed: SplitMix64.mix(seed ^ 0x5350_4543))
        func pick(_ range: ClosedRange<Double>) -> Double { r.uniform(range.lowerBound, range.upperBound) }
        let backgrounds: [Background.Kind] = [.grey, .black, .white, Background.greenMat.kind, Background.blueCard.kind]
        let background = Background(backgrounds[Int(r.next() % UInt64(backgrounds.count))], texture: r.uniform(0.5, 1.5))
        let side = RulerSide.allCases[Int(r.next() % 4)]
        let layout = Layout(rulerSide: side, rulerAngleDeg: pick(rulerAngleDeg), gapMM: r.uniform(3, 8),
                            rulerSlideMM: r.uniform(-8, 8), marginMM: r.uniform(4, 8),
                            offsetMM: Vec2(r.uniform(-3, 3), r.uniform(-3, 3)))
        let polarity: RulerPolarity = r.uniform() < lightOnDarkShare ? .lightOnDark : .darkOnLight
        let wb = LinearRGB(1 + r.uniform(-whiteBalanceSpread, whiteBalanceSpread), 1,
                           1 + r.uniform(-whiteBalanceSpread, whiteBalanceSpread))
        let format: PhotoFormat
        if r.uniform() < pngShare {
            format = r.uniform() < 0.5 ? .png8 : .png16
        } else {
            let span = UInt64(jpegQuality.upperBound - jpegQuality.lowerBound + 1)
            format = .jpeg(quality: jpegQuality.lowerBound + Int(r.next() % span))
        }
        let camera = Camera(exposure: pick(exposure), whiteBalance: wb, blurSigmaPx: pick(blurSigmaPx), noise: pick(noise),
                            vignetting: pick(vignetting), format: format)
        return PhotoSpec(design: design, finish: finish, pxPerMM: pick(pxPerMM), unitRotationDeg: r.uniform(-180, 180),
                         layout: layout, ruler: Ruler(graduations: graduations, polarity: polarity), background: background,
                         camera: camera, defects: defects, seed: r.next())
    }

    /// `count` specs from consecutive seeds starting at `seed`; `defects(i)` gives photo i's defects.
    public func specs(design: Design, finish: Finish, count: Int, seed: UInt64,
                      defects: (Int) -> [UnitDefect] = { _ in [] }) -> [PhotoSpec] {
        (0..<count).map { spec(design: design, finish: finish, defects: defects($0), seed: seed &+ UInt64($0)) }
    }
}

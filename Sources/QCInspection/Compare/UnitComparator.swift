import QCCalibration
import QCColor
import QCImage

/// Measures one unit photo against a measured master: registration on the outer outline, then overall
/// size, rim widths, fill-boundary shift and plating tone, each photo in millimetres by its own scale.
struct UnitComparator {
    let master: MasterModel
    /// Region colours (white-referenced linear) by label.
    let colours: [Int: SIMD3<Float>]
    let masterSignature: [Double]
    let metalPoints: [(Double, Double)]
    /// The master's ring angles as (cos, sin), computed once.
    let ringCircle: [(cos: Double, sin: Double)]

    init(master: MasterModel) {
        self.master = master
        var c: [Int: SIMD3<Float>] = [:]
        for r in master.regions { c[r.label] = SIMD3(Float(r.linear[0]), Float(r.linear[1]), Float(r.linear[2])) }
        colours = c
        masterSignature = RotationEstimator.radialSignature(master.outline.map { ($0.x, $0.y) })
        metalPoints = PlatingTone.metalPoints(master: master)
        ringCircle = ArtworkRings.circle(samples: master.ringSamples)
    }

    struct Output {
        var measurements: Measurements
        var registration: Registration
        var outlineRMS: Double
        var borderSamples: [BorderWidth.Sample]
        var shiftSamples: [BoundaryShift.Sample]
        var analysis: PhotoAnalysis
        var warnings: [String]
    }

    func measure(pixels: PhotoPixels, thumbnail: Thumbnail, file: String, calibration: PhotoCalibration,
                 segmentation: UnitLocator.Segmentation? = nil, clock: StageClock = StageClock()) throws(InspectionError) -> Output {
        var clock = clock
        let analysis = try PhotoAnalysis.analyse(pixels: pixels, thumbnail: thumbnail, file: file, calibration: calibration,
                                                 segmentation: segmentation, clock: &clock)
        var warnings: [String] = []
        let s = analysis.pxPerMM
        // Outline in mm about its centroid, photo orientation.
        let centred = analysis.outline.points.map { (($0.x - analysis.centroid.x) / s, ($0.y - analysis.centroid.y) / s) }
        let signature = RotationEstimator.radialSignature(centred)
        // Shape check before anything else: a different product must not be measured.
        let meanU = signature.reduce(0, +) / Double(signature.count)
        let meanM = masterSignature.reduce(0, +) / Double(masterSignature.count)
        if abs(meanU - meanM) > max(0.5, 0.06 * meanM) {
            throw .differentProduct(file: file, detail: String(format: "outline mean radius %.2f mm, master %.2f mm", meanU, meanM))
        }
        var theta: Double
        var from: String
        let outlineCandidates = RotationEstimator.fromOutline(unit: signature, master: masterSignature)
        let ringSampler: (Int, Double) -> [Float] = { r, deg in
            let reg = Registration(cx: analysis.centroid.x, cy: analysis.centroid.y, pxPerMM: s, theta: deg * .pi / 180, rotationFrom: "")
            return ArtworkRings.sample(analysis, registration: reg, radius: master.rings[r].radius, circle: ringCircle)
        }
        if master.outlineSymmetric || outlineCandidates.isEmpty {
            theta = RotationEstimator.fromArtwork(master: master.rings, samples: master.ringSamples, candidates: [], unitRing: ringSampler)
            from = "artwork"
        } else {
            let strong = outlineCandidates.filter { $0.score >= 0.97 }
            if strong.count > 1 {
                // The outline has a symmetry (e.g. 180°): the artwork picks among the outline's candidates.
                theta = RotationEstimator.fromArtwork(master: master.rings, samples: master.ringSamples,
                                                      candidates: strong.map(\.degrees), unitRing: ringSampler)
                from = "outline+artwork"
            } else {
                theta = outlineCandidates[0].degrees
                from = "outline"
            }
        }
        clock.mark("rotation")
        var reg = Registration(cx: analysis.centroid.x, cy: analysis.centroid.y, pxPerMM: s, theta: theta * .pi / 180,
                               rotationFrom: from)
        // Outline match after registration.
        let rms = (RotationEstimator.ssd(unit: signature, master: masterSignature, degrees: theta) / Double(signature.count)).squareRoot()
        if rms > max(0.35, 0.03 * meanM) {
            throw .differentProduct(file: file, detail: String(format: "outline differs from the master by %.2f mm RMS", rms))
        }
        let shading = MetalShading.fit(analysis, registration: reg, points: metalPoints)
        if from != "outline",
           let epsilon = RotationEstimator.residualRotation(
               BoundaryShift.measure(analysis, registration: reg, master: master, colours: colours, shading: shading, every: 3)) {
            // The artwork's rotation, finished on the boundaries themselves (every third point is plenty;
            // see residualRotation), before anything is measured in the design frame.
            reg = Registration(cx: reg.cx, cy: reg.cy, pxPerMM: s, theta: reg.theta + epsilon, rotationFrom: from)
        }
        let shift = BoundaryShift.smoothed(BoundaryShift.measure(analysis, registration: reg, master: master, colours: colours, shading: shading),
                                           radius: BoundaryShift.smoothingRadiusMM)
        clock.mark("boundary shift")
        // Overall size from the extremes' edges with extrapolated plateaus (see PixelOutline.Point).
        let designOutline = analysis.outline.points.map { p -> (x: Double, y: Double, nx: Double, ny: Double) in
            let e = p.extreme
            let d = reg.toDesign(e.x, e.y), n = reg.directionToDesign(p.nx, p.ny)
            return (d.0, d.1, n.0, n.1)
        }
        guard let size = OverallSize.measure(designPoints: designOutline) else {
            throw .measurement(file: file, detail: "overall size")
        }
        let metal = colours[master.metalLabel] ?? SIMD3(0.5, 0.4, 0.2)
        // Index master outline by angle for the first-fill lookup.
        let lookup = OutlineLookup(master.outline)
        let border = BorderWidth.measure(analysis, registration: reg, metal: metal) { x, y in
            guard let o = lookup.nearest(x, y), o.firstFill >= 0, let c = colours[o.firstFill] else { return nil }
            return (c, o.rim)
        }
        clock.mark("border width")
        guard let borderWidth = BorderWidth.summarise(border) else {
            throw .measurement(file: file, detail: "the rim's inner edge could not be found")
        }
        var tone: Measurements.PlatingTone?
        if analysis.white == nil {
            warnings.append("no white reference: plating tone not measured")
        } else if let unitColour = shading.flatMap(PlatingTone.typicalColour) {
            let masterLab = Lab(master.platingLab[0], master.platingLab[1], master.platingLab[2])
            tone = PlatingTone.compare(unit: ColourConversion.lab(unitColour), master: masterLab)
        }
        clock.mark("plating tone")
        let m = Measurements(overallSize: size, borderWidth: borderWidth, fillBoundaryShift: BoundaryShift.summarise(shift),
                             platingTone: tone)
        return Output(measurements: m, registration: reg, outlineRMS: rms, borderSamples: border, shiftSamples: shift,
                      analysis: analysis, warnings: warnings + calibration.notes)
    }
}

/// Nearest master outline point by polar angle (the outline is sampled densely and star-shaped near it).
struct OutlineLookup {
    let points: [MasterModel.OutlinePoint]
    let byAngle: [[Int]]
    static let bins = 360

    init(_ points: [MasterModel.OutlinePoint]) {
        self.points = points
        var b = [[Int]](repeating: [], count: Self.bins)
        for (k, p) in points.enumerated() { b[Self.bin(p.x, p.y)].append(k) }
        byAngle = b
    }

    static func bin(_ x: Double, _ y: Double) -> Int {
        var a = atan2(y, x) * 180 / .pi
        if a < 0 { a += 360 }
        return min(Int(a), bins - 1)
    }

    func nearest(_ x: Double, _ y: Double) -> MasterModel.OutlinePoint? {
        let b = Self.bin(x, y)
        var best: MasterModel.OutlinePoint?, bd = Double.infinity
        for d in -3...3 {
            for k in byAngle[(b + d + Self.bins) % Self.bins] {
                let p = points[k]
                let dist = (p.x - x) * (p.x - x) + (p.y - y) * (p.y - y)
                if dist < bd { bd = dist; best = p }
            }
        }
        return best ?? points.min { ($0.x - x) * ($0.x - x) + ($0.y - y) * ($0.y - y) < ($1.x - x) * ($1.x - x) + ($1.y - y) * ($1.y - y) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import QCColor
import QCImage

/// Finds the reference ruler in a photo and measures the scale (px/mm) from its graduations.
///
/// Steps: (1) edge-orientation peaks give candidate axis directions; (2) at working resolution the
/// graduation band and the longest evenly spaced run of graduations are found (`TickBandSearch`);
/// (3) at full resolution the axis angle is refined from the tilt of the graduations, every graduation
/// is located to sub-pixel precision (`TickLocator`) and the run is extended to the ruler's ends;
/// (4) a robust straight-line fit over all graduations gives the pitch in px and its uncertainty
/// (`ScaleFit`); (5) the long-tick rhythm is checked against the ruler definition, so an inch scale is
/// never read as millimetres; (6) the ruler face gives the white reference.
public struct RulerDetector: Sendable {
    public var definition: RulerDefinition
    /// Below this the scale is refused.
    public var minimumPxPerMM = 8.0
    /// Below this a warning says the accuracy targets no longer hold.
    public var recommendedPxPerMM = 15.0

    public init(definition: RulerDefinition = .standard) { self.definition = definition }

    /// The thumbnail factor the coarse ruler search works at: about 1400 px across, at most 3 so a
    /// 15 px/mm graduation pitch stays above 3.5 working pixels.
    public static func workingFactor(width: Int, height: Int) -> Int {
        Thumbnail.factor(width: width, height: height, target: 1400, cap: 3)
    }

    /// Calibrates `image` (display-encoded sRGB, upright); `file` names the photo in errors.
    public func calibrate(_ image: Image, file: String) throws(CalibrationError) -> RulerCalibration {
        try calibrate(pixels: PhotoPixels(image),
                      thumbnail: Thumbnail(image, factor: Self.workingFactor(width: image.width, height: image.height)), file: file)
    }

    /// Calibrates a photo's pixels (8-bit or Float32, see `PhotoPixels`), searching coarsely on
    /// `thumbnail` (made from them, normally at `workingFactor`) and reading graduations at full
    /// resolution straight from the pixels.
    /// `grey`, when given, is `GreyPlane(thumbnail.image)` made already (shared with the illumination fit).
    public func calibrate(pixels image: PhotoPixels, thumbnail: Thumbnail, grey: GreyPlane? = nil,
                          file: String) throws(CalibrationError) -> RulerCalibration {
        var full = GreySampler(image)
        let factor = thumbnail.factor
        let work = grey ?? GreyPlane(thumbnail.image)
        let gradient = GradientEdges(work)
        let angles = EdgeOrientations.peaks(histogram: gradient.orientationHistogram)
        let search = TickBandSearch(plane: work, edges: gradient, polarity: definition.polarity)
        guard let coarse = search.bestCandidate(angles: angles) else {
            throw .noRuler(file: file, detail: "no evenly spaced graduations anywhere in the photo")
        }
        let f = Double(factor)
        let coarsePx = coarse.spacing * f / definition.pitchMM
        if coarse.ticks.count < 10 {
            throw .noRuler(file: file, detail: "only \(coarse.ticks.count) evenly spaced marks found")
        }
        if coarsePx < minimumPxPerMM {
            throw .resolutionTooLow(file: file, pxPerMM: coarsePx, minimum: recommendedPxPerMM)
        }

        // Full-resolution frame centred on the coarse run; refine the angle from the graduations' tilt.
        var axis = coarse.axis
        let midT = (coarse.ticks.first! + coarse.ticks.last!) / 2 * f
        let midV = (coarse.band.lowerBound + coarse.band.upperBound) / 2 * f
        let centre = axis.point(t: midT, v: midV)
        // Every full-resolution sample from here on lies in the ruler's strip (the graduation band and
        // the long-tick reach of 8 mm either side): cache its grey once.
        do {
            let reach = (coarse.band.upperBound - coarse.band.lowerBound) / 2 * f + 8 * coarsePx * 1.1 + 4
            let ext = axis.extent(width: image.width, height: image.height)
            var xs: [Double] = [], ys: [Double] = []
            for t in [ext.t.lowerBound, ext.t.upperBound] {
                for v in [midV - reach, midV + reach] { let p = axis.point(t: t, v: v); xs.append(p.x); ys.append(p.y) }
            }
            full = full.windowed(x0: Int(xs.min()!.rounded(.down)) - 2, y0: Int(ys.min()!.rounded(.down)) - 2,
                                 x1: Int(xs.max()!.rounded(.up)) + 2, y1: Int(ys.max()!.rounded(.up)) + 2)
        }
        let halfBand = max(2, (coarse.band.upperBound - coarse.band.lowerBound) / 2 * f - f)
        let spacing = coarse.spacing * f
        var ticksT = coarse.ticks.map { $0 * f }
        for _ in 0..<2 {
            let cv = axis.coordinates(x: centre.x, y: centre.y).v
            let lower = TickLocator(plane: full, axis: axis, band: (cv - halfBand)...(cv - halfBand * 0.2),
                                    darkTicks: coarse.darkTicks, spacing: spacing)
            let upper = TickLocator(plane: full, axis: axis, band: (cv + halfBand * 0.2)...(cv + halfBand),
                                    darkTicks: coarse.darkTicks, spacing: spacing)
            // The tilt is a median over graduations: about 32 of them, spread over the run, are plenty.
            var shifts: [Double] = []
            let sample = Swift.stride(from: 0, to: ticksT.count, by: max(1, ticksT.count / 32)).map { ticksT[$0] }
            shifts = ParallelMap.map(sample.count, minimumPerChunk: 8) { k -> Double? in
                guard let a = lower.locate(near: sample[k], minContrast: 0.02),
                      let b = upper.locate(near: sample[k], minContrast: 0.02) else { return nil }
                return b.t - a.t
            }.compactMap { $0 }
            guard let tilt = RobustStatistics.median(shifts) else { break }
            // The two half-bands' centres are 1.2 half-widths apart across the axis.
            let alpha = atan2(tilt, halfBand * 1.2) * 180 / .pi
            if abs(alpha) < 1e-4 { break }
            let points = ticksT.map { axis.point(t: $0, v: cv) }
            axis = RulerAxis(angleDegrees: axis.angleDegrees - alpha)
            ticksT = points.map { axis.coordinates(x: $0.x, y: $0.y).t }
        }
        let frame = axis.coordinates(x: centre.x, y: centre.y)
        let band = (frame.v - halfBand)...(frame.v + halfBand)
        let locator = TickLocator(plane: full, axis: axis, band: band, darkTicks: coarse.darkTicks, spacing: spacing)

        // Locate every graduation of the run, then extend past both ends while marks continue.
        var found: [(k: Int, tick: TickLocator.Tick)] = []
        found = ParallelMap.map(ticksT.count, minimumPerChunk: 8) { i in
            locator.locate(near: ticksT[i], minContrast: 0.01).map { (k: i, tick: $0) }
        }.compactMap { $0 }
        guard found.count >= 5 else {
            throw .tooBlurred(file: file, detail: "graduations could not be located at full resolution")
        }
        let medianContrast = RobustStatistics.median(found.map { $0.tick.contrast }) ?? 0
        var cutByFrame = false
        func extend(direction: Int) {
            var k = direction > 0 ? found.last!.k : found.first!.k
            var t = direction > 0 ? found.last!.tick.t : found.first!.tick.t
            var misses = 0
            while misses < 2 {
                k += direction
                t += Double(direction) * spacing
                let probe = locator.profile(from: t - spacing * 0.5, count: 3, step: spacing * 0.5)
                if probe.contains(where: { $0.isNaN }) { cutByFrame = true; break }
                if let tick = locator.locate(near: t, minContrast: 0.4 * medianContrast) {
                    if abs(tick.t - t) > 0.25 * spacing { misses += 1; continue }
                    misses = 0
                    t = tick.t
                    if direction > 0 { found.append((k, tick)) } else { found.insert((k, tick), at: 0) }
                } else {
                    misses += 1
                }
            }
        }
        extend(direction: 1)
        extend(direction: -1)
        // Drop weak marks (numerals' strokes, shadows) relative to the typical graduation.
        found = found.filter { $0.tick.contrast >= 0.4 * medianContrast }

        guard let fit = ScaleFit.fit(indices: found.map { Double($0.k) }, positions: found.map { $0.tick.t }) else {
            throw .inconsistentTicks(file: file, detail: "no straight-line fit through the graduations")
        }
        let used = fit.kept.map { found[$0] }
        // A ruler cut by the frame is accepted with a warning while two thirds of the minimum remain
        // visible (the fit's uncertainty still says how good the scale is); a short ruler is refused.
        let cutMinimum = (definition.minGraduations * 2 + 2) / 3
        if used.count < (cutByFrame ? cutMinimum : definition.minGraduations) {
            if cutByFrame { throw .rulerCutByFrame(file: file, found: used.count, needed: cutMinimum) }
            if used.count < definition.minGraduations / 2 {
                throw .noRuler(file: file, detail: "only \(used.count) evenly spaced marks found")
            }
            throw .tooFewGraduations(file: file, found: used.count, needed: definition.minGraduations)
        }
        if fit.residualRMS > 0.06 * fit.slope {
            throw .inconsistentTicks(file: file, detail: String(format: "residual %.2f px at a %.2f px pitch", fit.residualRMS, fit.slope))
        }
        let pxPerMM = fit.slope / definition.pitchMM
        if pxPerMM < minimumPxPerMM {
            throw .resolutionTooLow(file: file, pxPerMM: pxPerMM, minimum: recommendedPxPerMM)
        }
        if medianContrast < 0.04 {
            throw .tooBlurred(file: file, detail: String(format: "graduation contrast %.3f", medianContrast))
        }

        var warnings: [String] = []
        if pxPerMM < recommendedPxPerMM {
            warnings.append(String(format: "%.1f px/mm is below the %.0f px/mm the accuracy targets assume; move the camera closer",
                                   pxPerMM, recommendedPxPerMM))
        }
        if cutByFrame { warnings.append("the ruler runs off the frame edge; the scale uses the \(used.count) visible graduations") }

        let rhythm = TickRhythm(plane: full, axis: axis, bandCentre: frame.v, darkTicks: coarse.darkTicks,
                                spacing: fit.slope, pxPerMM: pxPerMM)
        let measured = rhythm.longTickEvery(ticks: used.map { (k: $0.k, t: $0.tick.t) })
        if let measured, measured != definition.longTickEvery {
            throw .wrongRhythm(file: file, measured: measured, expected: definition.longTickEvery, ruler: definition.name)
        }
        if measured == nil {
            warnings.append("the long-tick rhythm could not be confirmed; check the ruler is a \(definition.name) ruler")
        }

        let points = used.map { axis.point(t: $0.tick.t, v: frame.v) }
        var angle = axis.angleDegrees.truncatingRemainder(dividingBy: 180)
        if angle <= -90 { angle += 180 } else if angle > 90 { angle -= 180 }
        let start = points.first!, end = points.last!
        let whiteSamples = coarse.darkTicks
            ? WhiteReference.samplePoints(width: image.width, height: image.height, axis: axis,
                                          ticks: used.map { $0.tick.t }, spacing: fit.slope, band: band)
            : []
        let white = whiteSamples.isEmpty ? nil : WhiteReference.measure(pixels: image, points: whiteSamples,
                                                                                     blockMeans: image.jpegBlockMeans)
        return RulerCalibration(
            pxPerMM: pxPerMM, uncertaintyPct: 100 * fit.slopeUncertainty / fit.slope, ticksUsed: used.count,
            residualRMSpx: fit.residualRMS, angleDegrees: angle,
            start: .init(x: start.x, y: start.y), end: .init(x: end.x, y: end.y),
            ticks: points.map { .init(x: $0.x, y: $0.y) }, bandHalfWidth: halfBand,
            polarity: coarse.darkTicks ? .darkOnLight : .lightOnDark, longTickEvery: measured,
            whiteReference: white, whiteSamples: whiteSamples, warnings: warnings)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

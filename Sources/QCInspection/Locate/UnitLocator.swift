import QCCalibration
import QCColor
import QCImage

/// Where the unit lies in a photo: a foreground mask at working resolution.
struct UnitRegion: Sendable {
    /// Working-resolution factor: work pixel (x, y) covers full pixels [f·x, f·x+f) × [f·y, f·y+f).
    var factor: Int
    var width: Int
    var height: Int
    /// True on the unit.
    var mask: [Bool]
    /// Bounding box in full-resolution pixels, [minX, maxX) × [minY, maxY).
    var minX: Int, minY: Int, maxX: Int, maxY: Int
    /// Background colour (linear) divided by the illumination model.
    var background: SIMD3<Float>
    var illumination: IlluminationModel?

    /// Expected background colour (linear) at full-resolution point (x, y), before any shadow.
    func backgroundColour(_ x: Double, _ y: Double) -> SIMD3<Float> {
        guard let m = illumination else { return background }
        return background * Float(max(m.level(x: x, y: y), 0.02))
    }
}

/// Finds the single unit on the plain background, apart from the ruler.
///
/// The background colour is read from the frame border after dividing out the illumination model, so
/// vignetting does not look like an object; pixels that differ from it by more than a noise-scaled
/// threshold are foreground. Connected components (4-connected, holes filled) are then sorted: the
/// one holding the ruler's graduations is the ruler; of the rest, one must clearly dominate.
enum UnitLocator {
    /// The photo split into background and connected foreground components at working resolution:
    /// everything the location needs except the ruler, so it can run beside the ruler search.
    struct Segmentation: Sendable {
        var factor: Int
        var width: Int
        var height: Int
        var labels: [Int]
        var components: [MaskOps.Component]
        /// Background colour (linear) divided by the illumination model.
        var background: SIMD3<Float>
        /// The illumination model the colours were divided by.
        var illumination: IlluminationModel?
    }

    /// Locates the unit on the photo's shared thumbnail, coarsened to about 900 px across when it is
    /// finer than that.
    static func locate(thumbnail: Thumbnail, calibration: PhotoCalibration, file: String) throws(InspectionError) -> UnitRegion {
        try locate(segmentation: segment(thumbnail: thumbnail, illumination: calibration.illumination),
                   calibration: calibration, file: file)
    }

    /// Background and foreground components of `thumbnail` (coarsened to about 900 px across), its
    /// colours divided by `illumination`.
    static func segment(thumbnail: Thumbnail, illumination: IlluminationModel?) -> Segmentation {
        let full = (width: thumbnail.image.width * thumbnail.factor, height: thumbnail.image.height * thumbnail.factor)
        let target = max(1, max(full.width, full.height) / 900)
        // Rounded up: the thumbnail may be finer than the target by a non-integer ratio (3 vs 4).
        let work = thumbnail.coarsened(by: max(1, (target + thumbnail.factor - 1) / thumbnail.factor))
        let f = work.factor
        let w = work.image.width, h = work.image.height
        let n = w * h
        let plane = work.image.planeCount
        let table = LinearCrop.table
        // Working-resolution linear RGB (the box means linearised), divided by the modelled illumination.
        var colour = [SIMD3<Float>](repeating: .zero, count: n)
        var light = [Float](repeating: 1, count: w)
        let channels = work.image.channels
        work.image.samples.withUnsafeBufferPointer { s in
            table.withUnsafeBufferPointer { t in
                colour.withUnsafeMutableBufferPointer { out in
                    light.withUnsafeMutableBufferPointer { light in
                        for y in 0..<h {
                            if let m = illumination {
                                for x in 0..<w {
                                    light[x] = 1 / Float(max(m.level(x: (Double(x) + 0.5) * Double(f), y: (Double(y) + 0.5) * Double(f)), 0.02))
                                }
                            }
                            for x in 0..<w {
                                let i = y * w + x
                                let r = LinearCrop.linear(s[i], t)
                                let g = channels == 3 ? LinearCrop.linear(s[plane + i], t) : r
                                let b = channels == 3 ? LinearCrop.linear(s[2 * plane + i], t) : r
                                out[i] = SIMD3(r, g, b) * light[x]
                            }
                        }
                    }
                }
            }
        }
        // Background colour and noise from a border band.
        let band = max(2, min(w, h) / 40)
        var border: [SIMD3<Float>] = []
        for y in 0..<h { for x in 0..<w where x < band || y < band || x >= w - band || y >= h - band { border.append(colour[y * w + x]) } }
        func median(_ v: [Float]) -> Float { RobustStatistics.lowerMedian(v) ?? 0 }
        let bg = SIMD3(median(border.map { $0.x }), median(border.map { $0.y }), median(border.map { $0.z }))
        // Distance from the background model: colour = k × background explains plain background and
        // soft shadows (k < 1); what it leaves unexplained, or a k far from 1, is an object.
        let bb = max((bg * bg).sum(), 1e-6)
        let scale = bb.squareRoot() + 0.05
        func distance(_ c: SIMD3<Float>) -> Float {
            let k = (c * bg).sum() / bb
            let r = c - k * bg
            let residual = (r * r).sum().squareRoot() / scale
            let gain = k < 0.5 ? (0.5 - k) * 2 : (k > 1.2 ? (k - 1.2) * 2 : 0)
            return residual + gain
        }
        let borderD = border.map(distance)
        let borderMedian = median(borderD)
        let mad = median(borderD.map { abs($0 - borderMedian) }) * 1.4826
        let threshold = max(0.1, borderMedian + 8 * mad)
        var mask = [Bool](repeating: false, count: n)
        colour.withUnsafeBufferPointer { c in
            mask.withUnsafeMutableBufferPointer { m in for i in 0..<n { m[i] = distance(c[i]) > threshold } }
        }
        mask = MaskOps.open(mask, width: w, height: h)
        mask = MaskOps.fillHoles(mask, width: w, height: h)
        let (labels, components) = MaskOps.components(mask, width: w, height: h)
        return Segmentation(factor: f, width: w, height: h, labels: labels, components: components, background: bg,
                            illumination: illumination)
    }

    /// The unit among `segmentation`'s components: not the ruler (the component holding the
    /// calibration's graduations), dominant, clear of the frame and the ruler.
    static func locate(segmentation: Segmentation, calibration: PhotoCalibration, file: String) throws(InspectionError) -> UnitRegion {
        let f = segmentation.factor, w = segmentation.width, h = segmentation.height, n = w * h
        let labels = segmentation.labels, components = segmentation.components

        // The ruler is the component holding most of its graduations.
        var rulerLabel: Int?
        if let ruler = calibration.ruler {
            // A graduation may itself read as background (a thin mid-grey tick scores like a shadow) and,
            // touching the ruler's edge, is a notch that hole filling leaves open: each tick votes for the
            // component nearest to it within 0.5 mm.
            let r = max(1, Int((0.5 * calibration.pxPerMM / Double(f)).rounded(.up)))
            var votes: [Int: Int] = [:]
            for t in ruler.ticks {
                let x = Int(t.x) / f, y = Int(t.y) / f
                var best = 0, bestD = Int.max
                for dy in -r...r where y + dy >= 0 && y + dy < h {
                    for dx in -r...r where x + dx >= 0 && x + dx < w {
                        let l = labels[(y + dy) * w + x + dx], d = dx * dx + dy * dy
                        if l > 0 && (d < bestD || (d == bestD && l < best)) { best = l; bestD = d }
                    }
                }
                if best > 0 { votes[best, default: 0] += 1 }
            }
            rulerLabel = votes.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key  // ties: lower label, every run
        }
        let pxPerWork = calibration.pxPerMM / Double(f)
        let minArea = Int(20 * pxPerWork * pxPerWork)
        var candidates = components.filter { $0.label != rulerLabel && $0.area >= minArea }.sorted { $0.area > $1.area }
        guard var unit = candidates.first else {
            if let r = rulerLabel, let comp = components.first(where: { $0.label == r }), let ruler = calibration.ruler,
               comp.fillRatio(alongDegrees: ruler.angleDegrees, labels: labels, width: w) < 0.8 {
                throw .touchesRuler(file: file)
            }
            throw .noUnit(file: file)
        }
        // Parts of one unit separated by a low-contrast rim (nickel on white) lie within its bounding box
        // grown by 1 mm: they are fused with it; anything else of comparable size is a second unit.
        let grow = Int(pxPerWork.rounded(.up))
        var members: Set<Int> = [unit.label]
        var grew = true
        while grew {
            grew = false
            for c in components where !members.contains(c.label) && c.label != rulerLabel && c.area * 50 >= unit.area
                && c.minX <= unit.maxX + grow && c.maxX >= unit.minX - grow && c.minY <= unit.maxY + grow && c.maxY >= unit.minY - grow {
                members.insert(c.label)
                unit.minX = min(unit.minX, c.minX); unit.maxX = max(unit.maxX, c.maxX)
                unit.minY = min(unit.minY, c.minY); unit.maxY = max(unit.maxY, c.maxY)
                unit.area += c.area
                grew = true
            }
        }
        candidates.removeAll { members.contains($0.label) && $0.label != unit.label }
        if candidates.count > 1 && candidates[1].area * 4 >= unit.area {
            throw .twoUnits(file: file, count: candidates.filter { $0.area * 4 >= unit.area }.count)
        }
        if unit.minX == 0 || unit.minY == 0 || unit.maxX == w - 1 || unit.maxY == h - 1 { throw .touchesFrame(file: file) }
        if let r = rulerLabel, let comp = components.first(where: { $0.label == r }), let ruler = calibration.ruler,
           comp.fillRatio(alongDegrees: ruler.angleDegrees, labels: labels, width: w) < 0.8 {
            throw .touchesRuler(file: file)
        }
        var unitMask = [Bool](repeating: false, count: n)
        var isMember = [Bool](repeating: false, count: (components.map(\.label).max() ?? 0) + 1)
        for m in members { isMember[m] = true }
        labels.withUnsafeBufferPointer { l in
            for i in 0..<n where l[i] > 0 && isMember[l[i]] { unitMask[i] = true }
        }
        if members.count > 1 {
            for _ in 0..<(grow / 2 + 1) { unitMask = MaskOps.dilate(unitMask, width: w, height: h) }
            unitMask = MaskOps.fillHoles(unitMask, width: w, height: h)
            for _ in 0..<(grow / 2 + 1) { unitMask = MaskOps.erode(unitMask, width: w, height: h) }
        }
        // Remove thin spurs (texture, a stray thread) so the traced boundary never folds back on itself.
        for _ in 0..<2 { unitMask = MaskOps.erode(unitMask, width: w, height: h) }
        for _ in 0..<2 { unitMask = MaskOps.dilate(unitMask, width: w, height: h) }
        return UnitRegion(factor: f, width: w, height: h, mask: unitMask,
                          minX: unit.minX * f, minY: unit.minY * f, maxX: (unit.maxX + 1) * f, maxY: (unit.maxY + 1) * f,
                          background: segmentation.background, illumination: segmentation.illumination)
    }
}

import QCCalibration
import QCColor
import QCImage

/// Turns the golden sample's photo into a `MasterModel`: outline, overall size, rim widths, region map,
/// plating colour, internal boundaries and artwork rings, all in the design frame (mm).
enum MasterBuilder {
    struct Identity { var sku: String; var description: String; var finish: String; var artworkRevision: String }

    static func build(image: Image, file: String, calibration: PhotoCalibration, identity: Identity) throws(InspectionError) -> MasterModel {
        guard calibration.source == .ruler else {
            throw .master(path: file, reason: "the master photo needs its own ruler in frame (a station profile is not enough)")
        }
        let analysis = try PhotoAnalysis.analyse(image: image, file: file, calibration: calibration)
        guard analysis.white != nil else { throw .noWhiteReference(file: file) }
        let s = analysis.pxPerMM
        let reg = Registration(cx: analysis.centroid.x, cy: analysis.centroid.y, pxPerMM: s, theta: 0, rotationFrom: "master")
        let outlineMM = analysis.outline.points.map { p -> (x: Double, y: Double, nx: Double, ny: Double) in
            let d = reg.toDesign(p.x, p.y)
            return (d.0, d.1, p.nx, p.ny)
        }
        let extremesMM = analysis.outline.points.map { p -> (x: Double, y: Double, nx: Double, ny: Double) in
            let e = p.extreme, d = reg.toDesign(e.x, e.y)
            return (d.0, d.1, p.nx, p.ny)
        }
        guard let size = OverallSize.measure(designPoints: extremesMM) else {
            throw .measurement(file: file, detail: "overall size")
        }

        // Grid over the design frame, one master pixel per cell.
        let cell = 1 / s
        let minX = outlineMM.map(\.x).min()! - 0.3, maxX = outlineMM.map(\.x).max()! + 0.3
        let minY = outlineMM.map(\.y).min()! - 0.3, maxY = outlineMM.map(\.y).max()! + 0.3
        let grid = MasterModel.Grid(originX: minX, originY: minY, cell: cell,
                                    width: Int(((maxX - minX) / cell).rounded(.up)), height: Int(((maxY - minY) / cell).rounded(.up)))
        let inside = insideMask(outline: outlineMM.map { ($0.x, $0.y) }, grid: grid)
        // Cells within 2 px of the outline are blurred with the background: they belong to the rim.
        var core = inside
        for _ in 0..<2 { core = MaskOps.erode(core, width: grid.width, height: grid.height) }
        var deep = core
        for _ in 0..<2 { deep = MaskOps.erode(deep, width: grid.width, height: grid.height) }
        var lab = [Lab?](repeating: nil, count: grid.width * grid.height)
        var rimBand: [Int] = []
        for j in 0..<grid.height {
            for i in 0..<grid.width {
                let k = j * grid.width + i
                guard core[k] else { continue }
                let p = reg.toPhoto(grid.originX + (Double(i) + 0.5) * cell, grid.originY + (Double(j) + 0.5) * cell)
                guard let c = analysis.normalisedColour(p.0, p.1) else { continue }
                lab[k] = ColourConversion.lab(LinearRGB(Double(c.x), Double(c.y), Double(c.z)))
                if !deep[k] { rimBand.append(k) }
            }
        }
        let seg = try RegionSegmenter.segment(lab: lab, width: grid.width, height: grid.height, rimBand: rimBand,
                                              cellMM: cell, file: file)
        var labels = seg.labels
        for k in labels.indices where inside[k] && !core[k] { labels[k] = Int8(seg.metal) }
        for k in labels.indices where !inside[k] { labels[k] = -1 }

        // Region colours (white-referenced linear) as medians over their cells, away from boundaries.
        var regions: [MasterModel.RegionInfo] = []
        var colours: [Int: SIMD3<Float>] = [:]
        var fillNumber = 0
        for (l, centre) in seg.centres.enumerated() {
            let cells = labels.indices.filter { labels[$0] == Int8(l) }
            guard Double(cells.count) * cell * cell >= 0.05 else { continue }   // at least 0.05 mm²
            let lin = ColourConversion.linearRGB(centre)
            colours[l] = SIMD3(Float(lin.r), Float(lin.g), Float(lin.b))
            let isMetal = l == seg.metal
            if !isMetal { fillNumber += 1 }
            regions.append(.init(label: l, kind: isMetal ? "metal" : "fill", name: isMetal ? "plating" : "fill \(fillNumber)",
                                 lab: [centre.l, centre.a, centre.b], linear: [lin.r, lin.g, lin.b],
                                 areaMM2: Double(cells.count) * cell * cell))
        }
        var model = MasterModel(
            sku: identity.sku, description: identity.description, finish: identity.finish,
            artworkRevision: identity.artworkRevision, sourcePhoto: file, pxPerMM: s,
            calibrationUncertaintyPct: calibration.uncertaintyPct, overallSize: size,
            borderWidth: .init(top: 0, right: 0, bottom: 0, left: 0, min: 0), platingLab: [], hasWhiteReference: true,
            outlineSymmetric: false, regions: regions, outline: [], boundaries: [], grid: grid, ringSamples: 1440,
            rings: [], centroidPx: [analysis.centroid.x, analysis.centroid.y], labels: labels)

        // Plating colour.
        let metalPts = PlatingTone.metalPoints(master: model)
        let shading = MetalShading.fit(analysis, registration: reg, points: metalPts)
        guard let plating = shading.flatMap(PlatingTone.typicalColour) else {
            throw .segmentation(file: file, detail: "too little plated metal visible")
        }
        let platingLab = ColourConversion.lab(plating)
        model.platingLab = [platingLab.l, platingLab.a, platingLab.b]
        let metalColour = colours[seg.metal] ?? SIMD3(Float(plating.r), Float(plating.g), Float(plating.b))

        // Outline points with the first fill inward.
        var outline: [MasterModel.OutlinePoint] = []
        for p in outlineMM {
            var t = 0.5 * cell, first = -1
            while t < 3 {
                let l = model.label(atX: p.x - t * p.nx, y: p.y - t * p.ny)
                if l >= 0 && l != seg.metal { first = l; break }
                t += 0.5 * cell
            }
            outline.append(.init(x: p.x, y: p.y, nx: p.nx, ny: p.ny, firstFill: first, rim: first >= 0 ? t : -1))
        }
        // Rim widths on the master itself, sub-pixel, by the same method as for units.
        let lookup = OutlineLookup(outline)
        let samples = BorderWidth.measure(analysis, registration: reg, metal: metalColour) { x, y in
            guard let o = lookup.nearest(x, y), o.firstFill >= 0, let c = colours[o.firstFill] else { return nil }
            return (c, o.rim)
        }
        guard let border = BorderWidth.summarise(samples) else {
            throw .segmentation(file: file, detail: "the rim's inner edge could not be found")
        }
        model.borderWidth = border
        model.outline = outline

        // Internal boundaries, refined to the 50 % crossing on the master photo; those beside a highlight
        // of the golden sample are dropped (its flank moves the crossing; see MetalShading).
        var boundaries = BoundaryExtractor.extract(labels: labels, grid: grid)
        let refined = BoundaryShift.measure(analysis, registration: reg, master: { var m = model; m.boundaries = boundaries; return m }(),
                                            colours: colours, shading: shading)
        for k in boundaries.indices {
            if let d = refined[k].displacement {
                boundaries[k].x += d * boundaries[k].nx
                boundaries[k].y += d * boundaries[k].ny
                boundaries[k].reachA = max(0, boundaries[k].reachA + d)
                boundaries[k].reachB = max(0, boundaries[k].reachB - d)
            }
        }
        model.boundaries = boundaries.enumerated().filter { refined[$0.offset].displacement != nil }.map(\.element)

        // Outline symmetry and artwork rings.
        let signature = RotationEstimator.radialSignature(outlineMM.map { ($0.x, $0.y) })
        model.outlineSymmetric = RotationEstimator.roundness(signature) < 0.004
        let meanR = signature.reduce(0, +) / Double(signature.count)
        let innerR = max(0.5, meanR - border.min - 0.2)
        model.rings = [0.2, 0.35, 0.5, 0.65, 0.8, 0.92].map { f in
            MasterModel.Ring(radius: innerR * f, rgb: ArtworkRings.sample(analysis, registration: reg, radius: innerR * f,
                                                                          samples: model.ringSamples))
        }
        return model
    }

    /// Cells of `grid` whose centre is inside the closed polygon (even-odd rule, per row).
    static func insideMask(outline: [(Double, Double)], grid: MasterModel.Grid) -> [Bool] {
        var mask = [Bool](repeating: false, count: grid.width * grid.height)
        let n = outline.count
        for j in 0..<grid.height {
            let y = grid.originY + (Double(j) + 0.5) * grid.cell
            var xs: [Double] = []
            for k in 0..<n {
                let a = outline[k], b = outline[(k + 1) % n]
                if (a.1 <= y) != (b.1 <= y) { xs.append(a.0 + (y - a.1) / (b.1 - a.1) * (b.0 - a.0)) }
            }
            xs.sort()
            var k = 0
            while k + 1 < xs.count {
                let i0 = max(0, Int(((xs[k] - grid.originX) / grid.cell - 0.5).rounded(.up)))
                let i1 = min(grid.width - 1, Int(((xs[k + 1] - grid.originX) / grid.cell - 0.5).rounded(.down)))
                if i0 <= i1 { for i in i0...i1 { mask[j * grid.width + i] = true } }
                k += 2
            }
        }
        return mask
    }
}

/// Colour rings around the centroid (white-referenced linear RGB), for rotation from the artwork.
enum ArtworkRings {
    static func sample(_ analysis: PhotoAnalysis, registration: Registration, radius: Double, samples: Int) -> [Float] {
        sample(analysis, registration: registration, radius: radius, circle: circle(samples: samples))
    }

    /// (cos φ, sin φ) at the `samples` ring angles φ = 2π·j / samples.
    static func circle(samples: Int) -> [(cos: Double, sin: Double)] {
        (0..<samples).map { j in
            let phi = Double(j) / Double(samples) * 2 * .pi
            return (cos(phi), sin(phi))
        }
    }

    /// Interleaved RGB along the ring of `radius` mm at the angles of `circle` (see `circle(samples:)`).
    static func sample(_ analysis: PhotoAnalysis, registration: Registration, radius: Double,
                       circle: [(cos: Double, sin: Double)]) -> [Float] {
        let samples = circle.count
        var out = [Float](repeating: 0, count: samples * 3)
        var last = SIMD3<Float>(0, 0, 0)
        for j in 0..<samples {
            let p = registration.toPhoto(radius * circle[j].cos, radius * circle[j].sin)
            let c = analysis.normalisedColour(p.0, p.1) ?? last
            last = c
            out[j * 3] = c.x; out[j * 3 + 1] = c.y; out[j * 3 + 2] = c.z
        }
        return out
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

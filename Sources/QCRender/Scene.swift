/// The photo's layout: canvas size and where the unit and ruler land, in pixels.
///
/// Image positions use the `Image` convention: pixel (i, j) covers [i, i+1) × [j, j+1), its centre is
/// (i + 0.5, j + 0.5). A unit point q (design frame, mm) lands at `unitCentrePx + pxPerMM·R(θ)·q`;
/// a ruler point (u, v) (mm) at `rulerOriginPx + pxPerMM·(u·rulerAxisU + v·rulerAxisV)`.
public struct Scene: Sendable, Equatable {
    /// Canvas size (px).
    public let width: Int
    public let height: Int
    /// Scale (px per mm).
    public let pxPerMM: Double
    /// Where the unit's design-frame origin lands (px).
    public let unitCentrePx: Vec2
    /// Unit rotation (degrees, clockwise on screen).
    public let unitRotationDeg: Double
    /// Image position of the ruler point u = 0, v = 0: tick 0's centre line on the graduated edge (px).
    public let rulerOriginPx: Vec2
    /// Unit vectors of the ruler's u (along) and v (across, into the face) axes in the image.
    public let rulerAxisU: Vec2
    public let rulerAxisV: Vec2

    /// Lays out `spec`: the ruler's graduated edge faces the unit across `gapMM` of clearance from
    /// the unit's bounding circle; the canvas holds both with `marginMM` around them.
    /// - Throws: `RenderError.invalidSpec` when the canvas would exceed 40 megapixels.
    public init(_ spec: PhotoSpec, unitRadiusMM: Double) throws(RenderError) {
        let ppm = spec.pxPerMM
        let lay = spec.layout
        let r = spec.ruler
        let side = lay.rulerSide.direction
        let u0 = Vec2(side.y, -side.x)          // so that perpendicular(u0) == side
        let eu = u0.rotated(byDegrees: lay.rulerAngleDeg)
        let ev = eu.perpendicular
        let geometry = RulerGeometry(r)
        let faceCentreUV = Vec2(Double(r.graduations) / 2, r.widthMM / 2)
        // Face distance from the unit centre (scene mm, unit at the origin) with the face centre at D·side.
        func clearance(_ d: Double) -> Double {
            let centre = side * d + eu * lay.rulerSlideMM
            let origin = centre - eu * faceCentreUV.x - ev * faceCentreUV.y
            let p = Vec2(0, 0) - origin
            return geometry.faceDistance(Vec2(p.dot(eu), p.dot(ev)))
        }
        let need = unitRadiusMM + lay.gapMM
        var lo = 0.0, hi = need + r.lengthMM + r.widthMM
        for _ in 0..<100 {
            let mid = (lo + hi) / 2
            if clearance(mid) < need { lo = mid } else { hi = mid }
        }
        let faceCentre = side * hi + eu * lay.rulerSlideMM
        let originMM = faceCentre - eu * faceCentreUV.x - ev * faceCentreUV.y
        // Content bounds (mm): unit circle and face corners.
        var lower = Vec2(-unitRadiusMM, -unitRadiusMM), upper = Vec2(unitRadiusMM, unitRadiusMM)
        for cu in [-r.endMarginMM, Double(r.graduations) + r.endMarginMM] {
            for cv in [0, r.widthMM] {
                let p = originMM + eu * cu + ev * cv
                lower = Vec2(min(lower.x, p.x), min(lower.y, p.y)); upper = Vec2(max(upper.x, p.x), max(upper.y, p.y))
            }
        }
        let off = lay.offsetMM
        let wMM = upper.x - lower.x + 2 * lay.marginMM + 2 * abs(off.x)
        let hMM = upper.y - lower.y + 2 * lay.marginMM + 2 * abs(off.y)
        let w = Int((wMM * ppm).rounded(.up)), h = Int((hMM * ppm).rounded(.up))
        guard w * h <= 40_000_000 else {
            throw .invalidSpec("the photo would be \(w) × \(h) px; lower px/mm or the ruler length")
        }
        let centreMM = (lower + upper) / 2
        let canvasCentre = Vec2(Double(w) / 2, Double(h) / 2)
        func toPx(_ p: Vec2) -> Vec2 { canvasCentre + (p - centreMM + off) * ppm }
        self.width = w
        self.height = h
        self.pxPerMM = ppm
        self.unitCentrePx = toPx(.zero)
        self.unitRotationDeg = spec.unitRotationDeg
        self.rulerOriginPx = toPx(originMM)
        self.rulerAxisU = eu
        self.rulerAxisV = ev
    }

    /// Image position (px) of unit point `q` (design frame, mm).
    public func imagePoint(unit q: Vec2) -> Vec2 {
        unitCentrePx + q.rotated(byDegrees: unitRotationDeg) * pxPerMM
    }

    /// Unit point (design frame, mm) at image position `p` (px).
    public func unitPoint(image p: Vec2) -> Vec2 {
        (p - unitCentrePx).rotated(byDegrees: -unitRotationDeg) / pxPerMM
    }

    /// Image position (px) of ruler point (u, v) (mm).
    public func imagePoint(ruler p: Vec2) -> Vec2 {
        rulerOriginPx + (rulerAxisU * p.x + rulerAxisV * p.y) * pxPerMM
    }

    /// Ruler point (u, v) (mm) at image position `p` (px).
    public func rulerPoint(image p: Vec2) -> Vec2 {
        let d = p - rulerOriginPx
        return Vec2(d.dot(rulerAxisU), d.dot(rulerAxisV)) / pxPerMM
    }

    /// Angle of the ruler's u axis in the image (degrees, clockwise on screen from +x).
    public var rulerAngleDeg: Double { rulerAxisU.angleDegrees }
}

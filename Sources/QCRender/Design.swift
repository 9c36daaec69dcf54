import QCColor

/// A raised or recessed metal feature inside the rim: a line dividing enamel colours, a ring, a star.
public struct MetalFeature: Sendable, Equatable {
    /// Name used by defects (`UnitDefect.lineShift`) and truth samples.
    public var name: String
    /// Geometry in the design frame (mm).
    public var shape: Shape
    /// `.plate` for raised plated metal, `.relief` for recessed toned metal.
    public var region: Region
    /// Unit direction along which `UnitDefect.lineShift` moves the feature.
    public var shiftNormal: Vec2
    /// Indices into `Design.fills` of the enamel fills whose boundary this line carries: they move with it.
    public var carriedFills: [Int]

    /// A metal feature; `shiftNormal` is normalised.
    public init(name: String, shape: Shape, region: Region = .plate, shiftNormal: Vec2 = Vec2(0, 1),
                carriedFills: [Int] = []) {
        self.name = name; self.shape = shape; self.region = region
        self.shiftNormal = shiftNormal.normalized; self.carriedFills = carriedFills
    }
}

/// An enamel (or relief) fill: the part of the field inside `shape` takes `region`.
///
/// Fills are tested in order; the first one containing a point wins, and points in no fill take the
/// design's `field` region. Metal features are drawn over fills, so a fill's boundary normally runs
/// along the centre line of a metal line.
public struct EnamelFill: Sendable, Equatable {
    public var name: String
    public var shape: Shape
    public var region: Region

    /// A fill of `shape` with `region`.
    public init(name: String, shape: Shape, region: Region) { self.name = name; self.shape = shape; self.region = region }
}

/// A named enamel colour (CIELAB, D65), the albedo of the fill.
public struct EnamelColour: Sendable, Equatable {
    public var name: String
    public var lab: Lab

    /// A named colour.
    public init(name: String, lab: Lab) { self.name = name; self.lab = lab }
}

/// A unit's artwork as 2D vector geometry in millimetres, in the design frame.
///
/// The design frame is the master photo's frame: x right, y down, "top" is −y, origin at the area
/// centroid of the outer outline (the registration datum). A point belongs to:
/// `.outside` beyond the outline; the plated rim between the outline and the outline inset by
/// `rimWidth`; else the first metal feature containing it; else the first fill containing it; else `field`.
public struct Design: Sendable, Equatable {
    /// Catalogue name, e.g. "pin-round-30".
    public let name: String
    /// One-line description.
    public let summary: String
    /// Outer outline: a circle or a rounded convex polygon (corner radius ≥ rim width).
    public let outline: Shape
    /// Nominal rim width (mm), the border width of a perfect unit.
    public let rimWidth: Double
    /// Metal features inside the rim, drawn over the fills.
    public let features: [MetalFeature]
    /// Enamel or relief fills, first match wins.
    public let fills: [EnamelFill]
    /// Region of field points in no fill.
    public let field: Region
    /// Enamel colours referenced by `.enamel(i)` regions.
    public let enamels: [EnamelColour]
    /// Relief albedo as a fraction of the plating albedo (toned, recessed metal).
    public let reliefShade: Double
    /// The outline inset by the rim width: the rim's inner edge.
    public let innerEdge: Shape

    /// A validated design.
    /// - Throws: `RenderError.invalidDesign` when the outline is not a circle or rounded convex polygon,
    ///   cannot be inset by the rim, is not centred on its area centroid, or a region index is out of range.
    public init(name: String, summary: String, outline: Shape, rimWidth: Double, features: [MetalFeature],
                fills: [EnamelFill], field: Region, enamels: [EnamelColour], reliefShade: Double = 0.55) throws(RenderError) {
        func fail(_ reason: String) -> RenderError { .invalidDesign(name: name, reason: reason) }
        switch outline {
        case .circle: break
        case .roundedPolygon(let v, _):
            guard Shape.isConvex(v) else { throw fail("the outline polygon must be convex") }
        default: throw fail("the outline must be a circle or a rounded convex polygon")
        }
        guard rimWidth > 0, let inner = outline.inset(by: rimWidth) else {
            throw fail("the outline cannot be inset by the rim width \(rimWidth) mm (corner radius too small?)")
        }
        guard let ac = outline.areaAndCentroid, ac.centroid.length < 1e-6 else {
            throw fail("the design frame origin must be the outline's area centroid")
        }
        func check(_ r: Region, _ what: String) throws(RenderError) {
            switch r {
            case .outside: throw fail("\(what) cannot be outside")
            case .enamel(let i) where i < 0 || i >= enamels.count:
                throw fail("\(what) uses enamel \(i) but the design has \(enamels.count) enamel colours")
            default: break
            }
        }
        guard enamels.count <= 26 else { throw fail("at most 26 enamel colours, got \(enamels.count)") }
        try check(field, "the field")
        for f in fills { try check(f.region, "fill \(f.name)") }
        for f in features {
            guard f.region.isMetal else { throw fail("metal feature \(f.name) must be plate or relief") }
            if case .halfPlane = f.shape { throw fail("metal feature \(f.name) must be bounded") }
            guard f.carriedFills.allSatisfy({ $0 >= 0 && $0 < fills.count }) else {
                throw fail("metal feature \(f.name) carries a fill that does not exist")
            }
        }
        guard Set(features.map(\.name)).count == features.count else { throw fail("feature names must be unique") }
        guard reliefShade > 0 && reliefShade <= 1 else { throw fail("relief shade must be in (0, 1]") }
        self.name = name; self.summary = summary; self.outline = outline; self.rimWidth = rimWidth
        self.features = features; self.fills = fills; self.field = field; self.enamels = enamels
        self.reliefShade = reliefShade; self.innerEdge = inner
    }

    /// Extent of the outline along the design axes (mm): the nominal overall size.
    public var size: (width: Double, height: Double) {
        guard let b = outline.boundingBox else { return (0, 0) }
        return (b.max.x - b.min.x, b.max.y - b.min.y)
    }

    /// Largest distance from the origin to the outline (mm): the radius of a circle holding the unit
    /// in any rotation.
    public var boundingRadius: Double {
        switch outline {
        case .circle(let c, let r): return c.length + r
        case .roundedPolygon(let v, let r): return (v.map(\.length).max() ?? 0) + r
        default: return outline.boundingBox.map { max($0.min.length, $0.max.length) } ?? 0
        }
    }

    /// The metal feature named `name`, with its index.
    public func feature(named name: String) -> (index: Int, feature: MetalFeature)? {
        guard let i = features.firstIndex(where: { $0.name == name }) else { return nil }
        return (i, features[i])
    }
}

/// Which side of the unit the ruler lies on.
public enum RulerSide: String, Sendable, Codable, CaseIterable {
    case below, above, left, right

    /// Unit direction from the unit towards the ruler in the image (y down).
    var direction: Vec2 {
        switch self {
        case .below: return Vec2(0, 1)
        case .above: return Vec2(0, -1)
        case .left: return Vec2(-1, 0)
        case .right: return Vec2(1, 0)
        }
    }
}

/// Where the unit and ruler sit in the photo.
public struct Layout: Sendable, Equatable {
    /// Side of the unit the ruler lies on; its graduated edge faces the unit.
    public var rulerSide: RulerSide
    /// Extra rotation of the ruler (degrees, clockwise on screen).
    public var rulerAngleDeg: Double
    /// Clearance between the unit's bounding circle and the ruler face (mm).
    public var gapMM: Double
    /// Ruler centre moved along its length relative to the unit (mm).
    public var rulerSlideMM: Double
    /// Free border around unit and ruler (mm).
    public var marginMM: Double
    /// Unit and ruler moved together inside the frame (mm); the frame grows to keep the margin.
    public var offsetMM: Vec2

    /// A layout; the defaults put the ruler 5 mm below the unit, square to the frame, with 6 mm margins.
    public init(rulerSide: RulerSide = .below, rulerAngleDeg: Double = 0, gapMM: Double = 5, rulerSlideMM: Double = 0,
                marginMM: Double = 6, offsetMM: Vec2 = .zero) {
        self.rulerSide = rulerSide; self.rulerAngleDeg = rulerAngleDeg; self.gapMM = gapMM
        self.rulerSlideMM = rulerSlideMM; self.marginMM = marginMM; self.offsetMM = offsetMM
    }
}

/// Everything that defines one synthetic inspection photo. Rendering the same spec always gives the
/// same bytes and the same truth.
public struct PhotoSpec: Sendable, Equatable {
    /// The unit's design (usually from `DesignCatalogue`).
    public var design: Design
    /// Plating finish.
    public var finish: Finish
    /// Scale of the photo (px per mm), 15...40 for the set-up.
    public var pxPerMM: Double
    /// Rotation of the unit in the image (degrees, clockwise on screen). Masters are 0.
    public var unitRotationDeg: Double
    /// Placement of unit and ruler.
    public var layout: Layout
    /// The reference ruler.
    public var ruler: Ruler
    /// The surface under the unit.
    public var background: Background
    /// The lighting.
    public var lighting: Lighting
    /// Exposure, white balance, optics, sensor and file format.
    public var camera: Camera
    /// Defects of this unit (empty for a master or a good unit).
    public var defects: [UnitDefect]
    /// Seed of every random choice (noise, texture).
    public var seed: UInt64
    /// Also return the unit's pixel coverage (`RenderedPhoto.unitCoverage`).
    public var recordCoverage: Bool
    /// Also return the linear image before quantisation (`RenderedPhoto.linear`).
    public var recordLinear: Bool

    /// A photo of `design`; every other option defaults to the standard set-up at 20 px/mm.
    public init(design: Design, finish: Finish = .imitationGold, pxPerMM: Double = 20, unitRotationDeg: Double = 0,
                layout: Layout = Layout(), ruler: Ruler = Ruler(), background: Background = .grey,
                lighting: Lighting = .standard, camera: Camera = Camera(), defects: [UnitDefect] = [], seed: UInt64 = 1,
                recordCoverage: Bool = false, recordLinear: Bool = false) {
        self.design = design; self.finish = finish; self.pxPerMM = pxPerMM; self.unitRotationDeg = unitRotationDeg
        self.layout = layout; self.ruler = ruler; self.background = background; self.lighting = lighting
        self.camera = camera; self.defects = defects; self.seed = seed
        self.recordCoverage = recordCoverage; self.recordLinear = recordLinear
    }

    /// An ideal geometry photo: flat light, no texture, no blur, noise or vignetting, 16-bit PNG.
    public static func ideal(_ design: Design, pxPerMM: Double = 20) -> PhotoSpec {
        PhotoSpec(design: design, pxPerMM: pxPerMM, background: Background(.grey, texture: 0), lighting: .flat,
                  camera: .ideal)
    }

    func validate() throws(RenderError) {
        guard pxPerMM >= 2, pxPerMM <= 100 else { throw .invalidSpec("px/mm must be in 2...100, got \(pxPerMM)") }
        guard unitRotationDeg.isFinite else { throw .invalidSpec("unit rotation must be finite") }
        guard layout.gapMM >= 1 else { throw .invalidSpec("the ruler must be at least 1 mm from the unit") }
        guard layout.marginMM >= 2 else { throw .invalidSpec("the margin must be at least 2 mm") }
        guard background.texture >= 0, background.texture <= 5 else { throw .invalidSpec("texture must be in 0...5") }
        guard lighting.highlightCount >= 0, lighting.highlightCount <= 3 else {
            throw .invalidSpec("highlight count must be in 0...3")
        }
        guard lighting.shadingAmplitude >= 0, lighting.shadingAmplitude <= 0.4 else {
            throw .invalidSpec("shading amplitude must be in 0...0.4")
        }
        guard lighting.shadowStrength >= 0, lighting.shadowStrength < 1 else { throw .invalidSpec("shadow strength must be in 0..<1") }
        try ruler.validate()
        try camera.validate()
    }
}

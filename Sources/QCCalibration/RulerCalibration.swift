import QCColor

/// The scale found on a photo's reference ruler, with its uncertainty and where the ruler lies.
public struct RulerCalibration: Sendable, Equatable {
    /// Image pixels per millimetre along the ruler.
    public var pxPerMM: Double
    /// Standard uncertainty of `pxPerMM` from the tick fit (k = 1), percent. Excludes the printing
    /// accuracy of the ruler itself.
    public var uncertaintyPct: Double
    /// Graduations used by the fit.
    public var ticksUsed: Int
    /// RMS distance of tick centres from the fitted even spacing, px.
    public var residualRMSpx: Double
    /// Direction of the ruler axis in the image, degrees in (−90, 90], from +x towards +y (down).
    public var angleDegrees: Double
    /// Centres of the first and last graduation used, px (pixel-centre convention).
    public var start: Point
    public var end: Point
    /// Sub-pixel centres of every graduation used, px, for overlays.
    public var ticks: [Point]
    /// Half-width of the graduation band across the axis, px.
    public var bandHalfWidth: Double
    /// Which polarity was found.
    public var polarity: RulerDefinition.Polarity
    /// Measured long-tick rhythm (every n-th graduation longer), nil when it could not be measured.
    public var longTickEvery: Int?
    /// Linear RGB of the ruler's light face: the photo's white reference. Nil for light-on-dark rulers.
    public var whiteReference: LinearRGB?
    /// The face pixels the white reference was read from (empty without one).
    public var whiteSamples: [Point]
    /// Non-fatal problems an inspector should know about.
    public var warnings: [String]

    /// A point in image pixels.
    public struct Point: Sendable, Equatable, Codable {
        public var x: Double
        public var y: Double
        public init(x: Double, y: Double) { self.x = x; self.y = y }
    }

    /// Length of ruler used, mm.
    public var spanMM: Double {
        ((end.x - start.x) * (end.x - start.x) + (end.y - start.y) * (end.y - start.y)).squareRoot() / pxPerMM
    }
}

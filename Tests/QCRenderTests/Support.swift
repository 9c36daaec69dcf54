import Foundation
import QCColor
import QCImage
import QCRender

/// Shared helpers for the renderer tests.
enum Support {
    /// The package root, from this file's path (Tests/QCRenderTests/Support.swift).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// A compact ideal spec: flat light, no texture, no blur/noise/vignetting, 16-bit PNG, short ruler, small margins.
    static func ideal(_ design: Design, ppm: Double = 20, rotation: Double = 0, defects: [UnitDefect] = []) -> PhotoSpec {
        var s = PhotoSpec.ideal(design, pxPerMM: ppm)
        s.unitRotationDeg = rotation
        s.defects = defects
        s.ruler = Ruler(graduations: 40)
        s.layout = Layout(rulerSide: .below, gapMM: 3, marginMM: 3)
        return s
    }

    /// Linear grey value (mean of R, G, B) at pixel (x, y).
    static func grey(_ image: Image, _ x: Int, _ y: Int) -> Double {
        (Double(image[x, y, 0]) + Double(image[x, y, 1]) + Double(image[x, y, 2])) / 3
    }
}

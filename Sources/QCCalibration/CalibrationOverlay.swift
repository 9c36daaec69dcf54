import QCImage

/// Draws what calibration found: each graduation used, the fitted axis, where the white reference was
/// read, and the scale in words, so an inspector can confirm the ruler was read correctly.
public enum CalibrationOverlay {
    public static func draw(_ calibration: PhotoCalibration, on canvas: inout Canvas) {
        let scale = max(2, canvas.image.width / 700)
        if let ruler = calibration.ruler {
            let dx = ruler.end.x - ruler.start.x, dy = ruler.end.y - ruler.start.y
            let length = max((dx * dx + dy * dy).squareRoot(), 1)
            let nx = -dy / length, ny = dx / length
            let h = ruler.bandHalfWidth
            canvas.line(ruler.start.x, ruler.start.y, ruler.end.x, ruler.end.y, width: 1.5, .cyan)
            for (i, tick) in ruler.ticks.enumerated() {
                let colour: Canvas.Colour = i % 10 == 0 ? .yellow : .green
                canvas.line(tick.x - nx * h * 1.6, tick.y - ny * h * 1.6, tick.x + nx * h * 1.6, tick.y + ny * h * 1.6,
                            width: 1.5, colour, alpha: 0.85)
            }
            let label = String(format: "%.4f PX/MM ±%.3f%%  %d TICKS  %.2f°", ruler.pxPerMM, ruler.uncertaintyPct,
                               ruler.ticksUsed, ruler.angleDegrees)
            let lx = Int(min(ruler.start.x, ruler.end.x)), ly = Int(max(ruler.start.y, ruler.end.y) + h * 2 + 8)
            canvas.text(label, x: max(4, min(lx, canvas.image.width - Canvas.textWidth(label, scale: scale) - 4)),
                        y: min(ly, canvas.image.height - 10 * scale), scale: scale, .yellow)
        } else {
            canvas.text(String(format: "STATION %@: %.4f PX/MM", calibration.stationName ?? "?", calibration.pxPerMM),
                        x: 8, y: 8, scale: scale, .yellow)
        }
        if let at = calibration.whiteReferenceAt {
            canvas.circle(at.x, at.y, radius: Double(6 * scale), width: 2, .white)
            canvas.text("WHITE REF", x: Int(at.x) + 8 * scale, y: Int(at.y) - 3 * scale, scale: scale, .white)
        }
    }
}

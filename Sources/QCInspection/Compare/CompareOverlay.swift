import QCImage

/// The evidence image of a comparison: rim widths per side with numbers, boundary shift as a
/// colour-coded band (green within half the limit, yellow within it, red beyond, magenta where the
/// edge is hidden by glare, at a corner, or not found), the plating sample area, and the verdict, drawn over the
/// unit photo.
enum CompareOverlay {
    static func draw(result: CompareResult, output: UnitComparator.Output, master: MeasuredMaster, sheet: ControlSheet,
                     on canvas: inout Canvas) {
        let reg = output.registration
        let s = reg.pxPerMM
        canvas.dim(0.35)
        let scale = max(2, Int(s / 8))
        // Plating sample area (sparse dots).
        let metal = PlatingTone.metalPoints(master: master.model, limit: 1500)
        for (x, y) in metal { let p = reg.toPhoto(x, y); canvas.disc(p.0, p.1, radius: 0.8, .white, alpha: 0.5) }
        // Boundary shift band.
        let limit = sheet.checks.compactMap { check -> Double? in
            if case .fillBoundaryShift(let tiers) = check { return tiers.first?.limit } else { return nil }
        }.first ?? 0.15
        for sample in output.shiftSamples {
            let p = reg.toPhoto(sample.x, sample.y)
            guard let d = sample.displacement else { canvas.disc(p.0, p.1, radius: 1.5, .magenta); continue }
            let colour: Canvas.Colour = abs(d) <= limit / 2 ? .green : (abs(d) <= limit ? .yellow : .red)
            canvas.disc(p.0, p.1, radius: abs(d) > limit / 2 ? 2.2 : 1.2, colour, alpha: 0.9)
        }
        // Outline and rim samples.
        let border = result.checks.first { $0.check == "border_width_mm" }
        for b in output.borderSamples {
            let ok = (border?.lower.map { b.width >= $0 } ?? true) && (border?.upper.map { b.width <= $0 } ?? true)
            canvas.disc(b.x, b.y, radius: 1.3, ok ? .cyan : .red)
        }
        // Per-side rim numbers outside the unit.
        let bw = result.measurements.borderWidth
        let ext = 0.5 * max(result.measurements.overallSize.width, result.measurements.overallSize.height) + 2.5
        for (name, value, dx, dy) in [("TOP", bw.top, 0.0, -1.0), ("RIGHT", bw.right, 1.0, 0.0),
                                      ("BOTTOM", bw.bottom, 0.0, 1.0), ("LEFT", bw.left, -1.0, 0.0)] {
            let p = reg.toPhoto(dx * ext, dy * ext)
            let text = String(format: "%@ %.3f", name, value)
            let ok = (border?.lower.map { value >= $0 } ?? true) && (border?.upper.map { value <= $0 } ?? true)
            let w = Canvas.textWidth(text, scale: scale)
            canvas.text(text, x: Int(p.0) - w / 2, y: Int(p.1) - 4 * scale, scale: scale, ok ? .cyan : .red)
        }
        // Verdict header.
        var y = 6
        let verdict = result.worstClass == "none" ? "OK" : result.worstClass.uppercased()
        canvas.text("\(result.sku)  \(verdict)", x: 6, y: y, scale: scale + 1, result.worstClass == "none" ? .green : .red)
        y += 11 * (scale + 1)
        let m = result.measurements
        var lines = [String(format: "SIZE %.3f x %.3f MM", m.overallSize.width, m.overallSize.height),
                     String(format: "RIM MIN %.3f MM", bw.min),
                     String(format: "SHIFT P99 %.3f P95 %.3f MM", m.fillBoundaryShift.max, m.fillBoundaryShift.p95)]
        if m.fillBoundaryShift.hiddenPoints > 0 {
            lines.append("MAGENTA: \(m.fillBoundaryShift.hiddenPoints) OF \(m.fillBoundaryShift.points) EDGE POINTS HIDDEN (GLARE, CORNER OR NO EDGE)")
        }
        if let t = m.platingTone {
            lines.append(String(format: "PLATING DE00 %.2f %@", t.deltaE00, t.direction.joined(separator: " ").uppercased()))
        }
        for d in result.defects { lines.append("\(d.defectClass.rawValue.uppercased()): \(d.check)") }
        for line in lines { canvas.text(line, x: 6, y: y, scale: scale, .white); y += 10 * scale }
    }
}

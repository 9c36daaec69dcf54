import QCImage

/// The master's overlay: outline, region boundaries, rim widths and region names, so the inspector can
/// confirm the segmentation before the master is used.
public enum MasterOverlay {
    public static func write(master: MeasuredMaster, photo: String, to path: String) throws {
        let decoded = try PhotoDecoder().decode(file: photo)
        var canvas = Canvas(photo: decoded.image)
        canvas.dim(0.3)
        let m = master.model
        // The design frame origin is the outline centroid; recover its pixel position from the outline.
        let s = m.pxPerMM
        // Map design → photo with the master's own centroid: outline points were stored relative to it.
        let analysisCentre = centroidPx(master: m, image: decoded.image)
        func px(_ x: Double, _ y: Double) -> (Double, Double) { (analysisCentre.0 + x * s, analysisCentre.1 + y * s) }
        let palette: [Canvas.Colour] = [.yellow, .cyan, .magenta, .orange, .green, .blue, .red, .white]
        for b in m.boundaries {
            let p = px(b.x, b.y)
            canvas.disc(p.0, p.1, radius: 1.0, palette[(b.a * 3 + b.b) % palette.count], alpha: 0.9)
        }
        for o in m.outline { let p = px(o.x, o.y); canvas.disc(p.0, p.1, radius: 1.0, .white) }
        let scale = max(2, Int(s / 8))
        let ext = 0.5 * max(m.overallSize.width, m.overallSize.height) + 2.5
        let bw = m.borderWidth
        for (name, v, dx, dy) in [("TOP", bw.top, 0.0, -1.0), ("RIGHT", bw.right, 1.0, 0.0), ("BOTTOM", bw.bottom, 0.0, 1.0), ("LEFT", bw.left, -1.0, 0.0)] {
            let p = px(dx * ext, dy * ext)
            let text = String(format: "%@ %.3f MM", name, v)
            canvas.text(text, x: Int(p.0) - Canvas.textWidth(text, scale: scale) / 2, y: Int(p.1) - 4 * scale, scale: scale, .cyan)
        }
        var y = 6
        canvas.text("MASTER \(m.sku)", x: 6, y: y, scale: scale + 1, .yellow); y += 11 * (scale + 1)
        canvas.text(String(format: "SIZE %.3f x %.3f MM  %.3f PX/MM", m.overallSize.width, m.overallSize.height, s), x: 6, y: y, scale: scale, .white)
        y += 10 * scale
        for r in m.regions {
            canvas.text(String(format: "%@ (%@) L %.1f A %.1f B %.1f", r.name, r.kind, r.lab[0], r.lab[1], r.lab[2]), x: 6, y: y, scale: scale, .white)
            y += 10 * scale
        }
        try ImageEncoder.write(canvas.image, to: path)
    }

    /// The outline centroid in the master photo, found again from the stored grid origin is not possible,
    /// so it is re-derived from the photo's own analysis.
    static func centroidPx(master: MasterModel, image: Image) -> (Double, Double) {
        master.centroidPx.map { ($0[0], $0[1]) } ?? (Double(image.width) / 2, Double(image.height) / 2)
    }
}

import Foundation

/// The inline SVG charts of report.html: defect pareto, defects per carton, the distribution of a check's
/// values against its tolerance band, and a count-against-Ac/Re gauge. Plain SVG 1.1, no scripts; every text
/// is escaped.
public enum SVGCharts {
    static let critical = "#6a1b9a", major = "#d32f2f", minor = "#f9a825", conforming = "#43a047"
    /// Colours per class and for conforming units.
    static let colours: [String: String] = [
        "critical": critical, "major": major, "minor": minor, "ok": conforming, "none": conforming,
    ]
    static let font = "font-family=\"Helvetica,Arial,sans-serif\""

    /// Short names for the known checks.
    public static func label(_ check: String) -> String {
        switch check {
        case "overall_size_mm": return "overall size (mm)"
        case "border_width_mm": return "border width (mm)"
        case "fill_boundary_shift_mm": return "fill boundary shift (mm)"
        case "plating_tone_delta_e00": return "plating tone (ΔE00)"
        default: return check
        }
    }

    // MARK: pareto

    /// Bars of defects per check (stacked by class), most frequent first, with the cumulative share.
    public static func pareto(_ checks: [DefectMap.CheckCount], width: Double = 560, height: Double = 280) -> String {
        let total = checks.reduce(0) { $0 + $1.total }
        guard total > 0 else { return empty("No defects found", width: width, height: 80) }
        let left = 44.0, right = 48.0, top = 22.0, bottom = 64.0
        let plotW = width - left - right, plotH = height - top - bottom
        let maxCount = Double(checks.map(\.total).max() ?? 1)
        let yMax = niceCeiling(maxCount)
        let slot = plotW / Double(checks.count), barW = min(70, slot * 0.6)
        var svg = open(width, height, title: "Defect pareto")
        svg += axisY(left: left, top: top, plotW: plotW, plotH: plotH, maxValue: yMax, label: "defects")
        var cumulative = 0, points: [(Double, Double)] = []
        for (i, check) in checks.enumerated() {
            let x = left + slot * Double(i) + (slot - barW) / 2
            var y = top + plotH
            for (name, count) in [("critical", check.critical), ("major", check.major), ("minor", check.minor)] where count > 0 {
                let h = Double(count) / yMax * plotH
                y -= h
                svg += rect(x, y, barW, h, fill: colours[name] ?? "#999", title: "\(label(check.check)): \(count) \(name)")
            }
            svg += text(x + barW / 2, y - 5, "\(check.total)", anchor: "middle", size: 12, weight: "bold")
            svg += wrappedLabel(x + barW / 2, top + plotH + 16, label(check.check), maxWidth: slot)
            cumulative += check.total
            points.append((x + barW / 2, top + plotH - Double(cumulative) / Double(total) * plotH))
        }
        svg += "<polyline fill=\"none\" stroke=\"#37474f\" stroke-width=\"2\" points=\""
            + points.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ") + "\"/>"
        for (i, p) in points.enumerated() {
            svg += "<circle cx=\"\(f(p.0))\" cy=\"\(f(p.1))\" r=\"3.5\" fill=\"#37474f\"/>"
            let share = Double(checks.prefix(i + 1).reduce(0) { $0 + $1.total }) / Double(total)
            svg += "<text x=\"\(f(p.0 + 10))\" y=\"\(f(p.1 + 4))\" \(font) font-size=\"10\" text-anchor=\"start\" fill=\"#37474f\" "
                + "stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">\(NumberText.fixed(share * 100, 0)) %</text>"
        }
        for pct in [0, 50, 100] {
            let y = top + plotH - Double(pct) / 100 * plotH
            svg += text(left + plotW + 6, y + 4, "\(pct) %", anchor: "start", size: 10, fill: "#607d8b")
        }
        svg += legend(x: left, y: height - 12, items: [("critical", critical), ("major", major),
                                                         ("minor", minor), ("cumulative share", "#37474f")])
        return svg + "</svg>"
    }

    // MARK: cartons

    /// Per carton: measured units (outline) and defective units stacked by worst class; standouts marked.
    public static func cartons(_ cartons: [DefectMap.CartonCount], standouts: Set<String>,
                               width: Double = 560, height: Double = 280) -> String {
        guard !cartons.isEmpty else { return empty("No cartons", width: width, height: 80) }
        let rotate = cartons.count > 8
        let left = 44.0, right = 16.0, top = 26.0, bottom = rotate ? 86.0 : 58.0
        let plotW = width - left - right, plotH = height - top - bottom
        let yMax = niceCeiling(Double(cartons.map(\.inspected).max() ?? 1))
        let slot = plotW / Double(cartons.count), barW = min(48, slot * 0.7)
        var svg = open(width, height, title: "Defective units per carton")
        svg += axisY(left: left, top: top, plotW: plotW, plotH: plotH, maxValue: yMax, label: "units")
        for (i, carton) in cartons.enumerated() {
            let x = left + slot * Double(i) + (slot - barW) / 2
            let hAll = Double(carton.inspected) / yMax * plotH
            let standout = standouts.contains(carton.carton)
            if standout {
                svg += "<rect x=\"\(f(x - 4))\" y=\"\(f(top - 4))\" width=\"\(f(barW + 8))\" height=\"\(f(plotH + 4))\" "
                    + "fill=\"#ffebee\" stroke=\"#d32f2f\" stroke-dasharray=\"4 3\"/>"
            }
            svg += rect(x, top + plotH - hAll, barW, hAll, fill: "#eceff1", stroke: "#90a4ae",
                        title: "\(carton.carton): \(carton.inspected) measured, \(carton.defective) defective")
            var y = top + plotH
            for (name, count) in [("critical", carton.critical), ("major", carton.major), ("minor", carton.minor)] where count > 0 {
                let h = Double(count) / yMax * plotH
                y -= h
                svg += rect(x, y, barW, h, fill: colours[name] ?? "#999", title: "\(carton.carton): \(count) \(name)")
            }
            let rate = carton.inspected > 0 ? "\(carton.defective)/\(carton.inspected)" : "0"
            svg += text(x + barW / 2, top + plotH - hAll - 5, rate, anchor: "middle", size: 11,
                        weight: standout ? "bold" : "normal", fill: standout ? "#b71c1c" : "#263238")
            let lx = x + barW / 2, ly = top + plotH + 14
            if rotate {
                svg += "<text x=\"\(f(lx))\" y=\"\(f(ly))\" \(font) font-size=\"11\" text-anchor=\"end\" "
                    + "transform=\"rotate(-40 \(f(lx)) \(f(ly)))\"" + (standout ? " font-weight=\"bold\" fill=\"#b71c1c\"" : "")
                    + ">\(HTMLEscaping.escape(carton.carton))</text>"
            } else {
                svg += text(lx, ly, carton.carton, anchor: "middle", size: 11, weight: standout ? "bold" : "normal",
                            fill: standout ? "#b71c1c" : "#263238")
            }
        }
        svg += legend(x: left, y: height - 10, items: [("measured", "#eceff1"), ("critical", critical),
                                                         ("major", major), ("minor", minor)]
                      + (standouts.isEmpty ? [] : [("stands out", "#ffebee")]))
        return svg + "</svg>"
    }

    // MARK: distribution

    /// A check's values against its tolerance band: the band shaded, nominal and limits drawn, a histogram,
    /// and one dot per unit coloured by its status.
    public static func distribution(_ band: CheckBand, width: Double = 560, height: Double = 192) -> String {
        let values = band.values
        guard !values.isEmpty else { return empty("No values", width: width, height: 60) }
        var marks = values
        marks += [band.lower, band.upper, band.nominal].compactMap { $0 } + band.otherLimits
        var lo = marks.min() ?? 0, hi = marks.max() ?? 1
        if band.lower == nil, band.nominal == nil, lo > 0 { lo = 0 }
        if hi - lo < 1e-9 { lo -= 0.5; hi += 0.5 }
        let pad = (hi - lo) * 0.06
        lo -= pad; hi += pad
        let left = 20.0, right = 20.0, top = 30.0, histH = 90.0, stripY = top + histH + 26, axisY = stripY + 22
        let plotW = width - left - right
        func x(_ v: Double) -> Double { left + (v - lo) / (hi - lo) * plotW }
        var svg = open(width, height, title: "Distribution of \(band.check)")
        // tolerance band
        let bandLo = band.lower ?? lo, bandHi = band.upper ?? hi
        svg += "<rect x=\"\(f(x(bandLo)))\" y=\"\(f(top))\" width=\"\(f(max(0, x(bandHi) - x(bandLo))))\" "
            + "height=\"\(f(stripY + 12 - top))\" fill=\"#e8f5e9\"/>"
        // histogram
        let bins = 24
        var okCounts = Array(repeating: 0, count: bins), badCounts = Array(repeating: 0, count: bins)
        for point in band.points {
            let index = min(bins - 1, max(0, Int((point.value - lo) / (hi - lo) * Double(bins))))
            if point.status == "ok" { okCounts[index] += 1 } else { badCounts[index] += 1 }
        }
        let maxBin = Double(max(1, zip(okCounts, badCounts).map { $0 + $1 }.max() ?? 1))
        let binW = plotW / Double(bins)
        for i in 0..<bins where okCounts[i] + badCounts[i] > 0 {
            let bx = left + Double(i) * binW
            let hOk = Double(okCounts[i]) / maxBin * histH, hBad = Double(badCounts[i]) / maxBin * histH
            if okCounts[i] > 0 {
                svg += rect(bx + 1, top + histH - hOk, binW - 2, hOk, fill: "#78909c",
                            title: "\(okCounts[i]) unit(s) within limits")
            }
            if badCounts[i] > 0 {
                svg += rect(bx + 1, top + histH - hOk - hBad, binW - 2, hBad, fill: major,
                            title: "\(badCounts[i]) unit(s) out of limits")
            }
        }
        // limits and nominal
        if let nominal = band.nominal {
            svg += vline(x(nominal), top - 4, stripY + 12, colour: "#2e7d32", dash: "5 3")
            svg += text(x(nominal), top - 8, "nominal " + NumberText.precise(nominal), anchor: "middle", size: 10, fill: "#2e7d32")
        }
        for (value, name) in [(band.lower, "min"), (band.upper, "max")] {
            guard let value else { continue }
            svg += vline(x(value), top - 4, stripY + 12, colour: "#c62828", dash: nil)
            svg += text(x(value), top - 8, "\(name) " + NumberText.precise(value), anchor: name == "min" ? "end" : "start", size: 10,
                        fill: "#c62828")
        }
        for value in band.otherLimits {
            svg += vline(x(value), top + 6, stripY + 12, colour: "#ef6c00", dash: "2 3")
            svg += text(x(value) + 3, top + 16, NumberText.precise(value), anchor: "start", size: 9, fill: "#ef6c00")
        }
        // dots
        for (i, point) in band.points.enumerated() {
            let jitter = Double((i * 7919) % 13) - 6
            svg += "<circle cx=\"\(f(x(point.value)))\" cy=\"\(f(stripY + jitter * 0.9))\" r=\"3\" "
                + "fill=\"\(colours[point.status] ?? "#78909c")\" fill-opacity=\"0.8\"><title>"
                + HTMLEscaping.escape("\(point.photo) (\(point.carton)): \(NumberText.precise(point.value)) \(point.status)")
                + "</title></circle>"
        }
        // axis
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(axisY))\" x2=\"\(f(left + plotW))\" y2=\"\(f(axisY))\" stroke=\"#90a4ae\"/>"
        for tick in ticks(lo, hi, count: 6) {
            svg += vline(x(tick), axisY, axisY + 4, colour: "#90a4ae", dash: nil)
            svg += text(x(tick), axisY + 16, short(tick), anchor: "middle", size: 10, fill: "#546e7a")
        }
        return svg + "</svg>"
    }

    // MARK: gauge

    /// A small bar: the count found against Ac (green up to it) and Re (red from it).
    public static func gauge(count: Int, accept: Int, reject: Int, width: Double = 150, height: Double = 18) -> String {
        let maxValue = Double(max(reject, count) + 1)
        func x(_ v: Double) -> Double { v / maxValue * width }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(width))\" height=\"\(f(height))\" "
            + "viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\"><title>"
            + HTMLEscaping.escape("\(count) found; accept up to \(accept), reject at \(reject)") + "</title>"
        svg += "<rect x=\"0\" y=\"4\" width=\"\(f(x(Double(accept) + 0.5)))\" height=\"10\" fill=\"#c8e6c9\"/>"
        svg += "<rect x=\"\(f(x(Double(reject) - 0.5)))\" y=\"4\" width=\"\(f(width - x(Double(reject) - 0.5)))\" height=\"10\" fill=\"#ffcdd2\"/>"
        let colour = count >= reject ? "#c62828" : (count > accept ? "#ef6c00" : "#2e7d32")
        svg += "<rect x=\"0\" y=\"6\" width=\"\(f(x(Double(count))))\" height=\"6\" fill=\"\(colour)\"/>"
        svg += "<line x1=\"\(f(x(Double(count))))\" y1=\"1\" x2=\"\(f(x(Double(count))))\" y2=\"17\" stroke=\"\(colour)\" stroke-width=\"2\"/>"
        return svg + "</svg>"
    }

    // MARK: pieces

    static func f(_ v: Double) -> String { NumberText.fixed(v, 1) }

    /// A compact number: 3 significant decimals at most, trailing zeros dropped.
    static func short(_ v: Double) -> String {
        let a = abs(v)
        var text = NumberText.fixed(v, a >= 100 ? 0 : (a >= 10 ? 1 : (a >= 1 ? 2 : 3)))
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    static func open(_ width: Double, _ height: Double, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(width))\" height=\"\(f(height))\" "
            + "viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\"><title>\(HTMLEscaping.escape(title))</title>"
    }

    static func empty(_ message: String, width: Double, height: Double) -> String {
        open(width, height, title: message) + text(width / 2, height / 2 + 5, message, anchor: "middle", size: 14,
                                                   fill: "#607d8b") + "</svg>"
    }

    static func text(_ x: Double, _ y: Double, _ content: String, anchor: String, size: Double,
                     weight: String = "normal", fill: String = "#263238") -> String {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" \(font) font-size=\"\(f(size))\" text-anchor=\"\(anchor)\" "
            + "font-weight=\"\(weight)\" fill=\"\(fill)\">\(HTMLEscaping.escape(content))</text>"
    }

    static func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, stroke: String? = nil,
                     title: String? = nil) -> String {
        "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(max(0, w)))\" height=\"\(f(max(0, h)))\" fill=\"\(fill)\""
            + (stroke.map { " stroke=\"\($0)\"" } ?? "")
            + (title.map { "><title>\(HTMLEscaping.escape($0))</title></rect>" } ?? "/>")
    }

    static func vline(_ x: Double, _ y1: Double, _ y2: Double, colour: String, dash: String?) -> String {
        "<line x1=\"\(f(x))\" y1=\"\(f(y1))\" x2=\"\(f(x))\" y2=\"\(f(y2))\" stroke=\"\(colour)\" stroke-width=\"1.5\""
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>"
    }

    static func axisY(left: Double, top: Double, plotW: Double, plotH: Double, maxValue: Double, label: String) -> String {
        var svg = ""
        for tick in ticks(0, maxValue, count: 5) where tick <= maxValue + 1e-9 && tick == tick.rounded() {
            let y = top + plotH - tick / maxValue * plotH
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(left + plotW))\" y2=\"\(f(y))\" stroke=\"#eceff1\"/>"
            svg += text(left - 6, y + 4, short(tick), anchor: "end", size: 10, fill: "#607d8b")
        }
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(left + plotW))\" y2=\"\(f(top + plotH))\" stroke=\"#90a4ae\"/>"
        svg += text(left - 6, top - 8, label, anchor: "end", size: 10, fill: "#607d8b")
        return svg
    }

    static func legend(x: Double, y: Double, items: [(String, String)]) -> String {
        var svg = "", cursor = x
        for (name, colour) in items {
            svg += "<rect x=\"\(f(cursor))\" y=\"\(f(y - 9))\" width=\"10\" height=\"10\" fill=\"\(colour)\" stroke=\"#90a4ae\" stroke-width=\"0.5\"/>"
            svg += text(cursor + 14, y, name, anchor: "start", size: 10, fill: "#455a64")
            cursor += 24 + Double(name.count) * 5.6
        }
        return svg
    }

    /// A label under a bar, split over two lines when long.
    static func wrappedLabel(_ x: Double, _ y: Double, _ label: String, maxWidth: Double) -> String {
        let words = label.split(separator: " ").map(String.init)
        guard Double(label.count) * 6 > maxWidth, words.count > 1 else {
            return text(x, y, label, anchor: "middle", size: 11)
        }
        let half = (words.count + 1) / 2
        return text(x, y, words.prefix(half).joined(separator: " "), anchor: "middle", size: 11)
            + text(x, y + 13, words.dropFirst(half).joined(separator: " "), anchor: "middle", size: 11)
    }

    /// Round tick values (steps of 1, 2 or 5 times a power of ten) covering lo...hi.
    static func ticks(_ lo: Double, _ hi: Double, count: Int) -> [Double] {
        let range = hi - lo
        guard range > 0, range.isFinite else { return [lo] }
        let raw = range / Double(max(1, count))
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        var out: [Double] = []
        var t = (lo / step).rounded(.up) * step
        while t <= hi + step * 1e-9 { out.append(abs(t) < step * 1e-9 ? 0 : t); t += step }
        return out
    }

    /// The smallest round number ≥ v (at least 1) for an axis maximum.
    static func niceCeiling(_ v: Double) -> Double {
        guard v > 1 else { return 1 }
        let magnitude = pow(10, log10(v).rounded(.down))
        return [1.0, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map { $0 * magnitude }.first { $0 >= v } ?? v
    }
}

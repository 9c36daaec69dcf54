import Foundation

/// `report.html`: one self-contained page (inline CSS and SVG, no scripts, no network) that shows a manager
/// the decision first, then why: the sampling table, defect pareto, defects per carton with the clustering
/// verdict, the diagnosis with its numbers, suggested dispositions, each check's distribution against its
/// tolerance, and a gallery of the defective units' overlays. Overlay images are referenced by the relative
/// paths in `units[].overlay` (`overlays/<name>.png` inside a report folder). All text is escaped.
public enum ReportHTML {
    /// Most defective units shown in the gallery.
    public static let galleryLimit = 60

    public static func render(_ result: LotResult) -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>\(e("Lot \(result.lot) · \(result.sku) · \(result.decision.uppercased())"))</title>\n"
        html += "<style>\(css)</style>\n</head>\n<body>\n"
        html += banner(result)
        html += facts(result)
        html += samplingTable(result)
        html += charts(result)
        html += diagnosis(result)
        html += dispositions(result)
        html += distributions(result)
        html += gallery(result)
        html += defectMap(result)
        html += leftovers(result)
        html += "<footer>\(e(result.schema)) · scored \(e(result.scoredAt)) · master \(e(result.master)) · "
            + "qcvision lot score</footer>\n</body>\n</html>\n"
        return html
    }

    static func e(_ text: String) -> String { HTMLEscaping.escape(text) }

    // MARK: sections

    static func banner(_ r: LotResult) -> String {
        let kind = ["accept": "accept", "reject": "reject"][r.decision] ?? "incomplete"
        let word = ["accept": "ACCEPT", "reject": "REJECT"][r.decision] ?? "INCOMPLETE"
        return "<header class=\"banner \(kind)\"><div class=\"verdict\">\(word)</div><div class=\"who\">"
            + "<div class=\"lot\">Lot \(e(r.lot)) · \(e(r.sku))</div>"
            + "<div class=\"sub\">\(e(r.supplier)) · \(e(r.po.uppercased().hasPrefix("PO") ? r.po : "PO " + r.po)) · \(r.lotSize) units</div>"
            + "<div class=\"why\">\(e(reason(r)))</div></div></header>\n"
    }

    /// One sentence: why the lot got its decision.
    public static func reason(_ r: LotResult) -> String {
        let planned = ["critical", "major", "minor", "all"].compactMap { name in r.classes[name].map { (name, $0) } }
            .filter { $0.1.decision != "not_planned" }
        let unitsWord = r.counting == "nonconformities" ? "nonconformities" : "nonconforming units"
        switch r.decision {
        case "reject":
            let parts = planned.filter { $0.1.decision == "reject" }.map { name, c in
                "\(name), \(c.nonconforming) \(unitsWord) ≥ Re \(c.reject ?? 0) (Ac \(c.accept ?? 0), sample \(c.sampleSize ?? 0), AQL \(aqlText(c.aql)))"
            }
            return "Rejected on " + parts.joined(separator: "; ") + "."
        case "accept":
            let parts = planned.map { name, c in "\(name) \(c.nonconforming) ≤ Ac \(c.accept ?? 0)" }
            return "All classes within their acceptance numbers (sample \(r.sampleSize)): " + parts.joined(separator: ", ") + "."
        default:
            let pulls = r.pullFrom.map { "\($0.carton) (\($0.units))" }.joined(separator: ", ")
            return "Only \(r.inspected) of \(r.sampleSize) sample units measured: measure \(r.moreUnitsNeeded ?? 0) more"
                + (pulls.isEmpty ? "." : " from " + pulls + ".")
        }
    }

    static func aqlText(_ aql: Double?) -> String { NumberText.aql(aql) }

    static func facts(_ r: LotResult) -> String {
        let defective = r.units.filter(\.isDefective).count
        let items: [(String, String)] = [
            ("Lot size", "\(r.lotSize)"),
            ("Level · code letter", "\(r.inspectionLevel) · \(r.codeLetter)"),
            ("Severity", r.severity),
            ("Sample size", "\(r.sampleSize)"),
            ("Measured", "\(r.inspected)" + (r.failed > 0 ? " (+\(r.failed) failed)" : "")),
            ("Defective units", "\(defective)" + (r.inspected > 0 ? " · " + NumberText.percent(Double(defective) / Double(r.inspected)) : "")),
            ("Pattern", r.clustering.pattern.rawValue.replacingOccurrences(of: "_", with: " ")),
        ]
        return "<section class=\"facts\">" + items.map { "<div class=\"fact\"><div class=\"k\">\(e($0.0))</div><div class=\"v\">\(e($0.1))</div></div>" }
            .joined() + "</section>\n"
    }

    static func samplingTable(_ r: LotResult) -> String {
        var html = "<section><h2>Sampling plan <small>ISO 2859-1 single sampling, \(e(r.severity)) inspection, counting \(e(r.counting.replacingOccurrences(of: "_", with: " ")))</small></h2>"
        html += "<table class=\"plan\"><tr><th>Class</th><th>AQL</th><th>Sample</th><th>Ac</th><th>Re</th><th>Found</th><th></th><th>Decision</th></tr>"
        for name in ["critical", "major", "minor", "all"] {
            guard let c = r.classes[name] else { continue }
            let gauge = (c.accept != nil && c.reject != nil)
                ? SVGCharts.gauge(count: c.nonconforming, accept: c.accept ?? 0, reject: c.reject ?? 1) : ""
            let decision = c.decision == "incomplete" ? "incomplete (+\(c.moreUnitsNeeded ?? 0))"
                : c.decision.replacingOccurrences(of: "_", with: " ")
            html += "<tr><td class=\"cls \(e(name))\">\(e(name))</td><td>\(aqlText(c.aql))</td>"
                + "<td>\(c.sampleSize.map(String.init) ?? "–")</td><td>\(c.accept.map(String.init) ?? "–")</td>"
                + "<td>\(c.reject.map(String.init) ?? "–")</td><td class=\"num\">\(c.nonconforming)</td><td>\(gauge)</td>"
                + "<td><span class=\"pill \(e(c.decision))\">\(e(decision))</span></td></tr>"
        }
        html += "</table>"
        if !r.notes.isEmpty { html += "<ul class=\"notes\">" + r.notes.map { "<li>\(e($0))</li>" }.joined() + "</ul>" }
        return html + "</section>\n"
    }

    static func charts(_ r: LotResult) -> String {
        var html = "<section class=\"two\"><div><h2>Defect pareto</h2>" + SVGCharts.pareto(r.defectMap.byCheck) + "</div>"
        html += "<div><h2>Defects per carton</h2>" + SVGCharts.cartons(r.defectMap.byCarton, standouts: Set(r.clustering.standouts))
        html += "<p class=\"pattern \(e(r.clustering.pattern.rawValue))\">\(e(r.clustering.summary))</p>"
        if let test = r.clustering.test {
            html += "<p class=\"small\">χ² = \(NumberText.fixed(test.chiSquare, 2)), df = \(test.degreesOfFreedom), "
                + "\(e(NumberText.pClause(test.pValue))) (\(e(test.method.replacingOccurrences(of: "_", with: " "))))</p>"
        }
        for note in r.clustering.notes { html += "<p class=\"small\">\(e(note))</p>" }
        return html + "</div></section>\n"
    }

    static func diagnosis(_ r: LotResult) -> String {
        var html = "<section><h2>Diagnosis</h2>"
        if r.diagnosis.findings.isEmpty {
            html += "<p>No process drift, substitution or screening breakdown is indicated.</p>"
        }
        for finding in r.diagnosis.findings {
            html += "<div class=\"finding\"><div class=\"title\">\(e(finding.kind.title))</div><p>\(e(finding.summary))</p>"
                + evidenceTable(finding.evidence) + "</div>"
        }
        if !r.diagnosis.ruledOut.isEmpty {
            html += "<details><summary>Rules checked that do not apply (\(r.diagnosis.ruledOut.count))</summary><ul>"
                + r.diagnosis.ruledOut.map { "<li>\(e($0.summary))</li>" }.joined() + "</ul></details>"
        }
        return html + "</section>\n"
    }

    /// The numbers behind a finding, as small labelled chips.
    static func evidenceTable(_ evidence: [String: Double]) -> String {
        guard !evidence.isEmpty else { return "" }
        return "<div class=\"evidence\">" + evidence.keys.sorted().map { key in
            let value = evidence[key] ?? 0
            let text = key == "p" || key.hasSuffix("_p") || key.hasSuffix("p_value") ? NumberText.p(value) : NumberText.precise(value, 4)
            return "<span class=\"chip\">\(e(key.replacingOccurrences(of: "_", with: " "))) <b>\(e(text))</b></span>"
        }.joined() + "</div>"
    }

    static func dispositions(_ r: LotResult) -> String {
        guard !r.dispositions.isEmpty else { return "" }
        var html = "<section><h2>Suggested dispositions</h2><table><tr><th>Defect</th><th>Kind</th><th>Units</th>"
            + "<th>Rate (95 % upper)</th><th>In the lot</th><th>Disposition</th><th>Proposal</th></tr>"
        for d in r.dispositions {
            html += "<tr><td>\(e(SVGCharts.label(d.check)))</td><td>\(e(d.category.rawValue))</td>"
                + "<td class=\"num\">\(d.units)/\(d.inspected)</td>"
                + "<td class=\"num\">\(e(NumberText.percent(d.rate))) (\(e(NumberText.percent(d.rateUpper95))))</td>"
                + "<td class=\"num\">≈ \(d.estimatedLotUnits) (≤ \(d.estimatedLotUnitsUpper95))</td>"
                + "<td><span class=\"pill disp\">\(e(d.disposition.replacingOccurrences(of: "_", with: " ")))</span>"
                + (d.source == "default" ? "<div class=\"small\">default</div>" : "") + "</td>"
                + "<td class=\"small\">\(e(d.proposal))</td></tr>"
        }
        return html + "</table></section>\n"
    }

    static func distributions(_ r: LotResult) -> String {
        let bands = CheckBand.bands(from: r.units)
        guard !bands.isEmpty else { return "" }
        var html = "<section><h2>Measurements against tolerance</h2><div class=\"grid\">"
        for band in bands {
            let outside = band.points.filter { $0.status != "ok" }.count
            let median = band.values.sorted()[band.values.count / 2]
            html += "<div class=\"dist\"><h3>\(e(SVGCharts.label(band.check))) <small>\(e(band.category.rawValue))</small></h3>"
                + SVGCharts.distribution(band)
                + "<p class=\"small\">\(band.points.count) units · median \(e(NumberText.precise(median))) · "
                + "\(outside) out of limits</p></div>"
        }
        return html + "</div></section>\n"
    }

    static func gallery(_ r: LotResult) -> String {
        let defective = r.units.filter(\.isDefective).sorted { a, b in
            let ra = CheckBand.severity(a.worstClass), rb = CheckBand.severity(b.worstClass)
            return ra != rb ? ra < rb : a.photo < b.photo
        }
        guard !defective.isEmpty else { return "" }
        var html = "<section><h2>Defective units <small>\(defective.count)</small></h2><div class=\"gallery\">"
        for unit in defective.prefix(galleryLimit) {
            html += "<figure class=\"unit \(e(unit.worstClass))\">"
            if let overlay = unit.overlayPath {
                html += "<img src=\"\(HTMLEscaping.url(overlay))\" alt=\"\(e("overlay of " + unit.photo))\" loading=\"lazy\">"
            } else {
                html += "<div class=\"noimg\">no overlay</div>"
            }
            let place = [unit.cartonLabel, unit.line.map { "line \($0)" }, unit.dateCode].compactMap { $0 }
                + (unit.inSample ? [] : ["beyond the sample"])
            html += "<figcaption><div class=\"photo\">\(e(unit.photo))</div><div class=\"small\">"
                + e(place.joined(separator: " · ")) + "</div><ul>"
            for defect in unit.defects {
                html += "<li><span class=\"dot \(e(defect.defectClass.rawValue))\"></span>\(e(SVGCharts.label(defect.check))): "
                    + "<b>\(e(NumberText.precise(defect.value)))</b> vs limit \(e(NumberText.precise(defect.limit)))"
                    + " <span class=\"small\">\(e(defect.defectClass.rawValue))</span></li>"
            }
            html += "</ul></figcaption></figure>"
        }
        html += "</div>"
        if defective.count > galleryLimit {
            html += "<p class=\"small\">\(defective.count - galleryLimit) more defective units are listed in defects.csv.</p>"
        }
        return html + "</section>\n"
    }

    static func defectMap(_ r: LotResult) -> String {
        let m = r.defectMap
        guard m.totalDefects > 0 else { return "" }
        var html = "<section><h2>Defect map</h2><div class=\"facts\">"
        html += "<div class=\"fact\"><div class=\"k\">Functional fallout</div><div class=\"v\">\(m.functional.units) units</div></div>"
        html += "<div class=\"fact\"><div class=\"k\">Cosmetic only</div><div class=\"v\">\(m.cosmetic.units) units</div></div>"
        html += "<div class=\"fact\"><div class=\"k\">Single-defect units</div><div class=\"v\">\(m.singleDefectUnits.count)</div></div>"
        html += "<div class=\"fact\"><div class=\"k\">Multi-defect units</div><div class=\"v\">\(m.multiDefectUnits.count)</div></div></div>"
        html += "<table><tr><th>Check</th><th>Kind</th><th>Critical</th><th>Major</th><th>Minor</th><th>Units</th></tr>"
        for c in m.byCheck {
            html += "<tr><td>\(e(SVGCharts.label(c.check)))</td><td>\(e(c.category.rawValue))</td><td class=\"num\">\(c.critical)</td>"
                + "<td class=\"num\">\(c.major)</td><td class=\"num\">\(c.minor)</td><td class=\"num\">\(c.units)</td></tr>"
        }
        html += "</table>"
        if !m.multiDefectUnits.isEmpty {
            html += "<h3>Units with several defects</h3><ul class=\"cols\">" + m.multiDefectUnits.map {
                "<li>\(e($0.photo)): \(e($0.checks.map(SVGCharts.label).joined(separator: ", ")))</li>"
            }.joined() + "</ul>"
        }
        return html + "</section>\n"
    }

    static func leftovers(_ r: LotResult) -> String {
        guard !r.failures.isEmpty || !r.ignoredFiles.isEmpty else { return "" }
        var html = "<section><h2>Not measured</h2>"
        if !r.failures.isEmpty {
            html += "<table><tr><th>Photo</th><th>Why</th></tr>" + r.failures.map {
                "<tr><td>\(e($0.photo))</td><td>\(e($0.error))</td></tr>"
            }.joined() + "</table>"
        }
        if !r.ignoredFiles.isEmpty {
            html += "<p class=\"small\">Ignored (not photos): " + r.ignoredFiles.map(e).joined(separator: ", ") + "</p>"
        }
        return html + "</section>\n"
    }

    static let css = """
    *{box-sizing:border-box}body{margin:0;font:14px/1.45 Helvetica,Arial,sans-serif;color:#263238;background:#f5f7f8}
    section,header,footer{max-width:1180px;margin:14px auto;padding:14px 20px;background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
    h2{font-size:18px;margin:0 0 10px}h2 small,h3 small{font-weight:normal;color:#78909c;font-size:12px}h3{font-size:15px;margin:6px 0}
    .banner{display:flex;align-items:center;gap:24px;color:#fff;margin-top:0;border-radius:0 0 8px 8px}
    .banner.accept{background:#2e7d32}.banner.reject{background:#c62828}.banner.incomplete{background:#ef8f00}
    .verdict{font-size:44px;font-weight:800;letter-spacing:2px}.lot{font-size:22px;font-weight:700}.sub{opacity:.9}.why{margin-top:6px;font-size:15px}
    .facts{display:flex;flex-wrap:wrap;gap:10px}.fact{flex:1 1 130px;background:#eceff1;border-radius:6px;padding:8px 10px}
    .fact .k{font-size:11px;text-transform:uppercase;color:#607d8b}.fact .v{font-size:18px;font-weight:700}
    section.facts{background:none;box-shadow:none;padding:0 20px}
    table{border-collapse:collapse;width:100%;margin:6px 0}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #eceff1;vertical-align:middle}
    th{font-size:12px;color:#607d8b;text-transform:uppercase}td.num{text-align:right;font-variant-numeric:tabular-nums}
    td.cls{font-weight:700;text-transform:capitalize}td.critical{color:#6a1b9a}td.major{color:#d32f2f}td.minor{color:#b28704}
    .pill{display:inline-block;padding:1px 10px;border-radius:10px;font-weight:700;font-size:12px;background:#eceff1}
    .pill.accept{background:#c8e6c9;color:#1b5e20}.pill.reject{background:#ffcdd2;color:#b71c1c}.pill.incomplete{background:#ffe0b2;color:#e65100}
    .pill.disp{background:#e3f2fd;color:#0d47a1}
    .two{display:flex;flex-wrap:wrap;gap:20px}.two>div{flex:1 1 520px}
    .grid{display:flex;flex-wrap:wrap;gap:14px}.dist{flex:1 1 540px}
    .pattern{font-weight:700}.pattern.carton_specific,.pattern.lot_specific,.pattern.systemic{color:#b71c1c}
    .small{font-size:12px;color:#607d8b}.notes{margin:8px 0 0;padding-left:18px;color:#455a64}
    .finding{border-left:5px solid #d32f2f;background:#fff5f5;padding:8px 12px;margin:8px 0;border-radius:4px}
    .finding .title{font-weight:800;color:#b71c1c}.evidence{display:flex;flex-wrap:wrap;gap:6px}
    .chip{font-size:12px;background:#fff;border:1px solid #ef9a9a;border-radius:10px;padding:1px 8px;color:#546e7a}.chip b{color:#263238}
    details{margin-top:8px;color:#546e7a}
    .gallery{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:12px}
    figure.unit{margin:0;border:1px solid #cfd8dc;border-radius:6px;overflow:hidden;background:#fafafa}
    figure.unit.major{border-top:5px solid #d32f2f}figure.unit.minor{border-top:5px solid #f9a825}figure.unit.critical{border-top:5px solid #6a1b9a}
    figure img{display:block;width:100%;height:200px;object-fit:contain;background:#263238}
    .noimg{height:200px;display:flex;align-items:center;justify-content:center;background:#eceff1;color:#90a4ae}
    figcaption{padding:8px 10px}.photo{font-weight:700;word-break:break-all}figcaption ul{margin:4px 0 0;padding:0;list-style:none;font-size:13px}
    .dot{display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:6px}.dot.critical{background:#6a1b9a}.dot.major{background:#d32f2f}.dot.minor{background:#f9a825}
    .cols{columns:2}footer{font-size:12px;color:#78909c;background:none;box-shadow:none}
    """
}

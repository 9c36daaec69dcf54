import Foundation

/// The plain-text summary `qcvision lot score` prints: the plan and decision per class, the overall decision
/// with its reason, the clustering verdict, the diagnosis, dispositions and what could not be measured.
public enum LotSummary {
    public static func text(_ r: LotResult) -> String {
        var lines = ["Lot \(r.lot) · \(r.sku) · \(r.supplier) · \(r.po)"]
        lines.append("  \(r.lotSize) units, level \(r.inspectionLevel) (code letter \(r.codeLetter)), \(r.severity) inspection, "
            + "sample \(r.sampleSize), counting \(r.counting.replacingOccurrences(of: "_", with: " "))")
        lines.append("  measured \(r.inspected) of \(r.photos) photo(s)" + (r.failed > 0 ? ", \(r.failed) could not be measured" : ""))
        lines.append("")
        var rows = [["class", "AQL", "sample", "Ac", "Re", "found", "decision"]]
        for name in ["critical", "major", "minor", "all"] {
            guard let c = r.classes[name] else { continue }
            rows.append([name, NumberText.aql(c.aql), c.sampleSize.map(String.init) ?? "-",
                         c.accept.map(String.init) ?? "-", c.reject.map(String.init) ?? "-", "\(c.nonconforming)",
                         c.decision == "incomplete" ? "incomplete (+\(c.moreUnitsNeeded ?? 0))" : c.decision.replacingOccurrences(of: "_", with: " ")])
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            lines.append("  " + row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  "))
        }
        lines.append("")
        lines.append("DECISION: \(r.decision.uppercased()) — \(ReportHTML.reason(r))")
        lines.append("Cartons: \(r.clustering.summary)")
        for finding in r.diagnosis.findings { lines.append("Diagnosis: \(finding.summary)") }
        for advice in r.dispositions { lines.append("Disposition: \(advice.proposal)") }
        for failure in r.failures { lines.append("Not measured: \(failure.photo): \(failure.error)") }
        if !r.ignoredFiles.isEmpty { lines.append("Ignored (not photos): " + r.ignoredFiles.joined(separator: ", ")) }
        for note in r.notes { lines.append("Note: \(note)") }
        return lines.joined(separator: "\n")
    }
}

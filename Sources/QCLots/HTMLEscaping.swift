import Foundation
import QCSampling

/// Escapes text for HTML and SVG (element content and quoted attribute values alike), so file names and
/// supplier names can never inject markup.
public enum HTMLEscaping {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{7F}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// A path for an `src`/`href` attribute: each segment percent-encoded, then escaped.
    public static func url(_ relativePath: String) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let encoded = relativePath.split(separator: "/", omittingEmptySubsequences: false).map {
            String($0).addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        }.joined(separator: "/")
        return escape(encoded)
    }
}

/// Number formatting shared by the reports.
enum NumberText {
    /// Fixed decimals, with a true minus sign avoided (plain "-") so CSV stays machine-readable.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "" }
        let text = String(format: "%.\(digits)f", value)
        return text == "-" + String(format: "%.\(digits)f", 0.0) ? String(format: "%.\(digits)f", 0.0) : text
    }

    static func percent(_ fraction: Double, _ digits: Int = 1) -> String { fixed(fraction * 100, digits) + " %" }

    /// A p-value: 4 decimals, or "< 0.0001".
    static func p(_ value: Double) -> String { value < 0.0001 ? "< 0.0001" : fixed(value, 4) }

    /// "p = 0.0123" or "p < 0.0001".
    static func pClause(_ value: Double) -> String { value < 0.0001 ? "p < 0.0001" : "p = " + fixed(value, 4) }

    /// Up to `digits` decimals with trailing zeros dropped (30.15, 0.7, 2): limits and measured values.
    static func precise(_ value: Double, _ digits: Int = 3) -> String {
        var text = fixed(value, digits)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// An AQL as printed in the tables ("4.0", "2.5", "0.65", "0"), from its numeric value.
    static func aql(_ value: Double?) -> String {
        guard let value else { return "–" }
        if let index = AQL.standardValues.firstIndex(where: { abs($0 - value) <= $0 * 1e-9 }) { return AQL.standardLabels[index] }
        return precise(value)
    }
}

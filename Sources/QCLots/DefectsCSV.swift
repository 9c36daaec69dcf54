/// `defects.csv`: one row per defect, with the SKU, PO, lot, carton, photo, check, class, measured value and
/// the limit it broke (RFC 4180: comma separated, CRLF line ends, fields with commas, quotes or line breaks
/// quoted, quotes doubled). Text that a spreadsheet would run as a formula (starting with = + @ or a
/// tab/CR, or - followed by a non-digit) is prefixed with an apostrophe (OWASP CSV injection advice).
public enum DefectsCSV {
    public static let header = ["sku", "po", "lot", "carton", "photo", "check", "class", "value", "limit",
                                "category", "disposition", "message"]

    public static func render(_ result: LotResult) -> String {
        let dispositions = Dictionary(result.dispositions.map { ($0.check, $0.disposition) }, uniquingKeysWith: { a, _ in a })
        var lines = [header.joined(separator: ",")]
        for unit in result.units {
            for defect in unit.defects {
                let row: [String] = [
                    text(result.sku), text(result.po), text(result.lot), text(unit.carton ?? ""), text(unit.photo),
                    text(defect.check), defect.defectClass.rawValue, number(defect.value), number(defect.limit),
                    CheckCategory.of(defect.check).rawValue, dispositions[defect.check] ?? "", text(defect.message),
                ]
                lines.append(row.map(quote).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Quotes a field when it holds a comma, quote, CR or LF.
    public static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Neutralises a text field that a spreadsheet would treat as a formula.
    public static func text(_ field: String) -> String {
        guard let first = field.first else { return field }
        if "=+@\t\r".contains(first) { return "'" + field }
        if first == "-", let second = field.dropFirst().first, !second.isNumber, second != "." { return "'" + field }
        return field
    }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        var text = NumberText.fixed(value, 4)
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

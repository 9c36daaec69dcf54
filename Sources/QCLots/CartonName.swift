/// What a carton folder's name says: the carton, and any production line, date code or other codes written
/// after it (`carton-07_line-B_2611` → carton "carton-07", line "B", date code "2611").
///
/// The name is split at `_` and spaces. The carton is the first token that looks like a carton number
/// (`carton-07`, `ctn3`, `box-12`, `c07`), else the first token; a token starting with `line` is the line; a
/// token of 4 to 8 digits, or a date such as `2026-03-02`, is the date code; the rest are kept as codes.
public struct CartonName: Sendable, Hashable, Codable {
    public var carton: String
    public var line: String?
    public var dateCode: String?
    public var codes: [String]

    public init(carton: String, line: String? = nil, dateCode: String? = nil, codes: [String] = []) {
        self.carton = carton; self.line = line; self.dateCode = dateCode; self.codes = codes
    }

    /// Reads a folder name.
    public init(folderName: String) {
        let tokens = folderName.split(whereSeparator: { $0 == "_" || $0 == " " }).map(String.init)
        let cartonIndex = tokens.firstIndex(where: Self.looksLikeCarton) ?? 0
        self.carton = tokens.isEmpty ? folderName : tokens[cartonIndex]
        var line: String?, date: String?, codes: [String] = []
        for (index, token) in tokens.enumerated() where index != cartonIndex {
            if line == nil, let found = Self.line(in: token) {
                line = found
            } else if date == nil, Self.looksLikeDate(token) {
                date = token
            } else {
                codes.append(token)
            }
        }
        self.line = line; self.dateCode = date; self.codes = codes
    }

    /// Codes found in a lot folder's own name (`L2611-A_line-C_20260302`): line and date code only; the
    /// carton is meaningless there.
    public static func lotFolderCodes(_ name: String) -> (line: String?, dateCode: String?) {
        var line: String?, date: String?
        for token in name.split(whereSeparator: { $0 == "_" || $0 == " " }).map(String.init) {
            if line == nil, let found = Self.line(in: token) { line = found } else if date == nil, looksLikeDate(token) { date = token }
        }
        return (line, date)
    }

    static func looksLikeCarton(_ token: String) -> Bool {
        let lower = token.lowercased()
        for prefix in ["carton", "ctn", "box", "cn", "c"] where lower.hasPrefix(prefix) {
            var rest = lower.dropFirst(prefix.count)
            if rest.first == "-" || rest.first == "." || rest.first == "#" { rest = rest.dropFirst() }
            if !rest.isEmpty, rest.allSatisfy(\.isNumber) { return true }
        }
        return false
    }

    /// "line-B", "lineB", "line2" → "B", "B", "2".
    static func line(in token: String) -> String? {
        guard token.lowercased().hasPrefix("line") else { return nil }
        var rest = token.dropFirst(4)
        if rest.first == "-" || rest.first == "." { rest = rest.dropFirst() }
        return rest.isEmpty ? nil : String(rest)
    }

    /// 4 to 8 digits (`2611`, `20260302`) or digits joined by `-`/`.` (`2026-03-02`, `26.11`).
    static func looksLikeDate(_ token: String) -> Bool {
        let digits = token.filter(\.isNumber)
        guard token.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "." }), let first = token.first, first.isNumber,
              let last = token.last, last.isNumber else { return false }
        return digits.count >= 4 && digits.count <= 8
    }
}

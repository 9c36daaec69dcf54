/// The `--aql` argument (or a control sheet's AQL line): either one bare AQL, or an
/// AQL per defect class such as `critical=0,major=2.5,minor=4.0`.
public enum AQLSpecification: Sendable, Hashable, CustomStringConvertible {
    /// A single AQL for all defects (`--aql 2.5`).
    case single(AQL)
    /// One AQL per defect class; classes not listed are not inspected against an AQL.
    case perClass([DefectClass: AQL])

    /// Reads `2.5` or `critical=0,major=2.5,minor=4.0` (also `:` instead of `=`,
    /// `;` instead of `,`, and spaces). Non-standard AQLs throw with the standard list.
    public init(parsing text: String) throws(SamplingError) {
        let trimmed = text.trimmedWhitespace
        guard !trimmed.isEmpty else { throw .emptyAQLList }
        if !trimmed.contains(where: { "=:,;".contains($0) }) {
            self = .single(try AQL(parsing: trimmed))
            return
        }
        var result: [DefectClass: AQL] = [:]
        let entries = trimmed.split(whereSeparator: { $0 == "," || $0 == ";" })
            .map { String($0).trimmedWhitespace }
            .filter { !$0.isEmpty }
        guard !entries.isEmpty else { throw .emptyAQLList }
        for entry in entries {
            let parts = entry.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "=" || $0 == ":" })
            guard parts.count == 2 else { throw .malformedAQLList(text) }
            let name = String(parts[0]).trimmedWhitespace
            let value = String(parts[1]).trimmedWhitespace
            guard !name.isEmpty, !value.isEmpty else { throw .malformedAQLList(text) }
            let defectClass = try DefectClass(parsing: name)
            guard result[defectClass] == nil else { throw .duplicateDefectClass(defectClass) }
            result[defectClass] = try AQL(parsing: value)
        }
        self = .perClass(result)
    }

    /// The classes with an AQL, most serious first (empty for a single bare AQL).
    public var classes: [DefectClass] {
        switch self {
        case .single: return []
        case .perClass(let map): return map.keys.sorted()
        }
    }

    public var description: String {
        switch self {
        case .single(let aql): return aql.label
        case .perClass(let map):
            return map.keys.sorted().compactMap { key in map[key].map { "\(key.rawValue)=\($0.label)" } }
                .joined(separator: ",")
        }
    }
}

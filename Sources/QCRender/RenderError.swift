/// Why a design, a photo specification or a fixture set could not be rendered or written.
public enum RenderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A design's geometry breaks a rule the truth relies on.
    case invalidDesign(name: String, reason: String)
    /// No design of that name in `DesignCatalogue`.
    case unknownDesign(String)
    /// A `PhotoSpec` option is out of range or inconsistent.
    case invalidSpec(String)
    /// A defect names a metal feature the design does not have.
    case unknownFeature(design: String, feature: String)
    /// The photo could not be encoded.
    case encode(String)
    /// A fixture file could not be written or read.
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidDesign(let name, let reason): return "design \(name): \(reason)"
        case .unknownDesign(let name):
            return "unknown design \"\(name)\"; known designs: \(DesignCatalogue.names.joined(separator: ", "))"
        case .invalidSpec(let reason): return "invalid photo specification: \(reason)"
        case .unknownFeature(let design, let feature): return "design \(design) has no metal feature named \"\(feature)\""
        case .encode(let reason): return "cannot encode the photo: \(reason)"
        case .io(let path, let reason): return "\(path): \(reason)"
        }
    }
}

/// What covers a point of a unit: nothing, plated metal, recessed (differently toned) metal, or an enamel fill.
public enum Region: Hashable, Sendable, CustomStringConvertible {
    /// Outside the unit's outline.
    case outside
    /// The plated metal: rim, raised lines, raised relief. Its colour is the finish.
    case plate
    /// Recessed metal with a darker tone of the same plating (a coin's field).
    case relief
    /// Enamel fill number `i` (index into `Design.enamels`).
    case enamel(Int)

    /// Compact code used by the renderer: 0 outside, 1 plate, 2 relief, 3 + i enamel i.
    public var code: Int {
        switch self {
        case .outside: return 0
        case .plate: return 1
        case .relief: return 2
        case .enamel(let i): return 3 + i
        }
    }

    /// The region with a given `code`.
    public init(code: Int) {
        switch code {
        case 0: self = .outside
        case 1: self = .plate
        case 2: self = .relief
        default: self = .enamel(code - 3)
        }
    }

    /// Whether the region is metal (plate or relief).
    public var isMetal: Bool { self == .plate || self == .relief }

    public var description: String {
        switch self {
        case .outside: return "outside"
        case .plate: return "plate"
        case .relief: return "relief"
        case .enamel(let i): return "enamel\(i)"
        }
    }
}

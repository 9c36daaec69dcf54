/// Why a unit could not be measured or a master made; each message names the file and the fix.
public enum InspectionError: Error, Equatable, Sendable, CustomStringConvertible {
    case noUnit(file: String)
    case twoUnits(file: String, count: Int)
    case touchesFrame(file: String)
    case touchesRuler(file: String)
    case differentProduct(file: String, detail: String)
    case noWhiteReference(file: String)
    case segmentation(file: String, detail: String)
    case master(path: String, reason: String)
    case sheetMismatch(sheet: String, detail: String)
    case measurement(file: String, detail: String)

    public var description: String {
        switch self {
        case .noUnit(let f):
            return "\(f): no unit found on the background: place one unit, fully in frame, on the plain background beside the ruler"
        case .twoUnits(let f, let n):
            return "\(f): \(n) units found; photograph one unit at a time"
        case .touchesFrame(let f):
            return "\(f): the unit touches the edge of the photo; centre it with a margin all round"
        case .touchesRuler(let f):
            return "\(f): the unit touches the ruler; leave a gap of a few millimetres between them"
        case .differentProduct(let f, let d):
            return "\(f): this does not look like the master's product (\(d)); check the photo and the master"
        case .noWhiteReference(let f):
            return "\(f): no white reference (the ruler has no light face and no station white reference): "
                + "use a dark-on-light ruler or pass --station"
        case .segmentation(let f, let d):
            return "\(f): cannot tell the plating from the enamel (\(d)); photograph the golden sample under the standard lighting"
        case .master(let p, let r):
            return "\(p): master unusable: \(r)"
        case .sheetMismatch(let s, let d):
            return "\(s): the control sheet does not fit the master: \(d)"
        case .measurement(let f, let d):
            return "\(f): measurement failed: \(d)"
        }
    }
}

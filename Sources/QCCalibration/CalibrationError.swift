/// Why a scale calibration was refused. Each message names the file, says what is wrong and what to do.
/// A refusal is always preferred to a silently wrong scale.
public enum CalibrationError: Error, Equatable, Sendable, CustomStringConvertible {
    case noRuler(file: String, detail: String)
    case tooFewGraduations(file: String, found: Int, needed: Int)
    case resolutionTooLow(file: String, pxPerMM: Double, minimum: Double)
    case tooBlurred(file: String, detail: String)
    case inconsistentTicks(file: String, detail: String)
    case wrongRhythm(file: String, measured: Int, expected: Int, ruler: String)
    case rulerCutByFrame(file: String, found: Int, needed: Int)
    case definition(file: String, line: Int?, reason: String)
    case station(file: String, reason: String)
    case unknownRuler(name: String, available: [String])

    public var description: String {
        switch self {
        case .noRuler(let file, let detail):
            return "\(file): no ruler found (\(detail)): place the ruler fully in frame, graduations sharp "
                + "and unobstructed, or pass --station"
        case .tooFewGraduations(let file, let found, let needed):
            return "\(file): the ruler shows only \(found) usable graduations, at least \(needed) are needed: "
                + "put a longer stretch of the ruler in frame"
        case .resolutionTooLow(let file, let px, let minimum):
            return "\(file): resolution too low (about \(String(format: "%.1f", px)) px/mm, at least "
                + "\(String(format: "%.0f", minimum)) px/mm needed): move the camera closer or use a higher resolution"
        case .tooBlurred(let file, let detail):
            return "\(file): the ruler's graduations are too blurred to measure (\(detail)): refocus on the ruler and unit"
        case .inconsistentTicks(let file, let detail):
            return "\(file): the ruler's tick positions are inconsistent (\(detail)); refusing rather than "
                + "guessing a scale: check the ruler lies flat and is not bent or partly covered"
        case .wrongRhythm(let file, let measured, let expected, let ruler):
            return "\(file): a longer graduation comes every \(measured) graduations, but ruler '\(ruler)' has one "
                + "every \(expected): this is not that ruler (an inch scale in eighths has a 2/4/8 rhythm); pass "
                + "--ruler with a matching definition"
        case .rulerCutByFrame(let file, let found, let needed):
            return "\(file): the ruler runs off the frame edge and only \(found) graduations are visible "
                + "(\(needed) needed): place the ruler fully in frame"
        case .definition(let file, let line, let reason):
            return "\(file)\(line.map { ":\($0)" } ?? ""): \(reason)"
        case .station(let file, let reason):
            return "\(file): station profile unusable: \(reason)"
        case .unknownRuler(let name, let available):
            return "unknown ruler '\(name)'; available: \(available.joined(separator: ", "))"
        }
    }
}

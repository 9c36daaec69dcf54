import Foundation
import QCConfig

/// What a reference ruler looks like: graduation pitch, polarity and long-tick rhythm.
/// Lives in `Calibration/rulers/NAME.yaml`; `RulerDefinition.standard` is built in.
public struct RulerDefinition: Sendable, Equatable, Codable {
    /// Which way the graduations contrast with the ruler face.
    public enum Polarity: String, Sendable, Codable, CaseIterable {
        /// Dark graduations on a light face (white paper or steel rulers).
        case darkOnLight = "dark_on_light"
        /// Light graduations on a dark or blue face.
        case lightOnDark = "light_on_dark"
        /// Decide from the photo.
        case auto
    }

    public var name: String
    public var description: String
    /// Distance between neighbouring graduations, mm (1.0 for a millimetre ruler, 3.175 for 1/8 inch).
    public var pitchMM: Double
    public var polarity: Polarity
    /// Every how many graduations a tick is longer (5 on a millimetre ruler: the 5 and 10 mm ticks;
    /// 2 on an inch ruler graduated in eighths, whose quarter ticks are longer).
    public var longTickEvery: Int
    /// Fewest graduations accepted for a scale (default 30).
    public var minGraduations: Int

    public init(name: String, description: String, pitchMM: Double, polarity: Polarity, longTickEvery: Int,
                minGraduations: Int = 30) {
        self.name = name; self.description = description; self.pitchMM = pitchMM
        self.polarity = polarity; self.longTickEvery = longTickEvery; self.minGraduations = minGraduations
    }

    /// The default: a millimetre ruler, either polarity, longer ticks at 5 and 10 mm.
    public static let standard = RulerDefinition(
        name: "mm", description: "Millimetre ruler, 1 mm graduations, longer ticks every 5 and 10 mm",
        pitchMM: 1.0, polarity: .auto, longTickEvery: 5)

    static let keys: Set<String> = ["name", "description", "pitch_mm", "polarity", "long_tick_every", "min_graduations"]

    /// Parses a ruler definition; unknown keys, wrong types and impossible values are errors with the line.
    public static func parse(yaml text: String, file: String) throws(CalibrationError) -> RulerDefinition {
        do throws(YAMLError) {
            let fields = try YAMLValue.parse(text, file: file).mapping(allowed: keys, what: "a ruler definition")
            let pitch = try fields.double("pitch_mm", default: 1.0)
            if !(pitch > 0 && pitch < 100) { throw fields.error(at: "pitch_mm", "pitch_mm must be between 0 and 100 mm") }
            let polarityText = try fields.string("polarity", default: "auto")
            guard let polarity = Polarity(rawValue: polarityText) else {
                throw fields.error(at: "polarity", "polarity must be one of dark_on_light, light_on_dark, auto")
            }
            let every = try fields.int("long_tick_every", default: 5)
            if every < 2 || every > 20 { throw fields.error(at: "long_tick_every", "long_tick_every must be 2...20") }
            let minimum = try fields.int("min_graduations", default: 30)
            if minimum < 10 { throw fields.error(at: "min_graduations", "min_graduations must be at least 10") }
            return RulerDefinition(name: try fields.string("name"), description: try fields.string("description", default: ""),
                                   pitchMM: pitch, polarity: polarity, longTickEvery: every, minGraduations: minimum)
        } catch {
            throw .definition(file: file, line: error.line, reason: error.message)
        }
    }

    /// Loads `NAME` from `directory` (NAME.yaml); "mm" falls back to the built-in definition.
    public static func load(named name: String, from directory: String) throws(CalibrationError) -> RulerDefinition {
        let path = (directory as NSString).appendingPathComponent("\(name).yaml")
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            return try parse(yaml: text, file: path)
        }
        if name == standard.name { return standard }
        let available = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
        throw .unknownRuler(name: name, available: available.isEmpty ? [standard.name] : available)
    }
}

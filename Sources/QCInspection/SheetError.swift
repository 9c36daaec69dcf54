import QCConfig

/// Why a control sheet was refused: every error names the file, the 1-based line and how to fix it.
///
/// A sheet is refused rather than half-read, because a misread limit would judge every unit wrongly.
public enum SheetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file cannot be read or is not valid YAML, or a key is unknown, missing or of the wrong type.
    case yaml(YAMLError)
    /// A value that reads as YAML but is impossible on a control sheet (negative tolerance, tiers out of
    /// order, unknown class, non-standard AQL, unknown disposition, ...).
    ///
    /// `key` is the value's path in the sheet, such as `checks.border_width_mm.tolerance`,
    /// `checks.plating_tone_delta_e00[2]` (tiers counted from 1) or `aql.major`; `reason` says what is
    /// wrong and how to fix it.
    case invalid(file: String, line: Int?, key: String, reason: String)

    /// The sheet's path as given to `ControlSheet.load(path:)` or `parse(yaml:file:)`.
    public var file: String {
        switch self {
        case .yaml(let error): return error.file
        case .invalid(let file, _, _, _): return file
        }
    }

    /// 1-based line of the offending key or value; nil when the fault is not on one line (unreadable file).
    public var line: Int? {
        switch self {
        case .yaml(let error): return error.line
        case .invalid(_, let line, _, _): return line
        }
    }

    /// The message without the file and line.
    public var message: String {
        switch self {
        case .yaml(let error): return error.message
        case .invalid(_, _, let key, let reason): return "\(key): \(reason)"
        }
    }

    /// `file:line: message`, ready to print.
    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
}

extension SheetError {
    /// Runs a YAML read and reports its failure as `.yaml`, keeping the file and line.
    static func reading<T>(_ body: @autoclosure () throws(YAMLError) -> T) throws(SheetError) -> T {
        do { return try body() } catch { throw .yaml(error) }
    }
}

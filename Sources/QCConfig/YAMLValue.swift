import Foundation
import Yams

/// A YAML value read through Yams' node API, remembering its file and line so every error can say where.
///
/// Typed getters throw `YAMLError` for wrong types; `mapping(allowed:)` refuses unknown keys, because a
/// misspelt key would otherwise be silently ignored.
public struct YAMLValue {
    public let file: String
    let node: Node

    /// 1-based line of this value.
    public var line: Int? { node.mark?.line }

    /// Parses `text`; an empty document is an error.
    public static func parse(_ text: String, file: String) throws(YAMLError) -> YAMLValue {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw YAMLError(file: file, line: Self.line(of: error), message: "not valid YAML: \(Self.summary(error))")
        }
        guard let root else { throw YAMLError(file: file, line: nil, message: "the file is empty") }
        return YAMLValue(file: file, node: root)
    }

    /// Reads and parses the file at `path`.
    public static func load(path: String) throws(YAMLError) -> YAMLValue {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw YAMLError(file: path, line: nil, message: "cannot read the file (\(error.localizedDescription))")
        }
        return try parse(text, file: path)
    }

    static func line(of error: Error) -> Int? {
        guard let y = error as? YamlError else { return nil }
        switch y {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    static func summary(_ error: Error) -> String {
        guard let y = error as? YamlError else { return "\(error)" }
        switch y {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return "\(y)"
        }
    }

    func fail(_ message: String) -> YAMLError { YAMLError(file: file, line: line, message: message) }

    public var isMapping: Bool { node.mapping != nil }
    public var isSequence: Bool { node.sequence != nil }
    public var isNull: Bool { node.scalar?.string == "~" || node.scalar?.string == "null" || (node.scalar?.string.isEmpty ?? false) }

    /// This value as a mapping whose keys must all be in `allowed`.
    public func mapping(allowed: Set<String>, what: String = "this") throws(YAMLError) -> YAMLObject {
        guard let mapping = node.mapping else { throw fail("\(what) must be a mapping of key: value") }
        var pairs: [(String, YAMLValue, Int?)] = []
        for (key, value) in mapping {
            guard let k = key.string else { throw YAMLError(file: file, line: key.mark?.line, message: "keys must be text") }
            if !allowed.contains(k) {
                throw YAMLError(file: file, line: key.mark?.line,
                                message: "unknown key '\(k)' in \(what); allowed: \(allowed.sorted().joined(separator: ", "))")
            }
            pairs.append((k, YAMLValue(file: file, node: value), key.mark?.line))
        }
        return YAMLObject(file: file, line: line, pairs: pairs)
    }

    /// This value as a sequence.
    public func sequence(what: String = "this") throws(YAMLError) -> [YAMLValue] {
        guard let seq = node.sequence else { throw fail("\(what) must be a list") }
        return seq.map { YAMLValue(file: file, node: $0) }
    }

    public func string(what: String = "value") throws(YAMLError) -> String {
        guard let s = node.scalar?.string else { throw fail("\(what) must be text") }
        return s
    }

    public func double(what: String = "value") throws(YAMLError) -> Double {
        guard let s = node.scalar?.string, let d = Double(s), d.isFinite else { throw fail("\(what) must be a number") }
        return d
    }

    public func int(what: String = "value") throws(YAMLError) -> Int {
        guard let s = node.scalar?.string, let i = Int(s) else { throw fail("\(what) must be a whole number") }
        return i
    }

    public func bool(what: String = "value") throws(YAMLError) -> Bool {
        switch node.scalar?.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw fail("\(what) must be true or false")
        }
    }
}

/// A YAML mapping with known keys; getters name the key and line in their errors.
public struct YAMLObject {
    public let file: String
    /// Line of the mapping itself.
    public let line: Int?
    let pairs: [(String, YAMLValue, Int?)]

    public var keys: [String] { pairs.map(\.0) }
    public func has(_ key: String) -> Bool { pairs.contains { $0.0 == key } }
    /// Line of `key` (where it is written), nil if absent.
    public func line(of key: String) -> Int? { pairs.first { $0.0 == key }?.2 }

    /// The value of an optional key.
    public func optional(_ key: String) -> YAMLValue? { pairs.first { $0.0 == key }?.1 }

    /// The value of a required key.
    public func value(_ key: String) throws(YAMLError) -> YAMLValue {
        guard let v = optional(key) else { throw YAMLError(file: file, line: line, message: "missing required key '\(key)'") }
        return v
    }

    public func string(_ key: String) throws(YAMLError) -> String { try value(key).string(what: "'\(key)'") }
    public func string(_ key: String, default d: String) throws(YAMLError) -> String {
        try optional(key)?.string(what: "'\(key)'") ?? d
    }
    public func double(_ key: String) throws(YAMLError) -> Double { try value(key).double(what: "'\(key)'") }
    public func double(_ key: String, default d: Double) throws(YAMLError) -> Double {
        try optional(key)?.double(what: "'\(key)'") ?? d
    }
    public func int(_ key: String) throws(YAMLError) -> Int { try value(key).int(what: "'\(key)'") }
    public func int(_ key: String, default d: Int) throws(YAMLError) -> Int { try optional(key)?.int(what: "'\(key)'") ?? d }

    /// An error located at `key` (or at the mapping when the key is absent).
    public func error(at key: String, _ message: String) -> YAMLError {
        YAMLError(file: file, line: line(of: key) ?? line, message: message)
    }
}

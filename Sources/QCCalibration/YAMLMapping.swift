import Yams

/// A failure reading one YAML field, with the 1-based line it is on.
struct YAMLFieldError: Error {
    var line: Int?
    var reason: String
}

/// A flat YAML mapping read through Yams' node API so every error can name its line.
/// Unknown keys are refused, as a misspelt key would otherwise be silently ignored.
struct YAMLMapping {
    let file: String
    private let pairs: [String: Node]
    private let keyLines: [String: Int]

    init(text: String, file: String, allowed: Set<String>) throws(YAMLFieldError) {
        self.file = file
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            let mark = (error as? YamlError).flatMap(Self.line(of:))
            throw YAMLFieldError(line: mark, reason: "not valid YAML: \(error)")
        }
        guard let mapping = root?.mapping else {
            throw YAMLFieldError(line: root?.mark?.line, reason: "expected a mapping of key: value lines")
        }
        var pairs: [String: Node] = [:], lines: [String: Int] = [:]
        for (key, value) in mapping {
            guard let k = key.string else { throw YAMLFieldError(line: key.mark?.line, reason: "keys must be text") }
            if !allowed.contains(k) {
                throw YAMLFieldError(line: key.mark?.line,
                                     reason: "unknown key '\(k)'; allowed: \(allowed.sorted().joined(separator: ", "))")
            }
            pairs[k] = value
            lines[k] = key.mark?.line
        }
        self.pairs = pairs
        self.keyLines = lines
    }

    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }

    func line(_ key: String) -> Int? { keyLines[key] }

    func string(_ key: String, default value: String? = nil) throws(YAMLFieldError) -> String {
        guard let node = pairs[key] else {
            if let value { return value }
            throw YAMLFieldError(line: nil, reason: "missing required key '\(key)'")
        }
        guard let s = node.scalar?.string else { throw YAMLFieldError(line: node.mark?.line, reason: "'\(key)' must be text") }
        return s
    }

    func double(_ key: String, default value: Double) throws(YAMLFieldError) -> Double {
        guard let node = pairs[key] else { return value }
        guard let s = node.scalar?.string, let d = Double(s) else {
            throw YAMLFieldError(line: node.mark?.line, reason: "'\(key)' must be a number")
        }
        return d
    }

    func int(_ key: String, default value: Int) throws(YAMLFieldError) -> Int {
        guard let node = pairs[key] else { return value }
        guard let s = node.scalar?.string, let i = Int(s) else {
            throw YAMLFieldError(line: node.mark?.line, reason: "'\(key)' must be a whole number")
        }
        return i
    }
}

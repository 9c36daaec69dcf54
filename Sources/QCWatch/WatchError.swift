/// Why the watch service cannot start, or why one dropped lot failed (the text goes to its error.txt).
public enum WatchError: Error, Equatable, Sendable, CustomStringConvertible {
    case inboxMissing(String)
    case locked(inbox: String, holder: String)
    case masterOutside(lot: String, written: String, masters: String)
    case masterMissing(lot: String, path: String)
    case filesystem(path: String, reason: String)

    public var description: String {
        switch self {
        case .inboxMissing(let inbox):
            return "\(inbox): no such folder; create the inbox or point qcvision watch at it"
        case .locked(let inbox, let holder):
            return "\(inbox): another qcvision watch is already using this inbox (\(holder)); stop it first"
        case .masterOutside(let lot, let written, let masters):
            return "\(lot): lot.yaml names master '\(written)', which is not a master in \(masters): write the master's "
                + "name only (e.g. master: PIN-30-SE-GOLD), without folders, '..' or absolute paths"
        case .masterMissing(let lot, let path):
            return "\(lot): unknown master: \(path) does not exist; create it with `qcvision master create` or fix lot.yaml"
        case .filesystem(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}

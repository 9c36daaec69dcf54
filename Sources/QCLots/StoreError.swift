/// What can go wrong with the inspection store; messages name the file and what to do.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The database file cannot be created or opened (or its migrations failed).
    case cannotOpen(path: String, reason: String)
    /// A read or write failed; a write changed nothing.
    case database(path: String, reason: String)
    /// A lot's write was stopped before it committed; nothing of it was stored.
    case interrupted(lot: String, reason: String)
    /// A stored record could not be read back (a report written by another version).
    case corruptRecord(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot open the inspection store \(path) (\(reason)); choose another file with --db"
        case .database(let path, let reason):
            return "inspection store \(path): \(reason); nothing was changed, try again"
        case .interrupted(let lot, let reason):
            return "storing lot \(lot) was interrupted (\(reason)); nothing of it was stored, score it again"
        case .corruptRecord(let path, let reason):
            return "inspection store \(path) holds a record this version cannot read (\(reason))"
        }
    }
}

import Foundation

/// Decides when a dropped lot folder is complete: it has a `READY` marker, or its lot.yaml exists and
/// nothing in it (names, sizes, modification times) changed for `settle` seconds. Half-copied photos
/// keep changing, so they are never scored.
struct FolderSettling {
    struct Signature: Equatable { var files: Int; var bytes: Int; var newest: Date }

    let settle: TimeInterval
    private var seen: [String: (signature: Signature, since: Date)] = [:]

    init(settle: TimeInterval) { self.settle = settle }

    static func signature(of folder: String) -> Signature {
        let fm = FileManager.default
        var files = 0, bytes = 0, newest = Date.distantPast
        if let walker = fm.enumerator(atPath: folder) {
            for case let rel as String in walker {
                let attrs = try? fm.attributesOfItem(atPath: (folder as NSString).appendingPathComponent(rel))
                guard let a = attrs else { continue }
                files += 1
                bytes += (a[.size] as? Int) ?? 0
                if let m = a[.modificationDate] as? Date, m > newest { newest = m }
            }
        }
        return Signature(files: files, bytes: bytes, newest: newest)
    }

    /// True when `folder` may be scored now.
    mutating func isReady(_ folder: String, now: Date = Date()) -> Bool {
        let fm = FileManager.default
        if fm.fileExists(atPath: (folder as NSString).appendingPathComponent("READY")) { return true }
        guard fm.fileExists(atPath: (folder as NSString).appendingPathComponent("lot.yaml")) else { return false }
        let sig = Self.signature(of: folder)
        if let prior = seen[folder], prior.signature == sig {
            return now.timeIntervalSince(prior.since) >= settle && now.timeIntervalSince(sig.newest) >= settle
        }
        seen[folder] = (sig, now)
        return false
    }

    mutating func forget(_ folder: String) { seen[folder] = nil }
}

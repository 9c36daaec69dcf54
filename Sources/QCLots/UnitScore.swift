import Foundation
import QCInspection

/// What the comparison engine returns for one photo: the result, and the overlay PNG it drew (if any).
public struct UnitScore: Sendable, Equatable {
    public var result: CompareResult
    /// An overlay image the scorer wrote for this unit; the report folder copies it to `overlays/`.
    public var overlayPath: String?

    public init(_ result: CompareResult, overlayPath: String? = nil) {
        self.result = result; self.overlayPath = overlayPath
    }

    /// A scorer from a plain comparison function that draws no overlays.
    public static func scorer(_ compare: @escaping @Sendable (_ photoPath: String) throws -> CompareResult) -> UnitScorer {
        { path in UnitScore(try compare(path)) }
    }

    /// A folder for overlays drawn while a lot is scored (`$TMPDIR/qcvision-overlays-<pid>`); the report folder
    /// copies what it needs, and the caller may delete the folder afterwards.
    public static var scratchDirectory: String {
        FileManager.default.temporaryDirectory.appendingPathComponent("qcvision-overlays-\(ProcessInfo.processInfo.processIdentifier)").path
    }

    /// A unique overlay file in `scratchDirectory` for a photo (its path with separators replaced), creating the
    /// folder when needed.
    public static func scratchOverlayPath(for photoPath: String) throws -> String {
        try FileManager.default.createDirectory(atPath: scratchDirectory, withIntermediateDirectories: true)
        let name = String(photoPath.unicodeScalars.map { scalar -> Character in
            let c = Character(scalar)
            return scalar.isASCII && (c.isLetter || c.isNumber || c == "-" || c == ".") ? c : "_"
        })
        return (scratchDirectory as NSString).appendingPathComponent(name + ".overlay.png")
    }
}

/// Compares one unit photo (full path) with the lot's master. Throws when the photo cannot be read or
/// measured; the lot goes on without it. Called from several threads at once.
public typealias UnitScorer = @Sendable (_ photoPath: String) throws -> UnitScore

/// The outcome of scoring one photo.
public enum UnitOutcome: Sendable {
    case scored(LotPhoto, UnitScore)
    /// The photo could not be read or measured; the message says why.
    case failed(LotPhoto, String)

    public var photo: LotPhoto {
        switch self {
        case .scored(let photo, _), .failed(let photo, _): return photo
        }
    }
}

/// Progress of a lot being scored, reported after each photo.
public struct ScoringProgress: Sendable, Equatable {
    /// Photos finished (scored or failed), 1...total.
    public var done: Int
    public var total: Int
    /// The photo just finished, relative to the lot folder.
    public var photo: String
    /// True when that photo could not be scored.
    public var failed: Bool
    /// Photos that failed so far.
    public var failures: Int

    public init(done: Int, total: Int, photo: String, failed: Bool, failures: Int) {
        self.done = done; self.total = total; self.photo = photo; self.failed = failed; self.failures = failures
    }
}

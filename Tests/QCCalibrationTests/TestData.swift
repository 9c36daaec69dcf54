import Foundation
import Testing

/// Locates `../shared/testdata` relative to the package root (public conformance data).
enum TestData {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let root: URL = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/testdata")
    static var available: Bool { FileManager.default.fileExists(atPath: root.path) }
    static let skipNote: Comment = "../shared/testdata is absent: conformance data tests are skipped"

    static func path(_ rel: String) -> String { root.appendingPathComponent(rel).path }

    static func files(in dir: String, suffix: String = ".png") -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path(dir))) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted()
    }
}

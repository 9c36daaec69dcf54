import Foundation
import Testing

/// Shared by the test targets. Locates `../shared/testdata` relative to the package root (public conformance data).
public enum TestData {
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let root: URL = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/testdata")
    public static var available: Bool { FileManager.default.fileExists(atPath: root.path) }
    public static let skipNote: Comment = "../shared/testdata is absent: conformance data tests are skipped"

    public static func path(_ rel: String) -> String { root.appendingPathComponent(rel).path }

    public static func files(in dir: String, suffix: String = ".png") -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path(dir))) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted()
    }
}

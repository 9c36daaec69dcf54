import Foundation

/// Runs the built `qcvision` binary as a subprocess, the way inspectors and scripts do.
struct CLIRunner {
    struct Result { var status: Int32; var stdout: String; var stderr: String }

    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The directory holding the built products (the test bundle sits beside the executables).
    static var productsDirectory: URL {
        let candidates = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        for dir in candidates {
            var d = dir
            for _ in 0..<3 {
                if FileManager.default.isExecutableFile(atPath: d.appendingPathComponent("qcvision").path) { return d }
                d = d.deletingLastPathComponent()
            }
        }
        return candidates[0]
    }

    static func run(_ arguments: [String], cwd: URL = packageRoot) throws -> Result {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("qcvision")
        process.arguments = arguments
        process.currentDirectoryURL = cwd
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    static let sharedTestData = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/testdata")
    static var testDataAvailable: Bool { FileManager.default.fileExists(atPath: sharedTestData.path) }
}

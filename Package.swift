// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "qcvision",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "qcvision", targets: ["qcvision"]),
        .executable(name: "qcrender", targets: ["qcrender"]),
        .library(name: "QCImage", targets: ["QCImage"]),
        .library(name: "QCColor", targets: ["QCColor"]),
        .library(name: "QCSampling", targets: ["QCSampling"]),
        .library(name: "QCCalibration", targets: ["QCCalibration"]),
        .library(name: "QCInspection", targets: ["QCInspection"]),
        .library(name: "QCLots", targets: ["QCLots"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // C door: system libraries and the setjmp-guarded codec shims.
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CJPEG", providers: [.apt(["libjpeg-dev"])]),
        .target(name: "CCodecShims", dependencies: ["CPNG", "CJPEG"],
                linkerSettings: [.linkedLibrary("png16"), .linkedLibrary("jpeg")]),

        // Vision core.
        .target(name: "QCImage", dependencies: ["CCodecShims"]),
        .target(name: "QCColor", dependencies: ["QCImage"]),
        .target(name: "QCCalibration", dependencies: ["QCImage", "QCColor", "QCConfig"]),
        // YAML configuration files read with line numbers in every error.
        .target(name: "QCConfig", dependencies: [.product(name: "Yams", package: "Yams")]),

        // Pure AQL tables and decisions (ISO 2859-1).
        .target(name: "QCSampling"),

        // Inspection: control sheet, measured master, unit-vs-master measurements, defects.
        .target(name: "QCInspection", dependencies: [
            "QCImage", "QCColor", "QCCalibration", "QCSampling", "QCConfig",
        ]),
        // Lots: batch scoring, defect map and diagnosis, reports, the inspection store.
        .target(name: "QCLots", dependencies: [
            "QCInspection", "QCSampling", "QCImage", "QCConfig",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),

        // The watch service: inbox folders picked up when complete, scored exactly once.
        .target(name: "QCWatch", dependencies: ["QCLots", .product(name: "Logging", package: "swift-log")]),

        // Synthetic photos with exact truth: tests and demos only, never used by the product at run time.
        .target(name: "QCRender", dependencies: ["QCImage", "QCColor"]),

        .executableTarget(name: "qcvision", dependencies: [
            "QCImage", "QCColor", "QCSampling", "QCCalibration", "QCInspection", "QCLots", "QCWatch",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "qcrender", dependencies: [
            "QCRender", "QCImage",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Accuracy report against the renderer's truth (prints figures; not part of the product).
        .executableTarget(name: "qcaccuracy", dependencies: ["QCRender", "QCInspection", "QCCalibration", "QCImage", "QCColor"]),
        // Timing of compare against decoding and of lot throughput (prints figures; never asserted).
        .executableTarget(name: "qcbench", dependencies: ["QCRender", "QCInspection", "QCCalibration", "QCImage", "CCodecShims"]),

        // Locating ../shared/testdata and the package root, for the test targets only.
        .target(name: "QCTestSupport", path: "Tests/QCTestSupport"),
        .testTarget(name: "QCImageTests", dependencies: ["QCImage", "QCTestSupport"]),
        .testTarget(name: "QCColorTests", dependencies: ["QCColor", "QCTestSupport"]),
        .testTarget(name: "QCConfigTests", dependencies: ["QCConfig"]),
        .testTarget(name: "QCSamplingTests", dependencies: ["QCSampling"]),
        .testTarget(name: "QCRenderTests", dependencies: ["QCRender", "QCImage", "QCColor"]),
        .testTarget(name: "QCCalibrationTests", dependencies: ["QCCalibration", "QCRender", "QCTestSupport"]),
        .testTarget(name: "QCInspectionTests", dependencies: ["QCInspection", "QCRender", "QCCalibration"]),
        .testTarget(name: "QCLotsTests", dependencies: ["QCLots", "QCInspection", "QCSampling"]),
        .testTarget(name: "QCVisionCLITests", dependencies: ["qcvision", "QCRender"]),
    ]
)

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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
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
        .target(name: "QCCalibration", dependencies: ["QCImage", "QCColor", .product(name: "Yams", package: "Yams")]),

        // Pure AQL tables and decisions (ISO 2859-1).
        .target(name: "QCSampling"),

        // Synthetic photos with exact truth: tests and demos only, never used by the product at run time.
        .target(name: "QCRender", dependencies: ["QCImage", "QCColor"]),

        .executableTarget(name: "qcvision", dependencies: [
            "QCImage", "QCColor", "QCSampling", "QCCalibration",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "qcrender", dependencies: [
            "QCRender", "QCImage",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "QCImageTests", dependencies: ["QCImage"]),
        .testTarget(name: "QCColorTests", dependencies: ["QCColor"]),
        .testTarget(name: "QCSamplingTests", dependencies: ["QCSampling"]),
        .testTarget(name: "QCRenderTests", dependencies: ["QCRender", "QCImage", "QCColor"]),
        .testTarget(name: "QCCalibrationTests", dependencies: ["QCCalibration", "QCRender"]),
        .testTarget(name: "QCVisionCLITests", dependencies: ["qcvision"]),
    ]
)

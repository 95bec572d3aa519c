// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Tandem",
    products: [
        // MARK: - Public API
        .library(name: "Assignment", targets: ["Assignment"]),
        .library(name: "Matching", targets: ["Matching"]),
        .executable(name: "tandem", targets: ["tandem"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // MARK: - Public API
        .target(name: "Assignment", swiftSettings: internalChecks),
        .target(
            name: "Matching",
            dependencies: ["Assignment", "CLinearAlgebra", "CDirectoryHint", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .executableTarget(
            name: "tandem",
            dependencies: [
                "Assignment", "Matching",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: - Implementation details
        .systemLibrary(
            name: "CLinearAlgebra",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        // One ioctl that `Foundation` has no call for: see `AtomicDirectory`.
        .target(name: "CDirectoryHint"),

        // MARK: - Tests
        .target(name: "TestSupport", dependencies: ["Assignment"], path: "Tests/TestSupport"),
        .testTarget(
            name: "AssignmentTests",
            dependencies: [
                "Assignment", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: internalChecks
        ),
        .testTarget(name: "MatchingTests", dependencies: ["Matching", "Assignment", "TestSupport"]),
        .testTarget(name: "tandemTests", dependencies: ["tandem"], resources: [.copy("Snapshots")]),
    ],
    swiftLanguageModes: [.v6]
)

/// `TANDEM_INTERNAL_CHECKS` turns on the solver's `_checkInvariants()` after every
/// augmentation. It is on in debug builds (so `make test` runs with it) and off in
/// release builds, which the benchmarks and `make demo` use.
var internalChecks: [SwiftSetting] {
    [.define("TANDEM_INTERNAL_CHECKS", .when(configuration: .debug))]
}

// swift-tools-version: 6.1
import PackageDescription

// The module graph (arrows are imports; the README's "Architecture" says why):
//
//   tandem ──► AssignmentFiles ──► Assignment
//     │  └───► TandemSynthetic ──► AssignmentFiles, MatchingReports
//     ├──────► MatchingHistory ──► MatchingReports, GRDB (SQLite)   (the ledger)
//     └──────► MatchingReports ──► Matching ──► Assignment
//   Matching, AssignmentFiles, tandem ──► Diagnostics      (the one error model)
//   Matching ──► CLinearAlgebra (OpenBLAS, LAPACKE)        MatchingReports ──► CFileSystem
//   every module but Assignment and Diagnostics ──► _TandemUtilities (hidden)
//   TandemFuzzTargets ──► AssignmentFiles, Matching, MatchingReports (make fuzz, the regression tests)
let package = Package(
    name: "Tandem",
    // Int128, in which the certificate sums Int64 values exactly, needs macOS 15
    // (Linux has no such floor; Linux is what Tandem is built and tested on).
    platforms: [.macOS(.v15)],
    products: [
        // MARK: - Public API
        .library(name: "Assignment", targets: ["Assignment"]),
        .library(name: "AssignmentFiles", targets: ["AssignmentFiles"]),
        .library(name: "Diagnostics", targets: ["Diagnostics"]),
        .library(name: "Matching", targets: ["Matching"]),
        .library(name: "MatchingReports", targets: ["MatchingReports"]),
        .library(name: "MatchingHistory", targets: ["MatchingHistory"]),
        .executable(name: "tandem", targets: ["tandem"]),
        // Seeded cohorts and instances for tests and benchmarks, not part of
        // Tandem's API: a product only because the nested benchmark package
        // can reach nothing else.
        .library(name: "TandemSynthetic", targets: ["TandemSynthetic"]),
        // Every input reader driven with arbitrary bytes: a product only for
        // the nested fuzzing package (`make fuzz`); the tests run it too.
        .library(name: "TandemFuzzTargets", targets: ["TandemFuzzTargets"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // MARK: - Public API
        .target(name: "Assignment", swiftSettings: internalChecks),
        .target(name: "Diagnostics"),
        .target(name: "AssignmentFiles", dependencies: ["Assignment", "Diagnostics", "_TandemUtilities"]),
        .target(
            name: "Matching",
            dependencies: [
                "Assignment", "Diagnostics", "CLinearAlgebra", "_TandemUtilities",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .target(
            name: "MatchingReports",
            dependencies: ["Matching", "CFileSystem", "_TandemUtilities"]
        ),
        .target(
            name: "MatchingHistory",
            dependencies: [
                "Matching", "MatchingReports", "Diagnostics", "_TandemUtilities",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "tandem",
            dependencies: [
                "AssignmentFiles", "CLinearAlgebra", "Diagnostics", "Matching", "MatchingReports", "MatchingHistory",
                "TandemSynthetic", "_TandemUtilities",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "TandemSynthetic",
            dependencies: ["AssignmentFiles", "MatchingReports", "_TandemUtilities"]
        ),

        .target(
            name: "TandemFuzzTargets",
            dependencies: [
                "AssignmentFiles", "Diagnostics", "Matching", "MatchingReports", "MatchingHistory",
            ]
        ),

        // MARK: - Implementation details
        // Standard library only: the seeded generator, SHA-256 and the version,
        // shared by the modules above and by the tests.
        .target(name: "_TandemUtilities"),
        .systemLibrary(
            name: "CLinearAlgebra",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        // Two file-system calls `Foundation` has no word for (a directory flag,
        // an atomic exchange of two paths): see `AtomicDirectory`.
        .target(name: "CFileSystem"),

        // MARK: - Tests
        .target(name: "TestSupport", dependencies: ["Assignment", "_TandemUtilities"], path: "Tests/TestSupport"),
        .testTarget(
            name: "AssignmentTests",
            dependencies: [
                "Assignment", "TestSupport", "_TandemUtilities",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: internalChecks
        ),
        .testTarget(
            name: "AssignmentFilesTests",
            dependencies: ["AssignmentFiles", "Assignment", "Diagnostics", "_TandemUtilities"]
        ),
        .testTarget(
            name: "MatchingTests",
            dependencies: [
                "Matching", "Assignment", "Diagnostics", "TandemSynthetic", "TestSupport", "_TandemUtilities",
            ]
        ),
        .testTarget(
            name: "MatchingReportsTests",
            dependencies: [
                "MatchingReports", "Matching", "Diagnostics", "TandemSynthetic", "TestSupport", "_TandemUtilities",
            ]
        ),
        .testTarget(name: "TandemUtilitiesTests", dependencies: ["_TandemUtilities"]),
        .testTarget(
            name: "FuzzRegressionTests", dependencies: ["TandemFuzzTargets", "Diagnostics", "TestSupport"],
            exclude: ["Inputs"]
        ),
        .testTarget(
            name: "tandemTests",
            dependencies: ["tandem", "AssignmentFiles", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Snapshots"]),
    ],
    swiftLanguageModes: [.v6]
)

/// `TANDEM_INTERNAL_CHECKS` turns on the solver's `_checkInvariants()` after every
/// augmentation. It is on in debug builds (so `make test` runs with it) and off in
/// release builds, which the benchmarks and `make demo` use.
var internalChecks: [SwiftSetting] {
    [.define("TANDEM_INTERNAL_CHECKS", .when(configuration: .debug))]
}

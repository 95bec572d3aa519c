// swift-tools-version: 6.1
import Foundation
import PackageDescription

// A nested package, so `make test` in the root never builds the benchmark
// dependencies. Run with `make benchmark` (or `swift package benchmark` here).
//
// A path dependency is known by its folder's name, so the root package's
// identity is read from where this manifest sits: any checkout folder works.
let tandem = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "TandemBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        suite("SolverBenchmarks", modules: ["Assignment", "TandemSynthetic"]),
        suite("ScoringBenchmarks", modules: ["Matching", "TandemSynthetic"], extra: ["CBLAS"]),
        suite("RoundBenchmarks", modules: ["Matching", "MatchingReports", "TandemSynthetic"]),
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
    ]
)

/// One benchmark suite, `Benchmarks/<name>/<name>.swift`, over some of Tandem's modules.
func suite(_ name: String, modules: [String], extra: [Target.Dependency] = []) -> Target {
    .executableTarget(
        name: name,
        dependencies: [.product(name: "Benchmark", package: "benchmark")]
            + modules.map { .product(name: $0, package: tandem) } + extra,
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

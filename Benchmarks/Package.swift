// swift-tools-version: 6.1
import PackageDescription

// A nested package, so `make test` in the root never builds the benchmark
// dependencies. Run with `make benchmark` (or `swift package benchmark` here).
let package = Package(
    name: "TandemBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        suite("SolverBenchmarks", modules: ["Assignment", "Matching"]),
        suite("ScoringBenchmarks", modules: ["Matching"]),
        suite("RoundBenchmarks", modules: ["Matching"]),
    ]
)

/// One benchmark suite, `Benchmarks/<name>/<name>.swift`, over some of Tandem's modules.
func suite(_ name: String, modules: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: [.product(name: "Benchmark", package: "benchmark")]
            + modules.map { .product(name: $0, package: "main") },
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

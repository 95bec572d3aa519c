// swift-tools-version: 6.1
import Foundation
import PackageDescription

// A nested package, so `make test` in the root never builds with the fuzzer's
// instrumentation. Built and run by `make fuzz` (see the README's
// "Reliability"): the flags that instrument every module for libFuzzer are
// given on the command line, because they must reach the root package's
// modules too, which a manifest setting here cannot.
//
// A path dependency is known by its folder's name, so the root package's
// identity is read from where this manifest sits: any checkout folder works.
let tandem = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "TandemFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "../")],
    targets: [
        .executableTarget(
            name: "tandem-fuzz",
            dependencies: [.product(name: "TandemFuzzTargets", package: tandem), "CLibFuzzer"]
        ),
        // libFuzzer's entry point, which Swift can only call through a header.
        .target(name: "CLibFuzzer"),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version: 6.1
import Foundation
import PackageDescription

// A round built in Swift, with no file at all: `swift run` here.
//
// A path dependency is known by its folder's name, so Tandem's identity is
// read from where this manifest sits: any checkout folder works.
let tandem = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "FirstRound",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "../..")],
    targets: [
        .executableTarget(name: "FirstRound", dependencies: [.product(name: "Matching", package: tandem)])
    ],
    swiftLanguageModes: [.v6]
)

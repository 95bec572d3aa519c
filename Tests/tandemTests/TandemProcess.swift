import Foundation
import Testing

/// Runs the built `tandem` binary — the one built beside this test bundle,
/// never a stale one from another configuration — and captures what it prints.
struct TandemProcess {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// `tandem` in the folder of the running test executable.
    static var executable: URL {
        get throws {
            let folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
                .deletingLastPathComponent()
            let candidate = folder.appendingPathComponent("tandem")
            guard FileManager.default.isExecutableFile(atPath: candidate.path) else {
                throw MissingExecutable(path: candidate.path)
            }
            return candidate
        }
    }

    struct MissingExecutable: Error, CustomStringConvertible {
        let path: String
        var description: String { "No executable at \(path); build the tests with `swift build --build-tests` first." }
    }

    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// Runs `tandem` with `arguments` in `directory` (the package root by default).
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = try executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Both pipes are read before waiting: a child that fills one would otherwise stall.
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }

    /// Every file under `root`, by its path from there, with its bytes.
    static func files(under root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            files[String(url.path.dropFirst(root.path.count))] = try Data(contentsOf: url)
        }
        return files
    }

    /// Whether snapshots are being recorded (`make snapshots`).
    static var recording: Bool { ProcessInfo.processInfo.environment["TANDEM_RECORD_SNAPSHOTS"] == "1" }

    /// Compares `actual` with the snapshot `name` in `Tests/tandemTests/Snapshots/`,
    /// or writes it there when recording.
    static func expectSnapshot(
        _ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let url = packageRoot.appendingPathComponent("Tests/tandemTests/Snapshots").appendingPathComponent(name)
        if recording {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(
            actual == expected, "differs from Snapshots/\(name); if the change is intended, run `make snapshots`",
            sourceLocation: sourceLocation)
    }
}

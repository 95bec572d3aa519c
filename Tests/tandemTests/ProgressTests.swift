import Foundation
import Testing

/// What `tandem match` prints on standard error besides its summary: the
/// progress of its steps on a terminal, nothing of it otherwise, and many
/// warnings briefly with the whole list in the round's folder.
@Suite struct ProgressTests {
    /// A generated cohort of 1,000 mentees (about forty out-of-scope goals)
    /// in a fresh folder, and the `match` arguments for it.
    private static func cohort() throws -> (folder: URL, arguments: [String]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tandem-progress-\(UUID().uuidString)")
        let cohort = folder.appendingPathComponent("cohort").path
        let generated = try TandemProcess.run([
            "generate", "--mentees", "1000", "--mentors", "500", "--seed", "4", "--out", cohort,
        ])
        #expect(generated.status == 0)
        return (
            folder,
            [
                "match", "--mentors", "\(cohort)/mentors.csv", "--mentees", "\(cohort)/mentees.csv",
                "--conflicts", "\(cohort)/conflicts.csv", "--policy", "\(cohort)/policy.toml",
            ]
        )
    }

    @Test("Many warnings: each kind's first few on the terminal, every one in warnings.txt; no progress off a terminal")
    func warningsBriefly() throws {
        let (folder, arguments) = try Self.cohort()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("round").path
        let result = try TandemProcess.run(arguments + ["--out", out])
        #expect(result.status == 0)
        let listed = try String(contentsOfFile: out + "/warnings.txt", encoding: .utf8)
            .split(separator: "\n")
        #expect(listed.count > 20)
        #expect(listed.allSatisfy { $0.contains(": warning: ") })
        let printed = result.standardError.split(separator: "\n")
        #expect(printed.count < 10)
        #expect(
            printed.contains { $0.hasPrefix("  … and ") && $0.hasSuffix("more like this (\(listed.count - 1) in all)") }
        )
        #expect(printed.last == "all \(listed.count) problems, one per line, in \(out)/warnings.txt")
        #expect(!result.standardError.contains("✓") && !result.standardError.contains("\r"))
    }

    @Test("tandem validate tells many warnings briefly, and every one with --all")
    func validateBriefly() throws {
        let (folder, arguments) = try Self.cohort()
        defer { try? FileManager.default.removeItem(at: folder) }
        let validate = ["validate"] + arguments.dropFirst()
        let brief = try TandemProcess.run(Array(validate))
        let all = try TandemProcess.run(Array(validate) + ["--all"])
        #expect(brief.status == 0 && all.status == 0)
        let warnings = all.standardError.split(separator: "\n").filter { $0.contains(": warning: ") }
        #expect(warnings.count > 20)
        let printed = brief.standardError.split(separator: "\n")
        #expect(printed.count < 10)
        #expect(printed.last == "all \(warnings.count) problems, one per line, in the output of tandem validate --all")
        #expect(brief.standardOutput == all.standardOutput)
    }

    @Test("On a terminal, each step ends with its line and time (TANDEM_PROGRESS_DELAY=0 shows even short ones)")
    func stepsOnTerminal() throws {
        let (folder, arguments) = try Self.cohort()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("round").path
        // `script` runs the command on a pseudo-terminal and copies what it
        // shows (standard output and error together) to its own output.
        let command = ([try TandemProcess.executable.path] + arguments + ["--out", out])
            .map { "'" + $0 + "'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
        process.environment = ProcessInfo.processInfo.environment.merging(["TANDEM_PROGRESS_DELAY": "0"]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let shown = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let ended = shown.components(separatedBy: "\r").flatMap { $0.components(separatedBy: "\n") }
            .filter { $0.contains("✓ ") }.map { $0.replacingOccurrences(of: "\u{1B}[2K", with: "") }
        let steps = [
            "✓ reading the sign-ups", "✓ scoring every pair  1,000 mentees", "✓ solving over each mentee's best pairs",
            "✓ proving the answer optimal and explaining it", "✓ pricing one more place  3 variants",
            "✓ writing the reports and letters",
        ]
        for step in steps { #expect(ended.contains { $0.hasPrefix(step) }, "\(step) in \(ended)") }
        #expect(shown.contains("matched:"))
    }
}

import Foundation
import Testing

/// What `tandem --help` and each subcommand's help show a newcomer.
@Suite struct HelpTests {
    static let subcommands = [
        "init", "validate", "score", "match", "compare", "publish", "respond", "end", "introduce", "rematch",
        "checkpoint",
        "history", "solve", "instance", "generate",
    ]

    @Test("tandem --help lists a round's commands first, the research tools after them")
    func grouped() throws {
        let help = try TandemProcess.run(["--help"]).standardOutput
        let round = try #require(help.range(of: "ROUND SUBCOMMANDS:"))
        let research = try #require(help.range(of: "RESEARCH SUBCOMMANDS:"))
        #expect(round.upperBound < research.lowerBound)
        let positions = Self.subcommands.map { help.range(of: "\n  \($0) ")!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(help[round.upperBound..<research.lowerBound].contains("\n  init "))
        #expect(help[research.upperBound...].contains("\n  solve "))
    }

    @Test("Every subcommand's help gives an example on the bundled datasets, and it runs", arguments: subcommands)
    func example(subcommand: String) throws {
        let help = try TandemProcess.run([subcommand, "--help"]).standardOutput
        // The example runs the subcommand (after the commands that prepare
        // its inputs, for the commands of a round's life).
        let example = help.components(separatedBy: "Example:\n").dropFirst().first ?? ""
        #expect(example.hasPrefix("  tandem ") && example.contains("tandem \(subcommand) "), "\(help)")
        #expect(
            help.contains("datasets/") || subcommand == "instance" || subcommand == "generate", "\(subcommand)")
        // The example as a shell would read it (lines ending in "\" joined),
        // run in an empty folder that sees the datasets.
        let lines = help.components(separatedBy: "Example:\n")[1].components(separatedBy: "\n\n")[0]
        // Shown as a shell takes it: one step per line, continued lines indented.
        #expect(
            lines.split(separator: "\n").allSatisfy { $0.hasPrefix("  ") && !$0.drop { $0 == " " }.contains("  ") },
            "\(lines)")
        let command = lines.replacingOccurrences(of: "\\\n", with: " ")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-example-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("datasets"),
            withDestinationURL: TandemProcess.packageRoot.appendingPathComponent("datasets"))
        for step in command.components(separatedBy: "&&") {
            let words = step.split(whereSeparator: \.isWhitespace).map(String.init)
            #expect(words.first == "tandem", "\(step)")
            let result = try TandemProcess.run(Array(words.dropFirst()), in: folder)
            #expect(result.status == 0, "\(step): \(result.standardError)")
        }
    }
}

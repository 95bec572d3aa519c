import Foundation
import Testing

/// What `tandem --help` and each subcommand's help show a newcomer.
@Suite struct HelpTests {
    static let subcommands = ["init", "validate", "score", "match", "solve", "instance", "generate"]

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

    @Test("Every subcommand's help gives an example on the bundled datasets", arguments: subcommands)
    func example(subcommand: String) throws {
        let help = try TandemProcess.run([subcommand, "--help"]).standardOutput
        #expect(help.contains("Example:\n  tandem \(subcommand) "), "\(help)")
        #expect(
            help.contains("datasets/") || subcommand == "instance" || subcommand == "generate", "\(subcommand)")
    }
}

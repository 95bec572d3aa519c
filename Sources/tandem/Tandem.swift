import ArgumentParser
import _TandemUtilities

/// The `tandem` command: configuration only; each subcommand has its own file.
@main
struct Tandem: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tandem",
        abstract: "Exact, provably optimal matching for mentoring schemes.",
        discussion: """
            A round: tandem init writes a first policy from the sign-up files; tandem validate \
            checks the sign-ups, conflicts and policy; tandem score explains any pair's score; \
            tandem match pairs mentees with mentors and writes the proposals, reasons, letters \
            and reports. Every matching is solved exactly with a \
            shortest-augmenting-path (Jonker–Volgenant family) solver and proved optimal with \
            an independent dual certificate; tandem solve does the same for a bare matrix.
            """,
        version: TandemVersion.current,
        // Not shown: run by `tandem match --pass-processes` itself.
        subcommands: [PassPart.self],
        // A coordinator's commands first, in the order of a round; the
        // researchers' tools after them under their own heading.
        groupedSubcommands: [
            CommandGroup(name: "Round", subcommands: [Init.self, Validate.self, Score.self, Match.self, Compare.self]),
            CommandGroup(
                name: "After the round",
                subcommands: [
                    Publish.self, Respond.self, End.self, Introduce.self, Rematch.self, Checkpoint.self, History.self,
                ]),
            CommandGroup(
                name: "Research", subcommands: [Solve.self, Instance.self, Generate.self]),
        ]
    )

    /// Makes OpenBLAS use the CPU's own kernels (see ``BLASKernels``), then
    /// parses the command line and runs the command.
    static func main() async {
        BLASKernels.useTheCPUsOwn()
        await main(nil)
    }
}

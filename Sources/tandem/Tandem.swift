import ArgumentParser
import _TandemUtilities

/// The `tandem` command: configuration only; each subcommand has its own file.
@main
struct Tandem: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tandem",
        abstract: "Exact, provably optimal matching for mentoring schemes.",
        discussion: """
            A round: tandem validate checks the sign-ups, conflicts and policy; tandem score \
            explains any pair's score; tandem match pairs mentees with mentors and writes the \
            proposals, reasons, letters and reports. Every matching is solved exactly with a \
            shortest-augmenting-path (Jonker–Volgenant family) solver and proved optimal with \
            an independent dual certificate; tandem solve does the same for a bare matrix.
            """,
        version: TandemVersion.current,
        subcommands: [Init.self, Match.self, Validate.self, Score.self, Generate.self, Solve.self, Instance.self]
    )
}

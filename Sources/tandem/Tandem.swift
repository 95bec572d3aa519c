import Matching
import ArgumentParser

/// The `tandem` command: configuration only; each subcommand has its own file.
@main
struct Tandem: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tandem",
        abstract: "Exact, provably optimal matching for mentoring schemes.",
        discussion: """
            Tandem solves assignment problems exactly with a shortest-augmenting-path \
            (Jonker–Volgenant family) solver and proves every answer optimal with an \
            independent dual certificate.
            """,
        version: TandemVersion.current,
        subcommands: [Match.self, Validate.self, Score.self, Generate.self, Solve.self, Instance.self]
    )
}

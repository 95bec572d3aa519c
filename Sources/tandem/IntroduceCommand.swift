import ArgumentParser
import Matching
import MatchingHistory

extension Tandem {
    /// `tandem introduce`: accepted pairs given each other's contact details.
    struct Introduce: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the introductions of pairs accepted since the last time (a mail-merge file).",
            discussion: """
                For every accepted pair of the latest published round (or --round) not yet \
                introduced, a row per person: email, name, role, subject, text (the partner's \
                name and email, and who writes first), partner_name, partner_email, sign_off. \
                The pairs are recorded as introduced, so running it again after more acceptances \
                writes only the new pairs. Only names and emails are given, never anyone's \
                answers or scores. An existing file is never replaced.

                Example:
                \(RoundLifeExample.answered) \\
                    && tandem introduce --ledger scheme.sqlite --out introductions.csv
                """
        )

        @OptionGroup var ledgerOptions: LedgerOptions

        @Option(
            name: .customLong("round"),
            help: ArgumentHelp("The round (default: the latest published).", valueName: "name"))
        var roundName: String?

        @Option(
            help: ArgumentHelp("The mail-merge file to write; an existing file is never replaced.", valueName: "file"))
        var out = "introductions.csv"

        @Option(help: ArgumentHelp("The day they are sent (default: today), as 2027-03-15.", valueName: "date"))
        var date: String?

        func run() throws {
            let day = try date.map(CalendarDate.option) ?? .today
            let ledger = try ledgerOptions.open()
            let introduced: Ledger.Introduced
            do {
                introduced = try ledger.introduce(roundNamed: roundName, on: day, mailMergeTo: out)
            } catch {
                throw ErrorReporter.fail(error)
            }
            guard introduced.pairs > 0 else {
                print(
                    "introduced:  nobody new; every accepted pair of round \"\(introduced.round)\" was introduced before"
                )
                return
            }
            print(
                "introduced:  \(introduced.pairs) accepted pair\(introduced.pairs == 1 ? "" : "s") of round \"\(introduced.round)\""
            )
            print("letters:     \(out) (\(introduced.rows) participants)")
        }
    }
}

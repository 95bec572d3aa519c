import ArgumentParser
import Matching
import MatchingHistory

extension Tandem {
    /// `tandem checkpoint`: the 3- and 6-month reviews of accepted pairings.
    struct Checkpoint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the 3- and 6-month reviews of accepted pairings from a form's export.",
            discussion: """
                OUTCOMES.csv has a row per review: email or id (a mentee or mentor of an accepted \
                pairing), month (3, "6 months"), still meeting (yes or no), and optionally rating \
                (1 to 5), partner (a mentor with several mentees names one), reviewed by (mentee, \
                mentor or coordinator; by default the person the row names), date (2027-06-15; \
                today if empty) and note (kept private). Headers are matched in any case ("Are you \
                still meeting?", "How would you rate it?"). Every bad row is reported at once and \
                nothing is recorded then; a review the ledger already has is skipped. Pairs that \
                no longer meet are listed, for tandem end.

                Example:
                \(RoundLifeExample.answered) \\
                    && tandem checkpoint --ledger scheme.sqlite datasets/sample/checkpoints.csv
                """
        )

        @OptionGroup var ledgerOptions: LedgerOptions

        @Option(
            name: .customLong("round"),
            help: ArgumentHelp("The round reviewed (default: the latest published).", valueName: "name"))
        var roundName: String?

        @Argument(help: ArgumentHelp("The review outcomes (CSV).", valueName: "outcomes.csv"))
        var outcomes: String

        func run() throws {
            let ledger = try ledgerOptions.open()
            let recorded: Ledger.CheckpointsRecorded
            do {
                recorded = try ledger.recordCheckpoints(file: outcomes, round: roundName, today: .today)
            } catch {
                throw ErrorReporter.fail(error)
            }
            let rating = recorded.meanRating.map { String(format: ", mean rating %.1f", $0) } ?? ""
            let unchanged =
                recorded.unchanged > 0
                ? " (\(recorded.unchanged) review\(recorded.unchanged == 1 ? "" : "s") already recorded)" : ""
            print(
                "recorded:    \(recorded.reviews) review\(recorded.reviews == 1 ? "" : "s") for round \"\(recorded.round)\": \(recorded.stillMeeting) still meeting\(rating)\(unchanged)"
            )
            guard let first = recorded.notMeeting.first else { return }
            let count = recorded.notMeeting.count
            let shown = recorded.notMeeting.prefix(10).joined(separator: ", ")
            print(
                "not meeting: \(count) pair\(count == 1 ? "" : "s") (mentees \(shown)\(count > 10 ? ", …" : ""))"
            )
            print(
                "next:        tandem end --ledger \(ledger.path) --mentee \(first) --reason CODE records an ending; tandem rematch then proposes new mentors"
            )
        }
    }
}
